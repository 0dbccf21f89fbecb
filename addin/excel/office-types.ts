/**
 * The few shapes of the Excel JavaScript API (ExcelApi 1.1+) the gateway uses, written out so the
 * add-in needs no @types/office-js and the tests can hand in a fake. The real Excel.* objects
 * satisfy these interfaces structurally; add a member here only when the gateway starts using it.
 */

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** What a cell holds as Excel reports it in `range.values` (dates are serial numbers). */
export type ExcelValue = string | number | boolean;

export interface RequestContext {
  readonly workbook: Workbook;
  /** Sends every queued command in one round trip; loaded properties are readable after it. */
  sync(): Promise<void>;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
}

export interface WorksheetCollection {
  /** After `load('items/name,items/visibility')` and a sync. */
  readonly items: Worksheet[];
  load(properties: string): WorksheetCollection;
  getItem(name: string): Worksheet;
}

export interface Worksheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Without an address: the whole sheet. */
  getRange(address?: string): Range;
  /** ExcelApi 1.4; `isNullObject` after a sync when the sheet is empty. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  activate(): void;
}

export interface Range {
  readonly isNullObject: boolean;
  /** «'Карта мониторинга'!B3:F40» (with the sheet name). */
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly values: ExcelValue[][];
  /** Format codes in en-US notation: «General», «0%», «dd.mm.yyyy». */
  readonly numberFormat: string[][];
  readonly format: RangeFormat;
  load(properties: string): Range;
  select(): void;
  /** ExcelApi 1.9: one call sets properties of many cells; `{}` leaves a cell alone. */
  setCellProperties(cellPropertiesData: SettableCellProperties[][]): void;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreas;
}

export interface RangeAreas {
  readonly isNullObject: boolean;
  /** «Лист1!A1:B2,Лист1!C5:D5». */
  readonly address: string;
  load(properties: string): RangeAreas;
}

export interface RangeFormat {
  readonly fill: RangeFill;
}

export interface RangeFill {
  /** «#FFC7CE»; «#FFFFFF» when the cell has no fill; null when the cells of the range differ. */
  color: string | null;
  load(properties: string): RangeFill;
  clear(): void;
}

export interface SettableCellProperties {
  format?: { fill?: { color?: string } };
}
