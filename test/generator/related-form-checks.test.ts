/**
 * `kaskad generate order` first runs F7's checks on the distribution the order approves: an
 * over-cap curator blocks the order (exit 1, the cell named) unless --allow-findings is given,
 * and then the order is made and the finding listed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../../core/issues';
import { generate } from '../../generator/generate';
import { columnOf, makeTempDir, removeTempDir, rowsWhere, SAMPLE_JSON, SAMPLE_XLSX, sampleWith, sheetOf } from '../helpers/sample-workbook';

jest.setTimeout(120_000);

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const FORM = 'F7 — Распределение школ с низкими образовательными результатами между кураторами и школами-лидерами';

/** The sample with two more schools given to «knutareva» (11 → 13, the cap is 12); the address of the 13th. */
async function overCap(): Promise<{ data: string; address: string }> {
  let address = '';
  const data = await sampleWith(dir, (wb) => {
    const ws = sheetOf(wb, 'Распределение');
    const rows = rowsWhere(ws, 'Куратор (код)', 'cur01').slice(0, 2);
    for (const r of rows) ws.getCell(r, 3).value = 'knutareva';
    address = `C${rows[1]}`;
  });
  return { data, address };
}

describe('generate order runs the distribution’s F7 checks first', () => {
  it('the sample passes them: the order is made, exit 0', async () => {
    const result = await generate({ template: 'order', data: SAMPLE_XLSX, outDir: join(dir, 'out') });
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.made).toHaveLength(1);
  });

  it('an over-cap curator blocks the order: exit 1, the cell named, nothing written', async () => {
    const { data, address } = await overCap();
    const result = await generate({ template: 'order', data, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(1);
    expect(result.made).toEqual([]);
    expect(result.issues.map(formatIssue)).toEqual([
      `✖ Файл «data.xlsx», лист «Распределение», ячейка ${address}: «Куратор»: у «Кнутарева Надежда Павловна» 13, допускается не больше 12.`,
      `✖ Шаблон «order»: документы не сделаны: данные не прошли проверки формы «${FORM}» — 1\u00a0замечание (перечислены выше). Исправьте книгу данных или запустите с --allow-findings, чтобы сделать документы с замечаниями.`,
    ]);
    expect(readdirSync(dir)).toEqual(['data.xlsx']);
  });

  it('with --allow-findings the order is made and the finding listed', async () => {
    const { data, address } = await overCap();
    const result = await generate({ template: 'order', data, outDir: join(dir, 'out'), allowFindings: true });
    expect(result.exitCode).toBe(0);
    expect(result.made.map((f) => f.split(/[\\/]/).pop())).toEqual([expect.stringMatching(/^Приказ № 04-335 от \d\d\.\d\d\.\d{4}\.docx$/)]);
    expect(result.issues.map(formatIssue)).toEqual([
      `⚠ Файл «data.xlsx», лист «Распределение», ячейка ${address}: «Куратор»: у «Кнутарева Надежда Павловна» 13, допускается не больше 12.`,
      `⚠ Шаблон «order»: документы сделаны с --allow-findings, хотя данные не прошли проверки формы «${FORM}» — 1\u00a0замечание (перечислены выше).`,
    ]);
  });

  it('rows of another year above this year’s: the year is still read whole, and only its own gaps are found', async () => {
    // The first three rows moved to 2023: before the fix the 2024 table ended at the first of them
    // and every 2024 ШНОР was reported as missing.
    const moved: string[] = [];
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Распределение');
      for (let r = 2; r <= 4; r++) {
        ws.getCell(r, 1).value = 2023;
        moved.push(String(ws.getCell(r, 2).value));
      }
    });
    const result = await generate({ template: 'order', data, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(1);
    const lines = result.issues.map(formatIssue);
    expect(lines).toHaveLength(4);
    moved.forEach((code, i) =>
      expect(lines[i]).toMatch(
        new RegExp(`^✖ Файл «data\\.xlsx», лист «Распределение»: школа «.+» \\(код ${code}\\) из списка «ШНОР» не указана в форме\\.$`),
      ),
    );
    expect(lines[3]).toContain(`проверки формы «${FORM}» — 3\u00a0замечания`);
  });

  it('the sample as JSON passes them too', async () => {
    const result = await generate({ template: 'order', data: SAMPLE_JSON, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(0);
  });
});

const F3 = 'F3 — Дорожная карта по организации работы со школами с низкими образовательными результатами';
const F2 = 'F2 — Технологическая карта адресной помощи школе с низкими результатами обучения';
const TERM =
  '«Сроки»: укажите дату (08.02.2024), период (01.02.2024–31.03.2024), месяц («декабрь 2024») или «ежемесячно», «ежеквартально», «в течение года».';

describe('the roadmap and the technology cards run F3’s and F2’s checks first', () => {
  it('the sample passes them: the roadmap and the cards are made, exit 0', async () => {
    for (const template of ['roadmap', 'tech-card']) {
      const result = await generate({ template, data: SAMPLE_XLSX, outDir: join(dir, template) });
      expect(result.issues.map(formatIssue)).toEqual([]);
      expect(result.exitCode).toBe(0);
    }
  });

  it('a roadmap item without a term one can read blocks the roadmap and the order: exit 1, the cell «Сроки» named', async () => {
    let address = '';
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Дорожная карта');
      const row = rowsWhere(ws, '№', '3')[0]!;
      ws.getCell(row, columnOf(ws, 'Сроки')).value = 'когда получится';
      address = `${ws.getCell(row, columnOf(ws, 'Сроки')).address}`;
    });
    for (const template of ['roadmap', 'order']) {
      const result = await generate({ template, data, outDir: join(dir, template) });
      expect(result.exitCode).toBe(1);
      expect(result.made).toEqual([]);
      expect(result.issues.map(formatIssue)).toEqual([
        `✖ Файл «data.xlsx», лист «Дорожная карта», ячейка ${address}: ${TERM}`,
        `✖ Шаблон «${template}»: документы не сделаны: данные не прошли проверки формы «${F3}» — 1\u00a0замечание (перечислены выше). Исправьте книгу данных или запустите с --allow-findings, чтобы сделать документы с замечаниями.`,
      ]);
    }
    const allowed = await generate({ template: 'roadmap', data, outDir: join(dir, 'allowed'), allowFindings: true });
    expect(allowed.exitCode).toBe(0);
    expect(allowed.made).toHaveLength(1);
    expect(allowed.issues.map(formatIssue)).toEqual([
      `⚠ Файл «data.xlsx», лист «Дорожная карта», ячейка ${address}: ${TERM}`,
      `⚠ Шаблон «roadmap»: документы сделаны с --allow-findings, хотя данные не прошли проверки формы «${F3}» — 1\u00a0замечание (перечислены выше).`,
    ]);
  });

  it('two problems of one school ranked 1 block the technology cards: exit 1, the cell «Приоритет (1–4)» named', async () => {
    let address = '';
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Технологические карты');
      const row = rowsWhere(ws, 'Школа (код)', 'sch180')[1]!;
      const cell = ws.getCell(row, columnOf(ws, 'Приоритет (1–4)'));
      cell.value = 1;
      address = cell.address;
    });
    const result = await generate({ template: 'tech-card', data, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(1);
    expect(result.made).toEqual([]);
    expect(result.issues.map(formatIssue)).toEqual([
      `✖ Файл «data.xlsx», лист «Технологические карты», ячейка ${address}: «Приоритет»: приоритеты должны идти 1, 2, … N без повторов и пропусков (повтор 1).`,
      `✖ Шаблон «tech-card»: документы не сделаны: данные не прошли проверки формы «${F2}» — 1\u00a0замечание (перечислены выше). Исправьте книгу данных или запустите с --allow-findings, чтобы сделать документы с замечаниями.`,
    ]);
    // Made for another school only, the cards pass: the findings are those of the schools made.
    const other = await generate({ template: 'tech-card', data, outDir: join(dir, 'other'), select: ['sch087'] });
    expect(other.exitCode).toBe(0);
    expect(other.made).toHaveLength(1);
  });
});
