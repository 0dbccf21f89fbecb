/**
 * The few shapes of the Excel JavaScript API (ExcelApi 1.1+) the gateway uses, written out so the
 * add-in's code does not lean on the Office globals and the tests can hand in a fake. The official
 * typings (@types/office-js) are the reference: test/addin/typings/official-types.ts asserts at
 * typecheck that each real Excel.* type is assignable to its interface here (and that what the
 * gateway hands in is what Excel accepts), so a member written differently fails `npm run typecheck`.
 * Add a member here only when the gateway starts using it.
 */

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** What a cell holds as Excel reports it in `range.values` (dates are serial numbers). */
export type ExcelValue = string | number | boolean;

/** OfficeExtension.ClientRequestContext: what an event handler's result keeps (no workbook on it). */
export interface ClientRequestContext {
  /** Sends every queued command in one round trip; loaded properties are readable after it. */
  sync(): Promise<void>;
}

export interface RequestContext extends ClientRequestContext {
  readonly workbook: Workbook;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
  /** ExcelApi 1.5: XML parts stored in the file; the pane keeps its highlight record in one. */
  readonly customXmlParts: CustomXmlPartCollection;
  /** ExcelApi 1.1; throws at sync when several areas are selected. */
  getSelectedRange(): Range;
  /** ExcelApi 1.13: the ids of the inserted sheets, readable after the sync. */
  insertWorksheetsFromBase64(base64File: string, options?: InsertWorksheetOptions): ClientResult<string[]>;
}

export interface InsertWorksheetOptions {
  /** By default (and for `[]`) every sheet of the source workbook. */
  sheetNamesToInsert?: string[];
  positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End';
  relativeTo?: string;
}

/** ExcelApi 1.5. */
export interface CustomXmlPartCollection {
  /** A new part; the XML must have a root element (its xmlns is the part's namespace). */
  add(xml: string): CustomXmlPart;
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection;
  getItemOrNullObject(id: string): CustomXmlPart;
}

export interface CustomXmlPartScopedCollection {
  /** After `load('items/id')` and a sync. */
  readonly items: CustomXmlPart[];
  load(properties: string): CustomXmlPartScopedCollection;
}

export interface CustomXmlPart {
  readonly isNullObject: boolean;
  readonly id: string;
  load(properties: string): CustomXmlPart;
  getXml(): ClientResult<string>;
  delete(): void;
}

/** A value a method returns; `value` is readable after the sync. */
export interface ClientResult<T> {
  readonly value: T;
}

export interface WorksheetCollection {
  /** After `load('items/name,items/visibility')` and a sync. */
  readonly items: Worksheet[];
  load(properties: string): WorksheetCollection;
  /** By name or id. */
  getItem(key: string): Worksheet;
  /** ExcelApi 1.4; `isNullObject` after a sync when there is no such sheet. */
  getItemOrNullObject(key: string): Worksheet;
  /** ExcelApi 1.1: a new sheet at the end, not activated. */
  add(name?: string): Worksheet;
  /** ExcelApi 1.9: a change on any sheet, including sheets added later. */
  readonly onChanged: EventHandlers<WorksheetChangedEventArgs>;
}

export interface Worksheet {
  /** Only for a sheet from getItemOrNullObject, after a sync. */
  readonly isNullObject: boolean;
  /** Stable while the sheet exists, unlike its name. */
  readonly id: string;
  readonly name: string;
  readonly visibility: SheetVisibility;
  load(properties: string): Worksheet;
  /** ExcelApi 1.7. */
  readonly onChanged: EventHandlers<WorksheetChangedEventArgs>;
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
  /** Assigning queues a write of the whole grid (its size must match the range). */
  values: ExcelValue[][];
  /** Format codes in en-US notation: «General», «0%», «dd.mm.yyyy», «@» (text). */
  numberFormat: string[][];
  readonly format: RangeFormat;
  readonly worksheet: Worksheet;
  load(properties: string): Range;
  select(): void;
  /** Values, formats and hyperlinks. */
  clear(): void;
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
  readonly font: RangeFont;
  /** ExcelApi 1.2: widths to fit the current contents. */
  autofitColumns(): void;
}

export interface RangeFont {
  bold: boolean;
}

/** Excel.FillPattern as a string, the names the typings list. */
export type FillPattern =
  | 'None'
  | 'Solid'
  | 'Gray50'
  | 'Gray75'
  | 'Gray25'
  | 'Horizontal'
  | 'Vertical'
  | 'Down'
  | 'Up'
  | 'Checker'
  | 'SemiGray75'
  | 'LightHorizontal'
  | 'LightVertical'
  | 'LightDown'
  | 'LightUp'
  | 'Grid'
  | 'CrissCross'
  | 'Gray16'
  | 'Gray8'
  | 'LinearGradient'
  | 'RectangularGradient';

export interface RangeFill {
  /** «#FFC7CE»; «#FFFFFF» when the cell has no fill; null when the cells of the range differ. */
  color: string | null;
  /** ExcelApi 1.9; «None» when the cell has no fill. */
  pattern: FillPattern | null;
  /** ExcelApi 1.9. */
  patternColor: string | null;
  /** ExcelApi 1.9: −1 (darkest) … 1 (lightest), 0 for the colour itself (theme tints, «Светлее 40 %»). */
  tintAndShade: number | null;
  /** ExcelApi 1.9. */
  patternTintAndShade: number | null;
  load(properties: string): RangeFill;
  clear(): void;
}

export interface SettableCellProperties {
  format?: { fill?: { color?: string; pattern?: FillPattern; patternColor?: string; tintAndShade?: number; patternTintAndShade?: number } };
}

/** OfficeExtension.EventHandlers: `add` takes effect at the next sync. */
export interface EventHandlers<T> {
  add(handler: (args: T) => Promise<unknown>): EventHandlerResult;
}

/** OfficeExtension.EventHandlerResult: remove() is queued on `context`, the one the handler was added in. */
export interface EventHandlerResult {
  /**
   * The context the handler was added in. The typings give it as OfficeExtension.ClientRequestContext
   * (no workbook): hand it to Excel.run(context, batch) to work on it (run.ts's runExcelOn).
   */
  readonly context: ClientRequestContext;
  remove(): void;
}

/** ExcelApi 1.7 (Excel.WorksheetChangedEventArgs), the members the gateway reads. */
export interface WorksheetChangedEventArgs {
  readonly worksheetId: string;
  /** «B3:C4», the changed area on that sheet. */
  readonly address: string;
  /** «Remote» for a co-author's edit. */
  readonly source?: 'Local' | 'Remote';
  /** ExcelApi 1.14: «ThisLocalAddin» when this add-in made the change; absent on older hosts. */
  readonly triggerSource?: 'Unknown' | 'ThisLocalAddin';
}
