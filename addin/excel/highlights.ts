import type { Issue } from '../../core/issues';
import { cellAddress, parseAddress } from '../../core/forms/snapshot';
import type { RangeFill, RequestContext, SettableCellProperties } from './office-types';

/** The colours of core's annotated workbook (annotate.ts), so both doors mark cells alike. */
export const ERROR_COLOR = '#FFC7CE';
export const WARNING_COLOR = '#FFEB9C';
const NO_FILL = '#FFFFFF';

export interface HighlightOptions {
  /** ExcelApi 1.9 (capabilities.setCellProperties). */
  supportsSetCellProperties: boolean;
}

/** What writeHighlights changed, for clearHighlights to put back. */
export interface HighlightRecord {
  cells: Array<{ sheet: string; address: string; color: string; previous: string | null }>;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
  color: string;
}

/** One colour per problem cell; an error wins over a warning in the same cell. */
export function highlightColors(issues: readonly Issue[]): Map<string, Map<string, string>> {
  const sheets = new Map<string, Map<string, string>>();
  for (const issue of issues) {
    const loc = issue.location;
    if (loc.kind !== 'cell' || !parseAddress(loc.address)) continue;
    const address = loc.address.toUpperCase().replace(/\$/g, '');
    const cells = sheets.get(loc.sheet) ?? new Map<string, string>();
    sheets.set(loc.sheet, cells);
    if (cells.get(address) !== ERROR_COLOR) cells.set(address, issue.severity === 'error' ? ERROR_COLOR : WARNING_COLOR);
  }
  return sheets;
}

/** Same-coloured cells merged into rectangles: runs along a row, then equal runs down rows. */
export function groupIntoRects(cells: ReadonlyMap<string, string>): Rect[] {
  const points = [...cells].map(([address, color]) => ({ ...parseAddress(address)!, color }));
  points.sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Rect[] = [];
  for (const p of points) {
    const last = runs[runs.length - 1];
    if (last && last.row === p.row && last.color === p.color && last.col + last.cols === p.col) last.cols++;
    else runs.push({ row: p.row, col: p.col, rows: 1, cols: 1, color: p.color });
  }
  const open = new Map<string, Rect>();
  const rects: Rect[] = [];
  for (const run of runs) {
    const key = `${run.col}:${run.cols}:${run.color}`;
    const above = open.get(key);
    if (above && above.row + above.rows === run.row) above.rows++;
    else {
      open.set(key, run);
      rects.push(run);
    }
  }
  return rects;
}

function rectAddress(r: Rect): string {
  const from = cellAddress(r.row, r.col);
  return r.rows === 1 && r.cols === 1 ? from : `${from}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** A sheet's bounding box is written with one setCellProperties when it is not mostly empty. */
function boundingBox(cells: ReadonlyMap<string, string>): Rect | undefined {
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const address of cells.keys()) {
    const p = parseAddress(address)!;
    top = Math.min(top, p.row); left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row); right = Math.max(right, p.col);
  }
  const box = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1, color: '' };
  const area = box.rows * box.cols;
  return area <= 50_000 && area <= Math.max(64, cells.size * 20) ? box : undefined;
}

/**
 * Fills every problem cell: sync 1 reads the fills they had (to put back later), sync 2 writes the
 * new ones in one batch: one setCellProperties per sheet where ExcelApi 1.9 allows, otherwise one
 * fill per same-coloured rectangle.
 */
export async function writeHighlights(context: RequestContext, issues: readonly Issue[], options: HighlightOptions): Promise<HighlightRecord> {
  const colors = highlightColors(issues);
  if (colors.size === 0) return { cells: [] };
  const worksheets = context.workbook.worksheets;
  const before: Array<{ sheet: string; address: string; color: string; fill: RangeFill }> = [];
  for (const [sheet, cells] of colors) {
    const worksheet = worksheets.getItem(sheet);
    for (const [address, color] of cells) before.push({ sheet, address, color, fill: worksheet.getRange(address).format.fill.load('color') });
  }
  await context.sync();
  const record: HighlightRecord = {
    cells: before.map(({ sheet, address, color, fill }) => ({ sheet, address, color, previous: ownColor(fill.color) ? null : fill.color })),
  };

  for (const [sheet, cells] of colors) {
    const worksheet = worksheets.getItem(sheet);
    const box = options.supportsSetCellProperties ? boundingBox(cells) : undefined;
    if (box) {
      const grid: SettableCellProperties[][] = [];
      for (let r = 0; r < box.rows; r++) {
        const row: SettableCellProperties[] = [];
        for (let c = 0; c < box.cols; c++) {
          const color = cells.get(cellAddress(box.row + r, box.col + c));
          row.push(color ? { format: { fill: { color } } } : {});
        }
        grid.push(row);
      }
      worksheet.getRange(rectAddress(box)).setCellProperties(grid);
    } else {
      for (const rect of groupIntoRects(cells)) worksheet.getRange(rectAddress(rect)).format.fill.color = rect.color;
    }
  }
  await context.sync();
  return record;
}

/** A fill that is ours (left from an earlier check) or none at all is cleared, not restored. */
function ownColor(color: string | null): boolean {
  const c = (color ?? NO_FILL).toUpperCase();
  return c === NO_FILL || c === ERROR_COLOR || c === WARNING_COLOR;
}

/** Puts back the fills writeHighlights found, in one batch and one sync. */
export async function clearHighlights(context: RequestContext, record: HighlightRecord): Promise<void> {
  if (record.cells.length === 0) return;
  const bySheet = new Map<string, Map<string, string>>();
  for (const cell of record.cells) {
    const cells = bySheet.get(cell.sheet) ?? new Map<string, string>();
    bySheet.set(cell.sheet, cells);
    cells.set(cell.address, cell.previous ?? '');
  }
  for (const [sheet, cells] of bySheet) {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    for (const rect of groupIntoRects(cells)) {
      const fill = worksheet.getRange(rectAddress(rect)).format.fill;
      if (rect.color) fill.color = rect.color;
      else fill.clear();
    }
  }
  await context.sync();
}
