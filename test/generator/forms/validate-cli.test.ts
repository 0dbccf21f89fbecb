import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { buildBlankForm } from '../../../core/forms/blank-form';
import { defaultDefinitions } from '../../fixtures/forms';
import { runCli } from './run-cli';

const f1 = defaultDefinitions().find((d) => d.id === 'F1')!;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-forms-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const GOOD: Record<string, ExcelJS.CellValue> = {
  '0.1': 'Кыштымский городской округ',
  '0.2': 2024,
  '0.3': '15.01.2025',
  '0.4': 'Иванова И.И.',
  '0.5': 0,
  '1.1': 'да',
  '1.2': '08.02.2024',
  '1.3': '35-од',
  '1.4': 'да',
  '1.5': 'да',
  '1.6': 'да',
  '1.7': 'да',
  '2.4': 5,
  '2.5': 'наставничество; стажировки; консультирование',
  '2.6': 'в муниципальном бюджете',
  '3.1': 'да',
  '3.2': '01.12.2024',
  '3.3': 'да',
  '3.4': 'да',
  '3.5': 95,
  '4.4': 'значительное',
};

async function card(
  name: string,
  answers: Record<string, ExcelJS.CellValue>,
  damage?: (ws: ExcelJS.Worksheet, rows: Map<string, number>, wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildBlankForm(f1)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Карта мониторинга')!;
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const k = row.getCell(1).value;
    if (typeof k === 'string' && n > 3) rows.set(k, n);
  });
  for (const [k, v] of Object.entries(answers)) ws.getCell(rows.get(k)!, 3).value = v;
  damage?.(ws, rows, wb);
  const file = path.join(dir, name);
  fs.writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

describe('kaskad validate', () => {
  test('a correct card: exit 0 and the score', async () => {
    const file = await card('good.xlsx', GOOD);
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('замечаний нет');
    expect(r.out).toMatch(/баллы: 26 из 26 \(100 %\), уровень «высокий»/);
  });

  test('findings: «файл, лист, ячейка: сообщение», exit 1; --json carries codes and locations', async () => {
    const file = await card('bad.xlsx', { ...GOOD, '2.4': 'пять' });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /Файл «bad\.xlsx», лист «Карта мониторинга», ячейка C\d+: «Муниципальные методические мероприятия для ШНОР за год»: должно быть число, введено «пять»/,
    );
    const j = await runCli(['validate', file, '--json']);
    const parsed = JSON.parse(j.out) as { files: Array<{ issues: Array<{ code: string; location: { sheet: string; address: string } }> }> };
    expect(parsed.files[0]!.issues[0]).toMatchObject({ code: 'FORM_NOT_NUMBER', location: { sheet: 'Карта мониторинга' } });
    expect(j.code).toBe(1);
  });

  test('--annotate writes a copy with the problem cell filled and a note', async () => {
    const file = await card('annotate-me.xlsx', { ...GOOD, '2.4': 'пять' });
    const out = path.join(dir, 'annotated');
    const r = await runCli(['validate', file, '--annotate', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'annotate-me.xlsx'));
    const ws = wb.getWorksheet('Карта мониторинга')!;
    let noted: ExcelJS.Cell | undefined;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.note) noted = c;
      }),
    );
    expect(noted?.value).toBe('пять');
    expect(JSON.stringify(noted?.note)).toContain('должно быть число');
    expect((noted?.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(wb.getWorksheet('Замечания Каскада')?.rowCount).toBe(2);
  });

  test('--form with an unknown id: exit 2 and the list of forms', async () => {
    const r = await runCli(['validate', path.join(dir, 'good.xlsx'), '--form', 'F9']);
    expect(r.code).toBe(2);
    expect(r.out.trim()).toBe('✖ Параметр --form F9: нет формы «F9». Доступные формы: F1, F2, F3, F7.');
  });

  test('options are named as options, not as files: blank <форма> F9, --year 20245', async () => {
    const unknown = await runCli(['blank', 'F9', '-o', path.join(dir, 'f9.xlsx')]);
    expect(unknown.code).toBe(2);
    expect(unknown.out.trim()).toBe('✖ Параметр <форма> F9: нет формы «F9». Доступные формы: F1, F2, F3, F7.');
    const year = await runCli(['blank', 'F1', '--year', '20245', '-o', path.join(dir, 'y.xlsx')]);
    expect(year.code).toBe(2);
    expect(year.out.trim()).toBe('✖ Параметр --year 20245: в поле «год» недопустимое значение «20245»: нужен год от 2000 до 2100.');
  });
});

describe('bad files: Russian message, no stack trace', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|TypeError/);

  test('missing sheet: exit 2 with «возможно, имелся в виду»', async () => {
    const file = await card('renamed.xlsx', GOOD, (ws) => {
      ws.name = 'Карта мониторинга 2024';
    });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('нет листа «Карта мониторинга». Возможно, имелся в виду лист «Карта мониторинга 2024»');
    noStack(r.out + r.err);
  });

  test('merged cells over inputs: the cell is named, exit 2', async () => {
    const file = await card('merged.xlsx', GOOD, (ws, rows) => {
      ws.unprotect();
      ws.mergeCells(rows.get('1.3')!, 3, rows.get('1.3')!, 4);
    });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/ячейка C\d+: ячейка ответа «Номер акта об утверждении программы» объединена с другими \(C\d+:D\d+\)/);
    noStack(r.out + r.err);
  });

  test('formula errors #ДЕЛ/0! and #REF!: named at their cells, exit 2', async () => {
    const file = await card('formulas.xlsx', {
      ...GOOD,
      '2.4': { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue,
      '3.5': { formula: '#REF!+1', result: { error: '#REF!' } } as ExcelJS.CellValue,
    });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('ошибка формулы #DIV/0!');
    expect(r.out).toContain('ошибка формулы #REF!');
    noStack(r.out + r.err);
  });

  const badBytes: Array<[string, () => Uint8Array, string]> = [
    ['0-byte file', () => new Uint8Array(0), 'файл пуст (0 байт)'],
    ['not a workbook', () => new TextEncoder().encode('Это не книга Excel, а просто текст.\n'), 'файл не является книгой Excel'],
    ['truncated zip', () => fs.readFileSync(path.join(dir, 'good.xlsx')).subarray(0, 3000), 'книга повреждена'],
    ['zip bomb', () => forgeBomb(fs.readFileSync(path.join(dir, 'good.xlsx'))), 'распаковывается больше чем'],
  ];
  test.each(badBytes)('%s: exit 2', async (name, bytes, text) => {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, bytes());
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain(text);
    noStack(r.out + r.err);
  });

  test('a missing file: exit 2, «файл не найден»', async () => {
    const r = await runCli(['validate', path.join(dir, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('файл не найден');
  });
});

/** A real workbook whose central directory claims a part unpacks to 3 GB: refused before inflating. */
function forgeBomb(original: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(original);
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint32(i + 24, 3_000_000_000, true);
      break;
    }
  }
  return bytes;
}
