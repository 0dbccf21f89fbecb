/**
 * `kaskad generate order` first runs F7's checks on the distribution the order approves: an
 * over-cap curator blocks the order (exit 1, the cell named) unless --allow-findings is given,
 * and then the order is made and the finding listed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../../core/issues';
import { generate } from '../../generator/generate';
import { makeTempDir, removeTempDir, rowsWhere, SAMPLE_JSON, SAMPLE_XLSX, sampleWith, sheetOf } from '../helpers/sample-workbook';

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

  it('the sample as JSON passes them too', async () => {
    const result = await generate({ template: 'order', data: SAMPLE_JSON, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(0);
  });
});
