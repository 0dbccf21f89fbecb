import type { Issue } from '../../core/issues';
import { clearHighlights, ERROR_COLOR, HIGHLIGHT_NAMESPACE, loadHighlightRecord, WARNING_COLOR, writeHighlights } from '../../addin/excel/highlights';
import { readRecordXml, recordXml } from '../../addin/excel/highlight-record';
import { FakeExcel } from './fake-excel';
import { fillOf } from './fake-excel-model';

const SHEET = 'Карта мониторинга';
const FULL = { supportsSetCellProperties: true, fullFill: true, persist: true };

function issue(address: string, severity: Issue['severity'] = 'error', sheet = SHEET): Issue {
  return { code: 'FORM_REQUIRED', severity, location: { kind: 'cell', sheet, address }, message: 'Заполните ячейку.' };
}

/** Cells with every kind of fill a user may have: a theme tint, a pattern over a colour, «Плохой», «Нейтральный», none. */
function styledWorkbook(): FakeExcel {
  return new FakeExcel(
    [
      {
        name: SHEET,
        cells: {
          A1: 'Карта',
          C4: { value: 'тинт', fill: '#4472C4', tint: 0.6 },
          C5: { value: 'узор', fill: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', patternTint: -0.25 },
          C6: { value: 'Плохой', fill: ERROR_COLOR },
          C7: { value: 'Нейтральный', fill: WARNING_COLOR },
          C8: 'без заливки',
        },
      },
      { name: 'Школы', cells: { A1: 'Школа' } },
    ],
    { setCellProperties: true, customXmlParts: true },
  );
}

/** Each cell's fill as Excel would report it (all five members). */
function fills(excel: FakeExcel, addresses: string[]): Record<string, unknown> {
  return Object.fromEntries(addresses.map((a) => [a, fillOf(excel.cellAt(SHEET, a))]));
}

const CELLS = ['C4', 'C5', 'C6', 'C7', 'C8'];

describe('restorable highlights (complete fill, record kept in the workbook)', () => {
  it('highlight, then a new pane finds the record in the workbook, and clearing restores pattern, colour and tint of every cell', async () => {
    const excel = styledWorkbook();
    const original = fills(excel, CELLS);
    const written = await writeHighlights(
      excel.context,
      CELLS.map((a, i) => issue(a, i % 2 ? 'warning' : 'error')),
      FULL,
    );
    expect(excel.syncs).toBe(2);
    expect(written.partIds).toHaveLength(1);
    expect(excel.fillAt(SHEET, 'C4')).toBe(ERROR_COLOR);
    expect(excel.cellAt(SHEET, 'C4')?.tint).toBe(0);
    expect(excel.cellAt(SHEET, 'C5')?.pattern).toBe('Solid');
    expect(excel.fillAt(SHEET, 'C8')).toBe(ERROR_COLOR);

    // the pane reloads: nothing in memory, only the workbook
    const found = await loadHighlightRecord(excel.context);
    expect(found?.cells.map((c) => c.address)).toEqual(CELLS);
    await clearHighlights(excel.context, found!);
    expect(fills(excel, CELLS)).toEqual(original);
    expect(original).toMatchObject({
      C4: { color: '#4472C4', pattern: 'Solid', tintAndShade: 0.6 },
      C5: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', patternTintAndShade: -0.25 },
      C6: { color: ERROR_COLOR, pattern: 'Solid' },
      C8: { pattern: 'None' },
    });
    expect(excel.xmlParts.size).toBe(0);
    expect(await loadHighlightRecord(excel.context)).toBeUndefined();
  });

  it('leaves alone a cell the user has filled differently since, and a sheet renamed since is found by its id', async () => {
    const excel = styledWorkbook();
    const record = await writeHighlights(excel.context, [issue('C4'), issue('C8')], FULL);
    excel.setCell(SHEET, 'C8', { fill: '#00B050', pattern: 'Solid' });
    excel.sheet(SHEET).name = 'Карта (исправлено)';
    const result = await clearHighlights(excel.context, record);
    expect(result).toEqual({ restored: 1, leftAlone: 1 });
    expect(excel.cellAt('Карта (исправлено)', 'C8')?.fill).toBe('#00B050');
    expect(excel.cellAt('Карта (исправлено)', 'C4')).toMatchObject({ fill: '#4472C4', tint: 0.6 });
  });

  it('finds no record, in one sync and with no write, in a workbook the pane never marked', async () => {
    const excel = styledWorkbook();
    expect(await loadHighlightRecord(excel.context)).toBeUndefined();
    expect(excel.syncs).toBe(1);
    expect(excel.operations.every((o) => o.op === 'load')).toBe(true);
  });

  it('keeps sheet names with quotes, ampersands and angle brackets through the XML', () => {
    const cells = [
      {
        sheetId: '{S-1}',
        sheet: 'Лист "А" & <Б>',
        address: 'B2',
        color: ERROR_COLOR,
        previous: { color: '#FFFFFF', pattern: 'None' as const, tintAndShade: 0 },
      },
    ];
    const xml = recordXml(HIGHLIGHT_NAMESPACE, cells);
    expect(xml).toContain(`xmlns="${HIGHLIGHT_NAMESPACE}"`);
    expect(readRecordXml(xml)).toEqual(cells);
  });
});
