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

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** «AB12» → { row: 12, col: 28 }. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase().replace(/\$/g, ''));
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** The extent of a sheet: the last row and column holding anything. */
export function sheetExtent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const a of Object.keys(sheet.cells)) {
    const p = parseAddress(a);
    if (p) { rows = Math.max(rows, p.row); cols = Math.max(cols, p.col); }
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
