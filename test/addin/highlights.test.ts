import type { Issue } from '../../core/issues';
import { clearHighlights, ERROR_COLOR, groupIntoRects, WARNING_COLOR, writeHighlights } from '../../addin/excel/highlights';
import { selectCell } from '../../addin/excel/select-cell';
import { FakeExcel } from './fake-excel';

const SHEET = 'Карта мониторинга';

function issue(address: string, severity: Issue['severity'] = 'error', sheet = SHEET): Issue {
  return { code: 'FORM_REQUIRED', severity, location: { kind: 'cell', sheet, address }, message: 'Заполните ячейку.' };
}

/** 500 findings: a column of errors, a scattered block of warnings, a second sheet. */
function manyIssues(): Issue[] {
  const issues: Issue[] = [];
  for (let r = 5; r < 305; r++) issues.push(issue(`C${r}`));
  for (let r = 5; r < 105; r++) issues.push(issue(`${r % 2 ? 'E' : 'G'}${r}`, 'warning'));
  for (let r = 1; r <= 100; r++) issues.push(issue(`B${r * 3}`, 'error', 'Школы'));
  return issues;
}

function workbook(options: { setCellProperties?: boolean } = {}): FakeExcel {
  return new FakeExcel(
    [
      { name: SHEET, cells: { A1: 'Карта', C4: { value: 'x', fill: '#D9E1F2' } } },
      { name: 'Школы', cells: { A1: 'Школа' } },
    ],
    options,
  );
}

describe.each([
  ['with setCellProperties (ExcelApi 1.9)', true],
  ['with grouped fills (ExcelApi 1.1)', false],
])('writeHighlights %s', (_label, supportsSetCellProperties) => {
  it('fills 500 problem cells in at most 2 syncs, errors red and warnings yellow', async () => {
    const excel = workbook({ setCellProperties: supportsSetCellProperties });
    const record = await writeHighlights(excel.context, manyIssues(), { supportsSetCellProperties });
    expect(excel.syncs).toBeLessThanOrEqual(2);
    expect(record.cells).toHaveLength(500);
    expect(excel.fillAt(SHEET, 'C5')).toBe(ERROR_COLOR);
    expect(excel.fillAt(SHEET, 'C304')).toBe(ERROR_COLOR);
    expect(excel.fillAt(SHEET, 'E5')).toBe(WARNING_COLOR);
    expect(excel.fillAt(SHEET, 'G6')).toBe(WARNING_COLOR);
    expect(excel.fillAt(SHEET, 'E6')).toBeUndefined();
    expect(excel.fillAt(SHEET, 'D5')).toBeUndefined();
    expect(excel.fillAt('Школы', 'B300')).toBe(ERROR_COLOR);
    expect(excel.fillAt('Школы', 'B301')).toBeUndefined();
    const writes = excel.operations.filter((o) => o.op === 'setFill' || o.op === 'setCellProperties');
    expect(writes.every((o) => o.sync === 2)).toBe(true);
    // one grid per sheet, or one fill per same-coloured rectangle (the column C5:C304 is one)
    if (supportsSetCellProperties) expect(writes.map((o) => o.op)).toEqual(['setCellProperties', 'setCellProperties']);
    else expect(writes.length).toBe(201);
  });

  it('puts back the fills it found when cleared, in one more sync', async () => {
    const excel = workbook({ setCellProperties: supportsSetCellProperties });
    const record = await writeHighlights(excel.context, [issue('C4'), issue('C5', 'warning')], { supportsSetCellProperties });
    expect(excel.fillAt(SHEET, 'C4')).toBe(ERROR_COLOR);
    const before = excel.syncs;
    await clearHighlights(excel.context, record);
    expect(excel.syncs - before).toBeLessThanOrEqual(3);
    expect(excel.fillAt(SHEET, 'C4')).toBe('#D9E1F2');
    expect(excel.fillAt(SHEET, 'C5')).toBeUndefined();
  });
});

describe('writeHighlights', () => {
  it('lets an error win over a warning in the same cell and ignores findings without a cell', async () => {
    const excel = workbook();
    const sheetIssue: Issue = { code: 'FORM_REQUIRED', severity: 'error', location: { kind: 'sheet', sheet: SHEET }, message: '…' };
    await writeHighlights(excel.context, [issue('D7', 'warning'), issue('D7', 'error'), issue('D8', 'error'), issue('D8', 'warning'), sheetIssue], {
      supportsSetCellProperties: false,
    });
    expect(excel.fillAt(SHEET, 'D7')).toBe(ERROR_COLOR);
    expect(excel.fillAt(SHEET, 'D8')).toBe(ERROR_COLOR);
  });

  it('a cell that had the built-in «Плохой» fill (our red) gets it back: cells are ours by the record, not by colour', async () => {
    const excel = workbook();
    excel.setCell(SHEET, 'C9', { value: 'плохо', fill: ERROR_COLOR });
    const record = await writeHighlights(excel.context, [issue('C9'), issue('C10')], { supportsSetCellProperties: false });
    await clearHighlights(excel.context, record);
    expect(excel.fillAt(SHEET, 'C9')).toBe(ERROR_COLOR);
    expect(excel.fillAt(SHEET, 'C10')).toBeUndefined();
  });

  it('writes far-apart cells as separate fills even where setCellProperties exists (no huge empty grid)', async () => {
    const excel = workbook({ setCellProperties: true });
    await writeHighlights(excel.context, [issue('A1'), issue('Z5000')], { supportsSetCellProperties: true });
    expect(excel.syncs).toBe(2);
    expect(excel.opsOf('setCellProperties')).toHaveLength(0);
    expect(excel.opsOf('setFill').map((o) => o.target)).toEqual([expect.stringContaining('range(A1)'), expect.stringContaining('range(Z5000)')]);
    expect(excel.fillAt(SHEET, 'Z5000')).toBe(ERROR_COLOR);
  });

  it('does nothing, and does not sync, when there is nothing to mark', async () => {
    const excel = workbook();
    await writeHighlights(excel.context, [], { supportsSetCellProperties: true });
    expect(excel.syncs).toBe(0);
  });

  it('groups same-coloured neighbours into rectangles', () => {
    const cells = new Map([
      ['C5', 'r'],
      ['D5', 'r'],
      ['C6', 'r'],
      ['D6', 'r'],
      ['F6', 'y'],
      ['C8', 'r'],
    ]);
    expect(groupIntoRects(cells)).toEqual([
      { row: 5, col: 3, rows: 2, cols: 2, color: 'r' },
      { row: 6, col: 6, rows: 1, cols: 1, color: 'y' },
      { row: 8, col: 3, rows: 1, cols: 1, color: 'r' },
    ]);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell (sync 1 asks whether the sheet is visible)', async () => {
    const excel = workbook();
    await expect(selectCell(excel.context, 'Школы', 'B12')).resolves.toBe('selected');
    expect(excel.syncs).toBe(2);
    expect(excel.activeSheet).toBe('Школы');
    expect(excel.selection).toEqual({ sheet: 'Школы', address: 'B12' });
  });

  it('answers «hidden» for a hidden sheet without touching it, and «missing» for a sheet deleted since', async () => {
    const excel = workbook();
    excel.addSheet({ name: 'Списки', visibility: 'Hidden', cells: { A1: 'Да' } });
    await expect(selectCell(excel.context, 'Списки', 'A1')).resolves.toBe('hidden');
    await expect(selectCell(excel.context, 'Удалённый', 'A1')).resolves.toBe('missing');
    expect(excel.selection).toBeUndefined();
    expect(excel.opsOf('activate')).toHaveLength(0);
  });
});
