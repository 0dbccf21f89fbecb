import type ExcelJS from 'exceljs';
import { readCellValue, type CellValue } from '../workbook/cell-values';

/**
 * A plain picture of a workbook: what the engine validates. The CLI builds it from exceljs, the
 * task pane from Excel's ranges; the engine never sees either.
 */
export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  /** Non-empty cells by A1 address. */
  cells: Record<string, CellValue>;
  /** Cells shown as percentages (0,5 formatted «50 %»). */
  percentCells?: string[];
  /** Merged ranges, «B5:C5». */
  merges: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Addresses live in core/sheet/address.ts; re-exported for the engine's existing importers. */
export { cellAddress, columnLetter, parseAddress } from '../sheet/address';
import { cellAddress, parseAddress } from '../sheet/address';

/** The extent of a sheet: the last row and column holding anything. */
export function sheetExtent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const a of Object.keys(sheet.cells)) {
    const p = parseAddress(a);
    if (p) {
      rows = Math.max(rows, p.row);
      cols = Math.max(cols, p.col);
    }
  }
  return { rows, cols };
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.cells[cellAddress(row, col)] ?? { kind: 'empty' };
}

/** Reads every sheet of an exceljs workbook into a snapshot. */
export function readSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  workbook.eachSheet((ws) => {
    const cells: Record<string, CellValue> = {};
    const percentCells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const value = readCellValue(cell.value);
        if (value.kind === 'empty') return;
        cells[cell.address] = value;
        if (value.kind === 'number' && /%/.test(cell.numFmt ?? '')) percentCells.push(cell.address);
      });
    });
    const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).slice();
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible', cells, percentCells, merges });
  });
  return { sheets };
}
