import { isoFromExcelSerial, readCellValue, type CellValue } from '../../core/workbook/cell-values';
import { parseAddress } from '../../core/forms/snapshot';

/**
 * Excel's view of a cell (`values` + `numberFormat`) reduced to the CellValue core reads from
 * exceljs, so a workbook gives the same snapshot whichever door it came through.
 */

/**
 * A date or time format: d, m, M, y, h, s or b outside quotes and [..], exactly the test exceljs
 * applies when it reads a file for the CLI, so a cell is a date through both doors or neither.
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Any «%» in the code, exactly as core's readSnapshot decides for exceljs, so both doors agree. */
export function isPercentFormat(format: string): boolean {
  return /%/.test(format);
}

/** One cell: a serial under a date format becomes a date; «#ДЕЛ/0!» an error; «  » empty. */
export function excelCellValue(raw: unknown, format: unknown): CellValue {
  if (typeof raw === 'number' && typeof format === 'string' && isDateFormat(format)) {
    const iso = isoFromExcelSerial(raw);
    if (iso) return { kind: 'date', iso };
  }
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return readCellValue(raw);
  return { kind: 'empty' };
}

export interface RangeBox {
  /** 1-based, as in A1 addresses. */
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The part after the sheet name: «'Лист 1'!B3:F20» → «B3:F20». */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** «B3:F20» or «B3» (with or without the sheet, $ allowed) → its box. */
export function parseRangeAddress(address: string): RangeBox | undefined {
  const [from, to = from] = stripSheet(address).split(':');
  const a = from ? parseAddress(from) : undefined;
  const b = to ? parseAddress(to) : undefined;
  if (!a || !b) return undefined;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

/** Areas of a RangeAreas address «Лист1!A1:B2,'Лист, 2'!C5» → «A1:B2», «C5» (sheet names may hold commas). */
export function splitAreas(address: string): string[] {
  const areas: string[] = [];
  const re = /(?:^|[!,])\s*(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)(?=\s*,|\s*$)/g;
  for (let m = re.exec(address); m; m = re.exec(address)) areas.push(m[1]!.replace(/\$/g, ''));
  return areas;
}

/** Excel compares sheet names without case («ИТОГИ» and «Итоги» cannot both exist). */
export function sheetKey(name: string): string {
  return name.toUpperCase();
}
