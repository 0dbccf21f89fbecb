import { cellAddress, parseAddress } from '../../core/forms/snapshot';
import type { ExcelValue, FillPattern, SheetVisibility, WorksheetChangedEventArgs } from '../../addin/excel/office-types';
import type { FakeExcel } from './fake-excel';

/** The in-memory grid and the load/sync discipline the fake Excel objects share (see fake-excel.ts). */

export interface FakeCell {
  value?: ExcelValue;
  numberFormat?: string;
  /** The fill colour; no fill when absent. */
  fill?: string;
  /** «Solid» when absent and a fill colour is set. */
  pattern?: FillPattern;
  patternColor?: string;
  /** The fill's tint or shade (a theme colour «Светлее 40 %» is the colour plus 0.4); 0 when absent. */
  tint?: number;
  patternTint?: number;
  bold?: boolean;
  /** A value written as a formula (a string starting with «=», «+», «-», «@» without a leading apostrophe). */
  formula?: string;
  /** Written with a leading apostrophe: text, whatever it looks like. */
  quotePrefix?: boolean;
}

/** The fill of a cell as Excel reports it (ExcelApi 1.9 members included). */
export function fillOf(cell: FakeCell | undefined): {
  color: string;
  pattern: FillPattern;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
} {
  const filled = cell?.fill !== undefined;
  return {
    color: cell?.fill ?? '#FFFFFF',
    pattern: filled ? (cell?.pattern ?? 'Solid') : 'None',
    patternColor: cell?.patternColor ?? '#000000',
    tintAndShade: filled ? (cell?.tint ?? 0) : 0,
    patternTintAndShade: cell?.patternTint ?? 0,
  };
}

/** What setting one fill member does to a cell, as Excel does it: a colour on no fill makes it solid; pattern «None» removes the fill. */
export function setFillMember(
  cell: FakeCell,
  member: 'color' | 'pattern' | 'patternColor' | 'tintAndShade' | 'patternTintAndShade',
  value: unknown,
): void {
  switch (member) {
    case 'color':
      cell.fill = String(value).toUpperCase();
      if (cell.pattern === 'None') cell.pattern = 'Solid';
      break;
    case 'pattern':
      if (value === 'None') {
        delete cell.fill;
        delete cell.pattern;
        delete cell.patternColor;
        delete cell.tint;
        delete cell.patternTint;
        break;
      }
      cell.pattern = value as FillPattern;
      cell.fill ??= '#FFFFFF';
      break;
    case 'patternColor':
      cell.patternColor = String(value).toUpperCase();
      break;
    case 'tintAndShade':
      cell.tint = Number(value);
      break;
    case 'patternTintAndShade':
      cell.patternTint = Number(value);
      break;
  }
}

/**
 * How Excel takes a string written to `values`: a leading apostrophe makes the rest text; «=…»,
 * and «+…», «-…», «@…» that are not numbers, are read as a formula (even under the «@» format
 * the API does not promise otherwise, so the fake assumes the worst).
 */
export function writeValue(cell: FakeCell, value: ExcelValue): void {
  delete cell.formula;
  delete cell.quotePrefix;
  if (value === '') {
    delete cell.value;
    return;
  }
  if (typeof value === 'string' && value.startsWith("'")) {
    cell.value = value.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (typeof value === 'string' && /^[=+\-@]/.test(value) && !/^[+-]?\d+([.,]\d+)?$/.test(value.trim())) {
    cell.formula = value;
    cell.value = '#NAME?';
    return;
  }
  cell.value = value;
}

export interface FakeSheetInit {
  name: string;
  visibility?: SheetVisibility;
  cells?: Record<string, ExcelValue | FakeCell>;
  merges?: string[];
}

export interface FakeOptions {
  /** ExcelApi 1.9. */
  setCellProperties?: boolean;
  /** ExcelApi 1.13. */
  mergedAreas?: boolean;
  /** Excel on the web: 5 MB per request. */
  payloadLimit?: number;
  /** ExcelApi 1.7: worksheet.onChanged. */
  worksheetChangedEvents?: boolean;
  /** ExcelApi 1.9: worksheets.onChanged. */
  collectionChangedEvents?: boolean;
  /** ExcelApi 1.13: workbook.insertWorksheetsFromBase64, reading the «files» below by their base64. */
  insertWorksheetsFromBase64?: boolean;
  files?: Record<string, FakeSheetInit[]>;
  /** ExcelApi 1.5: workbook.customXmlParts. */
  customXmlParts?: boolean;
}

export interface Operation {
  /** The sync (1-based) the command went with. */
  sync: number;
  op:
    | 'load'
    | 'setFill'
    | 'clearFill'
    | 'addXmlPart'
    | 'deleteXmlPart'
    | 'setCellProperties'
    | 'select'
    | 'activate'
    | 'setValues'
    | 'setNumberFormat'
    | 'clear'
    | 'setBold'
    | 'autofit'
    | 'addSheet'
    | 'insertSheets'
    | 'addHandler'
    | 'removeHandler';
  target: string;
  detail?: string;
}

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const key = (row: number, col: number): number => row * (MAX_COLS + 1) + col;

export type ChangedHandler = (args: WorksheetChangedEventArgs) => Promise<unknown>;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly handlers = new Set<ChangedHandler>();
  constructor(
    public name: string,
    public visibility: SheetVisibility,
    public merges: string[],
    readonly id: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  touch(row: number, col: number): FakeCell {
    const k = key(row, col);
    const existing = this.cells.get(k);
    if (existing) return existing;
    const created: FakeCell = {};
    this.cells.set(k, created);
    return created;
  }

  usedBox(): Box | undefined {
    let top = Infinity,
      left = Infinity,
      bottom = 0,
      right = 0;
    for (const [k, cell] of this.cells) {
      if (cell.value === undefined || cell.value === '') continue;
      const row = Math.floor(k / (MAX_COLS + 1));
      const col = k % (MAX_COLS + 1);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom === 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

export function parseBox(address: string): Box {
  const [from, to = from] = address.replace(/\$/g, '').split(':');
  const a = from ? parseAddress(from) : undefined;
  const b = to ? parseAddress(to) : undefined;
  if (!a || !b) throw new Error(`InvalidArgument: range address «${address}»`);
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

export function boxAddress(box: Box): string {
  const from = cellAddress(box.row, box.col);
  return box.rows === 1 && box.cols === 1 ? from : `${from}:${cellAddress(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.row <= b.row + b.rows - 1 && b.row <= a.row + a.rows - 1 && a.col <= b.col + b.cols - 1 && b.col <= a.col + a.cols - 1;
}

/** Loaded properties, readable only after the sync that carried the load. */
export class Loadable {
  private readonly loadedValues = new Map<string, unknown>();
  constructor(
    protected readonly excel: FakeExcel,
    protected readonly label: string,
  ) {}

  protected get<T>(property: string): T {
    if (!this.loadedValues.has(property)) throw new Error(`PropertyNotLoaded: ${this.label}.${property} read before load() and sync()`);
    return this.loadedValues.get(property) as T;
  }

  protected queueLoad(properties: string, resolve: (property: string) => unknown): void {
    const names = properties
      .split(',')
      .map((p) => p.trim().replace(/^items\//, ''))
      .filter(Boolean);
    this.excel.queue('load', this.label, properties, () => {
      let bytes = 0;
      for (const name of names) {
        const value = resolve(name);
        this.loadedValues.set(name, value);
        bytes += Buffer.byteLength(JSON.stringify(value ?? null));
      }
      return bytes;
    });
  }

  protected setLoaded(property: string, value: unknown): void {
    this.loadedValues.set(property, value);
  }
}
