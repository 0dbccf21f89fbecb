import { readWorkbookSnapshot, planReadRequests } from '../../addin/excel/read-snapshot';
import { excelCellValue, isDateFormat, splitAreas, parseRangeAddress } from '../../addin/excel/excel-values';
import { FakeExcel, type FakeSheetInit } from './fake-excel';

const CARD: FakeSheetInit = {
  name: 'Карта мониторинга',
  cells: {
    A1: 'Карта мониторинга муниципальной программы',
    B3: 'Муниципалитет',
    C3: 'Городской округ Тест',
    C4: { value: 45341, numberFormat: 'dd.mm.yyyy' },
    C5: { value: 0.5, numberFormat: '0%' },
    C6: { value: 12.5, numberFormat: '# ##0,00' },
    C7: true,
    C8: '#DIV/0!',
    C9: '   ',
    D10: { value: 'за 2024 г.', numberFormat: '@' },
  },
  merges: ['A1:D1', 'B12:C12'],
};
const LISTS: FakeSheetInit = { name: 'Списки', visibility: 'Hidden', cells: { A1: 'Да', A2: 'Нет' } };
const EMPTY: FakeSheetInit = { name: 'Пустой лист', cells: {} };

function roster(rows: number, cols: number, name = 'Реестр'): FakeSheetInit {
  const cells: FakeSheetInit['cells'] = {};
  for (let r = 1; r <= rows; r++) {
    for (let c = 0; c < cols; c++) cells![`${String.fromCharCode(65 + c)}${r}`] = c === 0 ? `МБОУ СОШ № ${r}` : r * 10 + c;
  }
  return { name, cells };
}

describe('readWorkbookSnapshot', () => {
  it('reads a 3-sheet workbook into the snapshot core validates, in 3 syncs', async () => {
    const excel = new FakeExcel([CARD, LISTS, EMPTY], { mergedAreas: true });
    const snapshot = await readWorkbookSnapshot(excel.context, { capabilities: { mergedAreas: true } });
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(snapshot.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Карта мониторинга', false],
      ['Списки', true],
      ['Пустой лист', false],
    ]);
    const card = snapshot.sheets[0]!;
    expect(card.cells).toEqual({
      A1: { kind: 'text', text: 'Карта мониторинга муниципальной программы' },
      B3: { kind: 'text', text: 'Муниципалитет' },
      C3: { kind: 'text', text: 'Городской округ Тест' },
      C4: { kind: 'date', iso: '2024-02-19' },
      C5: { kind: 'number', value: 0.5 },
      C6: { kind: 'number', value: 12.5 },
      C7: { kind: 'boolean', value: true },
      C8: { kind: 'error', code: '#DIV/0!' },
      D10: { kind: 'text', text: 'за 2024 г.' },
    });
    expect(card.percentCells).toEqual(['C5']);
    expect(card.merges).toEqual(['A1:D1', 'B12:C12']);
    expect(snapshot.sheets[2]).toEqual({ name: 'Пустой лист', hidden: false, cells: {}, percentCells: [], merges: [] });
  });

  it('a sheet with 600 merged areas (Excel refuses over 512) is read without its merges, the others with theirs', async () => {
    const many = Array.from({ length: 600 }, (_, i) => `A${100 + i * 2}:B${100 + i * 2}`);
    const crowded: FakeSheetInit = { name: 'Реестр', cells: { A1: 'Школа', C5: 7 }, merges: many };
    const excel = new FakeExcel([CARD, crowded, LISTS], { mergedAreas: true });
    const skipped: string[][] = [];
    const snapshot = await readWorkbookSnapshot(excel.context, {
      capabilities: { mergedAreas: true },
      onMergesSkipped: (sheets) => skipped.push(sheets),
    });
    expect(skipped).toEqual([['Реестр']]);
    expect(snapshot.sheets.map((s) => s.merges)).toEqual([['A1:D1', 'B12:C12'], [], []]);
    expect(snapshot.sheets[1]!.cells.C5).toEqual({ kind: 'number', value: 7 });
    expect(snapshot.sheets[0]!.cells.C3).toEqual({ kind: 'text', text: 'Городской округ Тест' });
  });

  it('queues one values load per sheet and sends them all with the same sync', async () => {
    const excel = new FakeExcel([CARD, LISTS, roster(50, 4)]);
    await readWorkbookSnapshot(excel.context);
    const valueLoads = excel.opsOf('load').filter((o) => o.detail === 'values,numberFormat');
    expect(valueLoads).toHaveLength(3);
    expect(new Set(valueLoads.map((o) => o.sync))).toEqual(new Set([3]));
    // without ExcelApi 1.13 merges are not asked for (the fake would throw ApiNotFound)
    expect(excel.opsOf('load').some((o) => o.target.includes('mergedAreas'))).toBe(false);
  });

  it('checks a 20 000-row sheet in at most 3 syncs, each response under 5 MB', async () => {
    const excel = new FakeExcel([CARD, roster(20_000, 6), LISTS], { mergedAreas: true });
    const snapshot = await readWorkbookSnapshot(excel.context, { capabilities: { mergedAreas: true } });
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...excel.responseBytes)).toBeLessThan(5_000_000);
    const big = snapshot.sheets[1]!;
    expect(Object.keys(big.cells)).toHaveLength(120_000);
    expect(big.cells.A20000).toEqual({ kind: 'text', text: 'МБОУ СОШ № 20000' });
    expect(big.cells.F20000).toEqual({ kind: 'number', value: 200_005 });
  });

  it('splits a used range too big for one request into row blocks, each request under the limit', async () => {
    // a 1 MB limit stands in for Excel on the web's 5 MB so the test stays quick
    const limits = { payloadLimit: 1_000_000 };
    const naive = new FakeExcel([roster(20_000, 6)], limits);
    naive.context.workbook.worksheets.getItem('Реестр').getRange('A1:F20000').load('values,numberFormat');
    await expect(naive.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });

    const excel = new FakeExcel([roster(20_000, 6)], limits);
    const snapshot = await readWorkbookSnapshot(excel.context, { maxRequestBytes: 800_000 });
    expect(Object.keys(snapshot.sheets[0]!.cells)).toHaveLength(120_000);
    expect(snapshot.sheets[0]!.cells.F20000).toEqual({ kind: 'number', value: 200_005 });
    const requests = excel.responseBytes.slice(2);
    expect(requests.length).toBeGreaterThan(1);
    expect(excel.syncs).toBe(2 + requests.length);
    for (const bytes of excel.responseBytes) expect(bytes).toBeLessThan(1_000_000);
  });

  it('retries a request Excel refuses as too large in two halves (long texts beat the estimate)', async () => {
    const long = 'Муниципальная программа адресной поддержки школ с низкими образовательными результатами. '.repeat(4);
    const cells: FakeSheetInit['cells'] = {};
    for (let r = 1; r <= 3000; r++) cells[`A${r}`] = `${long}${r}`;
    const excel = new FakeExcel([{ name: 'Комментарии', cells }], { payloadLimit: 500_000 });
    const snapshot = await readWorkbookSnapshot(excel.context, { maxRequestBytes: 400_000 });
    expect(Object.keys(snapshot.sheets[0]!.cells)).toHaveLength(3000);
    expect(snapshot.sheets[0]!.cells.A3000).toEqual({ kind: 'text', text: `${long}3000` });
    expect(excel.syncs).toBeGreaterThan(3);
  });
});

describe('planReadRequests', () => {
  it('cuts a large range into contiguous row blocks under the budget and packs small ones together', () => {
    const requests = planReadRequests(
      [
        { sheet: 'A', box: { row: 1, col: 1, rows: 5, cols: 3 } },
        { sheet: 'B', box: { row: 2, col: 2, rows: 20_000, cols: 6 } },
        { sheet: 'C', box: { row: 1, col: 1, rows: 2, cols: 2 } },
      ],
      1_000_000,
      32,
    );
    for (const request of requests) expect(request.reduce((n, b) => n + b.bytes, 0)).toBeLessThanOrEqual(1_000_000);
    const bBlocks = requests.flat().filter((b) => b.sheet === 'B');
    expect(bBlocks.length).toBeGreaterThan(1);
    let next = 2;
    for (const b of bBlocks) {
      expect(b.box.row).toBe(next);
      next += b.box.rows;
    }
    expect(next).toBe(20_002);
    expect(requests[0]!.map((b) => b.sheet)).toEqual(['A', 'B']);
    expect(requests[requests.length - 1]!.map((b) => b.sheet)).toContain('C');
  });
});

describe('Excel values', () => {
  it('turns serials under date formats into dates and leaves other numbers alone', () => {
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('[$-419]d mmmm yyyy "г."')).toBe(true);
    expect(isDateFormat('m/d/yyyy')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0%')).toBe(false);
    expect(isDateFormat('# ##0,00 "руб."')).toBe(false);
    expect(excelCellValue(45341, 'dd.mm.yyyy')).toEqual({ kind: 'date', iso: '2024-02-19' });
    expect(excelCellValue(45341, 'General')).toEqual({ kind: 'number', value: 45341 });
    expect(excelCellValue('#ДЕЛ/0!', 'General')).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(excelCellValue('', 'General')).toEqual({ kind: 'empty' });
  });

  it('reads range addresses with quoted sheet names and merged-area lists', () => {
    expect(parseRangeAddress("'Карта мониторинга'!B3:F20")).toEqual({ row: 3, col: 2, rows: 18, cols: 5 });
    expect(parseRangeAddress('Лист1!C7')).toEqual({ row: 7, col: 3, rows: 1, cols: 1 });
    expect(splitAreas("Лист1!A1:D1,'Лист, 2'!$B$12:$C$12,Лист1!E5")).toEqual(['A1:D1', 'B12:C12', 'E5']);
  });
});
