import type { Issue } from '../../core/issues';
import { cellAddress, parseAddress } from '../../core/forms/snapshot';
import { readRecordXml, recordXml } from './highlight-record';
import type { FillPattern, RangeFill, RequestContext, SettableCellProperties, Worksheet } from './office-types';

/** The colours of core's annotated workbook (annotate.ts), so both doors mark cells alike. */
export const ERROR_COLOR = '#FFC7CE';
export const WARNING_COLOR = '#FFEB9C';
const NO_FILL = '#FFFFFF';

/** The namespace of the custom XML part that keeps the record in the workbook. */
export const HIGHLIGHT_NAMESPACE = 'urn:kaskad:highlights:1';

export interface HighlightOptions {
  /** ExcelApi 1.9 (capabilities.setCellProperties). */
  supportsSetCellProperties: boolean;
  /** ExcelApi 1.9: fill.pattern, patternColor, tintAndShade, patternTintAndShade are read and put back. */
  fullFill?: boolean;
  /** ExcelApi 1.5: the record is kept in the workbook (a custom XML part), so a reloaded pane can clear. */
  persist?: boolean;
}

/** A cell's fill as it was before the pane marked it; only `color` below ExcelApi 1.9. */
export interface SavedFill {
  color: string;
  pattern?: FillPattern;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface HighlightedCell {
  /** The sheet's id (stable when the user renames it); absent in records of older hosts. */
  sheetId?: string;
  sheet: string;
  address: string;
  /** The colour the pane put there. */
  color: string;
  previous: SavedFill;
}

/** What writeHighlights changed, for clearHighlights to put back: our cells are the ones listed here, whatever their colour. */
export interface HighlightRecord {
  cells: HighlightedCell[];
  /** The custom XML parts that hold this record in the workbook (none when it lives only in the pane). */
  partIds: string[];
}

export interface ClearResult {
  restored: number;
  /** Cells the user has filled differently since (left as they are) or whose sheet is gone. */
  leftAlone: number;
}

const FULL_FILL = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';

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
  let top = Infinity,
    left = Infinity,
    bottom = 0,
    right = 0;
  for (const address of cells.keys()) {
    const p = parseAddress(address)!;
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  const box = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1, color: '' };
  const area = box.rows * box.cols;
  return area <= 50_000 && area <= Math.max(64, cells.size * 20) ? box : undefined;
}

function savedFill(fill: RangeFill, full: boolean): SavedFill {
  const saved: SavedFill = { color: (fill.color ?? NO_FILL).toUpperCase() };
  if (!full) return saved;
  if (fill.pattern !== null) saved.pattern = fill.pattern;
  if (fill.patternColor !== null) saved.patternColor = fill.patternColor.toUpperCase();
  if (fill.tintAndShade !== null) saved.tintAndShade = fill.tintAndShade;
  if (fill.patternTintAndShade !== null) saved.patternTintAndShade = fill.patternTintAndShade;
  return saved;
}

/**
 * Fills every problem cell: sync 1 reads the complete fills they have (colour, and from ExcelApi 1.9
 * pattern, pattern colour and both tints) and the sheets' ids; sync 2 writes the new ones in one batch
 * (one setCellProperties per sheet where ExcelApi 1.9 allows, otherwise one fill per same-coloured
 * rectangle) and, where ExcelApi 1.5 allows, stores the record in the workbook as a custom XML part.
 * Clear any earlier record first: a cell is ours because the record lists it, never because of its colour.
 */
export async function writeHighlights(context: RequestContext, issues: readonly Issue[], options: HighlightOptions): Promise<HighlightRecord> {
  const colors = highlightColors(issues);
  if (colors.size === 0) return { cells: [], partIds: [] };
  const full = options.fullFill === true;
  const worksheets = context.workbook.worksheets;
  const sheets = new Map<string, Worksheet>();
  const before: Array<{ sheet: string; address: string; color: string; fill: RangeFill }> = [];
  for (const [sheet, cells] of colors) {
    const worksheet = worksheets.getItem(sheet).load('id');
    sheets.set(sheet, worksheet);
    for (const [address, color] of cells)
      before.push({ sheet, address, color, fill: worksheet.getRange(address).format.fill.load(full ? FULL_FILL : 'color') });
  }
  await context.sync();
  const cells: HighlightedCell[] = before.map(({ sheet, address, color, fill }) => ({
    sheetId: sheets.get(sheet)!.id,
    sheet,
    address,
    color,
    previous: savedFill(fill, full),
  }));

  for (const [sheet, sheetCells] of colors) {
    const worksheet = worksheets.getItem(sheet);
    const box = options.supportsSetCellProperties ? boundingBox(sheetCells) : undefined;
    if (box) {
      const grid: SettableCellProperties[][] = [];
      for (let r = 0; r < box.rows; r++) {
        const row: SettableCellProperties[] = [];
        for (let c = 0; c < box.cols; c++) {
          const color = sheetCells.get(cellAddress(box.row + r, box.col + c));
          row.push(color ? { format: { fill: full ? { color, pattern: 'Solid', tintAndShade: 0 } : { color } } } : {});
        }
        grid.push(row);
      }
      worksheet.getRange(rectAddress(box)).setCellProperties(grid);
    } else {
      for (const rect of groupIntoRects(sheetCells)) {
        const fill = worksheet.getRange(rectAddress(rect)).format.fill;
        fill.color = rect.color;
        if (full) {
          fill.pattern = 'Solid';
          fill.tintAndShade = 0;
        }
      }
    }
  }
  const part = options.persist ? context.workbook.customXmlParts.add(recordXml(HIGHLIGHT_NAMESPACE, cells)).load('id') : undefined;
  await context.sync();
  return { cells, partIds: part ? [part.id] : [] };
}

/**
 * The record a pane left in the workbook (custom XML parts of HIGHLIGHT_NAMESPACE, ExcelApi 1.5), so a
 * reloaded pane can still clear its highlights. Syncs: 1 when there is none, 2 when there is.
 */
export async function loadHighlightRecord(context: RequestContext): Promise<HighlightRecord | undefined> {
  const parts = context.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NAMESPACE).load('items/id');
  await context.sync();
  if (parts.items.length === 0) return undefined;
  const xmls = parts.items.map((part) => ({ id: part.id, xml: part.getXml() }));
  await context.sync();
  return { cells: xmls.flatMap(({ xml }) => readRecordXml(xml.value)), partIds: xmls.map(({ id }) => id) };
}

function sameColor(a: string | null, b: string): boolean {
  return (a ?? '').toUpperCase() === b.toUpperCase();
}

function restore(fill: RangeFill, previous: SavedFill): void {
  const none = previous.pattern === 'None' || (previous.pattern === undefined && previous.color === NO_FILL);
  if (none) {
    fill.clear();
    return;
  }
  fill.color = previous.color;
  if (previous.pattern !== undefined) fill.pattern = previous.pattern;
  if (previous.patternColor !== undefined && previous.pattern !== 'Solid') fill.patternColor = previous.patternColor;
  if (previous.tintAndShade !== undefined) fill.tintAndShade = previous.tintAndShade;
  if (previous.patternTintAndShade !== undefined && previous.pattern !== 'Solid') fill.patternTintAndShade = previous.patternTintAndShade;
}

/**
 * Puts back the fills the record saved and removes the record from the workbook. A cell whose fill is
 * no longer the one the pane put there (the user has filled it since) is left alone, as are cells of a
 * sheet deleted since. Syncs: 1) the sheets (by id), 2) the cells' present colours, 3) restore and
 * delete the record.
 */
export async function clearHighlights(context: RequestContext, record: HighlightRecord): Promise<ClearResult> {
  const worksheets = context.workbook.worksheets;
  const keys = [...new Set(record.cells.map((c) => c.sheetId ?? c.sheet))];
  const sheets = new Map(keys.map((key) => [key, worksheets.getItemOrNullObject(key).load('name')]));
  const parts = record.partIds.map((id) => context.workbook.customXmlParts.getItemOrNullObject(id).load('id'));
  if (keys.length > 0 || parts.length > 0) await context.sync();

  const present = record.cells.flatMap((cell) => {
    const worksheet = sheets.get(cell.sheetId ?? cell.sheet)!;
    return worksheet.isNullObject ? [] : [{ cell, worksheet, now: worksheet.getRange(cell.address).format.fill.load('color') }];
  });
  if (present.length > 0) await context.sync();

  let restored = 0;
  for (const { cell, worksheet, now } of present) {
    if (!sameColor(now.color, cell.color)) continue;
    restore(worksheet.getRange(cell.address).format.fill, cell.previous);
    restored++;
  }
  for (const part of parts) if (!part.isNullObject) part.delete();
  await context.sync();
  return { restored, leftAlone: record.cells.length - restored };
}
