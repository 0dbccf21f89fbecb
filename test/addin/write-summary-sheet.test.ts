import { fitCellText, MAX_CELL_CHARS, writeSummarySheet } from '../../addin/excel/write-summary-sheet';
import { FakeExcel } from './fake-excel';

const SUMMARY = 'Итоги проверки';
const HEADER = ['Лист', 'Ячейка', 'Что не так'];
const FINDINGS = [
  ['Карта мониторинга', 'D14', '✖ Доля должна быть от 0 до 100 %, введено «120».'],
  ['Школы', 'B7', '⚠ Не заполнено поле «ИНН».'],
];

function card(): FakeExcel {
  return new FakeExcel([
    { name: 'Карта мониторинга', cells: { A1: 'Карта' } },
    { name: 'Школы', cells: { A1: 'Школа' } },
  ]);
}

describe('writeSummarySheet', () => {
  it('adds «Итоги проверки» at the end and writes header and findings as text in one block, in 2 syncs', async () => {
    const excel = card();
    const result = await writeSummarySheet(excel.context, SUMMARY, [HEADER, ...FINDINGS]);
    expect(excel.syncs).toBe(2);
    expect(result).toEqual({ created: true, address: 'A1:C3', truncatedCells: 0 });
    expect(excel.sheetList().map((s) => s.name)).toEqual(['Карта мониторинга', 'Школы', SUMMARY]);
    expect(excel.opsOf('addSheet')).toEqual([{ sync: 2, op: 'addSheet', target: 'worksheets', detail: SUMMARY }]);
    expect(excel.opsOf('setValues')).toEqual([{ sync: 2, op: 'setValues', target: `worksheet(${SUMMARY}).range(A1:C3)`, detail: '3x3' }]);
    expect(excel.opsOf('setNumberFormat').map((o) => o.target)).toEqual([`worksheet(${SUMMARY}).range(A1:C3)`]);
    expect(excel.opsOf('setBold').map((o) => [o.target, o.detail])).toEqual([[`worksheet(${SUMMARY}).range(A1:C1).format.font`, 'true']]);
    expect(excel.opsOf('autofit').map((o) => o.target)).toEqual([`worksheet(${SUMMARY}).range(A1:C3)`]);
    expect(excel.cellAt(SUMMARY, 'C2')).toEqual({ value: FINDINGS[0]![2], numberFormat: '@' });
    expect(excel.cellAt(SUMMARY, 'A1')).toEqual({ value: 'Лист', numberFormat: '@', bold: true });
    expect(excel.cellAt(SUMMARY, 'A2')?.bold).toBeUndefined();
  });

  it('keeps card text that looks like a formula as text: «=», «+», «-», «@» and a leading apostrophe', async () => {
    const excel = card();
    const texts = ['=1+1', '+7 (351) 123-45-67', '-5 баллов', '@школа', "'в кавычках", '-12', 'обычный текст'];
    await writeSummarySheet(excel.context, SUMMARY, [HEADER, ...texts.map((t) => ['Карта мониторинга', 'C5', t])]);
    const written = texts.map((_, i) => excel.cellAt(SUMMARY, `C${i + 2}`));
    expect(written.map((c) => c?.formula)).toEqual(texts.map(() => undefined));
    expect(written.map((c) => c?.value)).toEqual(texts);
    expect(written.map((c) => c?.quotePrefix === true)).toEqual([true, true, true, true, true, true, false]);
  });

  it('does not take the user away from their sheet unless asked', async () => {
    const excel = card();
    await writeSummarySheet(excel.context, SUMMARY, [HEADER]);
    expect(excel.opsOf('activate')).toHaveLength(0);
    expect(excel.activeSheet).toBeUndefined();
    await writeSummarySheet(excel.context, SUMMARY, [HEADER], { activate: true });
    expect(excel.activeSheet).toBe(SUMMARY);
  });

  it('clears an existing summary (a longer one from the last check) instead of adding a second sheet', async () => {
    const excel = card();
    excel.addSheet({ name: SUMMARY, cells: { A1: 'Лист', C40: { value: 'старая находка', fill: '#FFC7CE' } } });
    const result = await writeSummarySheet(excel.context, SUMMARY, [HEADER, FINDINGS[1]!]);
    expect(excel.syncs).toBe(2);
    expect(result.created).toBe(false);
    expect(excel.opsOf('addSheet')).toHaveLength(0);
    expect(excel.opsOf('clear')).toEqual([{ sync: 2, op: 'clear', target: `worksheet(${SUMMARY})?.range(all)` }]);
    expect(excel.cellAt(SUMMARY, 'C40')).toBeUndefined();
    expect(excel.cellAt(SUMMARY, 'C2')?.value).toBe('⚠ Не заполнено поле «ИНН».');
    expect(excel.sheetList()).toHaveLength(3);
  });

  it('finds the summary whatever the case of its name, as Excel does', async () => {
    const excel = card();
    excel.addSheet({ name: 'ИТОГИ ПРОВЕРКИ' });
    expect((await writeSummarySheet(excel.context, SUMMARY, [HEADER])).created).toBe(false);
    expect(excel.sheetList()).toHaveLength(3);
  });

  it('pads ragged rows so the grid matches its range', async () => {
    const excel = card();
    await writeSummarySheet(excel.context, SUMMARY, [HEADER, ['Школы'], ['Школы', 'B9', 'нет ИНН', 'лишнее']]);
    expect(excel.opsOf('setValues')[0]!.detail).toBe('3x4');
    expect(excel.cellAt(SUMMARY, 'B2')).toEqual({ numberFormat: '@' });
    expect(excel.cellAt(SUMMARY, 'D3')?.value).toBe('лишнее');
  });

  it('cuts a text longer than a cell holds to 32 767 characters ending in «…»', async () => {
    const excel = card();
    const long = 'я'.repeat(40_000);
    const result = await writeSummarySheet(excel.context, SUMMARY, [HEADER, ['Школы', 'B7', long]]);
    expect(result.truncatedCells).toBe(1);
    const written = excel.cellAt(SUMMARY, 'C2')!.value as string;
    expect(written).toHaveLength(MAX_CELL_CHARS);
    expect(written.endsWith('я…')).toBe(true);
  });

  it('never splits a surrogate pair when it cuts', () => {
    const text = `${'a'.repeat(MAX_CELL_CHARS - 2)}😀tail`;
    const fitted = fitCellText(text);
    expect(fitted).toBe(`${'a'.repeat(MAX_CELL_CHARS - 2)}…`);
    expect(fitCellText('короткий')).toBe('короткий');
  });

  it('with no rows only creates or clears the sheet, still in 2 syncs', async () => {
    const excel = card();
    expect(await writeSummarySheet(excel.context, SUMMARY, [])).toEqual({ created: true, address: undefined, truncatedCells: 0 });
    expect(excel.syncs).toBe(2);
    expect(excel.opsOf('setValues')).toHaveLength(0);
  });

  it('writes a summary over the request budget in row blocks, one more sync each, never a refused request', async () => {
    const excel = card();
    const rows = [HEADER, ...Array.from({ length: 300 }, (_, i) => ['Школы', `B${i + 2}`, 'н'.repeat(100)])];
    await writeSummarySheet(excel.context, SUMMARY, rows, { maxRequestBytes: 25_000 });
    const writes = excel.opsOf('setValues');
    expect(writes.length).toBeGreaterThan(1);
    expect(excel.syncs).toBe(1 + writes.length);
    expect(writes[0]!.target).toMatch(/range\(A1:C\d+\)$/);
    expect(excel.cellAt(SUMMARY, 'B301')?.value).toBe('B301');
    expect(excel.opsOf('setBold')).toHaveLength(1);
  });

  it('sets the text format before the values, so «12.05» is not taken for a date nor «=A1» for a formula', async () => {
    const excel = card();
    await writeSummarySheet(excel.context, SUMMARY, [HEADER, ['Школы', 'B7', '12.05'], ['Школы', 'B8', '=A1']]);
    const ops = excel.operations.map((o) => o.op);
    expect(ops.indexOf('setNumberFormat')).toBeLessThan(ops.indexOf('setValues'));
    expect(excel.cellAt(SUMMARY, 'C2')).toEqual({ value: '12.05', numberFormat: '@' });
    expect(excel.cellAt(SUMMARY, 'C3')).toEqual({ value: '=A1', numberFormat: '@', quotePrefix: true });
  });
});
