import { cellAddress, parseAddress } from '../../core/forms/snapshot';
import type {
  ClientResult, EventHandlerResult, EventHandlers, ExcelValue, InsertWorksheetOptions, Range, RangeAreas, RangeFill, RangeFont, RangeFormat, RequestContext,
  SettableCellProperties, SheetVisibility, Workbook, Worksheet, WorksheetChangedEventArgs, WorksheetCollection,
} from '../../addin/excel/office-types';

/**
 * A small typed fake of the Excel JS API over an in-memory grid. Like Excel, it queues commands and
 * runs them at context.sync(); a property read before it was loaded and synced throws; a request
 * whose response exceeds the payload limit fails. It counts syncs and logs every queued command.
 */

export interface FakeCell {
  value?: ExcelValue;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
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
}

export interface Operation {
  /** The sync (1-based) the command went with. */
  sync: number;
  op: 'load' | 'setFill' | 'clearFill' | 'setCellProperties' | 'select' | 'activate'
    | 'setValues' | 'setNumberFormat' | 'clear' | 'setBold' | 'autofit' | 'addSheet' | 'insertSheets' | 'addHandler' | 'removeHandler';
  target: string;
  detail?: string;
}

interface Box { row: number; col: number; rows: number; cols: number }

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const key = (row: number, col: number): number => row * (MAX_COLS + 1) + col;

type ChangedHandler = (args: WorksheetChangedEventArgs) => Promise<unknown>;

class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly handlers = new Set<ChangedHandler>();
  constructor(public name: string, public visibility: SheetVisibility, public merges: string[], readonly id: string) {}

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
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    for (const [k, cell] of this.cells) {
      if (cell.value === undefined || cell.value === '') continue;
      const row = Math.floor(k / (MAX_COLS + 1));
      const col = k % (MAX_COLS + 1);
      top = Math.min(top, row); left = Math.min(left, col); bottom = Math.max(bottom, row); right = Math.max(right, col);
    }
    return bottom === 0 ? undefined : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

function parseBox(address: string): Box {
  const [from, to = from] = address.replace(/\$/g, '').split(':');
  const a = from ? parseAddress(from) : undefined;
  const b = to ? parseAddress(to) : undefined;
  if (!a || !b) throw new Error(`InvalidArgument: range address «${address}»`);
  return { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col), rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

function boxAddress(box: Box): string {
  const from = cellAddress(box.row, box.col);
  return box.rows === 1 && box.cols === 1 ? from : `${from}:${cellAddress(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.row <= b.row + b.rows - 1 && b.row <= a.row + a.rows - 1 && a.col <= b.col + b.cols - 1 && b.col <= a.col + a.cols - 1;
}

/** Loaded properties, readable only after the sync that carried the load. */
class Loadable {
  private readonly loadedValues = new Map<string, unknown>();
  constructor(protected readonly excel: FakeExcel, protected readonly label: string) {}

  protected get<T>(property: string): T {
    if (!this.loadedValues.has(property)) throw new Error(`PropertyNotLoaded: ${this.label}.${property} read before load() and sync()`);
    return this.loadedValues.get(property) as T;
  }

  protected queueLoad(properties: string, resolve: (property: string) => unknown): void {
    const names = properties.split(',').map((p) => p.trim().replace(/^items\//, '')).filter(Boolean);
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

class FakeFill extends Loadable implements RangeFill {
  constructor(excel: FakeExcel, label: string, private readonly range: FakeRange) {
    super(excel, label);
  }

  get color(): string | null {
    return this.get<string | null>('color');
  }

  set color(color: string | null) {
    this.excel.queue('setFill', this.label, String(color), () => {
      this.range.forEachCell((sheet, row, col) => { sheet.touch(row, col).fill = color ?? undefined; });
    });
  }

  load(properties: string): RangeFill {
    this.queueLoad(properties, () => {
      const colors = new Set<string>();
      this.range.forEachCell((sheet, row, col) => { colors.add(sheet.cell(row, col)?.fill ?? '#FFFFFF'); });
      return colors.size === 1 ? [...colors][0]! : null;
    });
    return this;
  }

  clear(): void {
    this.excel.queue('clearFill', this.label, undefined, () => {
      this.range.forEachCell((sheet, row, col) => { const cell = sheet.cell(row, col); if (cell) delete cell.fill; });
    });
  }
}

class FakeRangeAreas extends Loadable implements RangeAreas {
  constructor(excel: FakeExcel, label: string, private readonly range: FakeRange) {
    super(excel, label);
  }

  get isNullObject(): boolean { return this.get<boolean>('isNullObject'); }
  get address(): string { return this.get<string>('address'); }

  load(properties: string): RangeAreas {
    this.queueLoad(properties, (property) => {
      const sheet = this.range.sheet();
      const box = this.range.box();
      const areas = box ? sheet.merges.filter((m) => overlaps(parseBox(m), box)) : [];
      this.setLoaded('isNullObject', areas.length === 0);
      if (property !== 'address') throw new Error(`PropertyNotImplemented in the fake: ${property}`);
      return areas.length === 0 ? undefined : areas.map((m) => `${quoteSheet(sheet.name)}!${m}`).join(',');
    });
    return this;
  }
}

class FakeFont implements RangeFont {
  constructor(private readonly excel: FakeExcel, private readonly label: string, private readonly range: FakeRange) {}

  get bold(): boolean { throw new Error(`PropertyNotImplemented in the fake: ${this.label}.bold`); }

  set bold(bold: boolean) {
    this.excel.queue('setBold', this.label, String(bold), () => {
      this.range.forEachCell((sheet, row, col) => { sheet.touch(row, col).bold = bold; });
    });
  }
}

class FakeRange extends Loadable implements Range {
  readonly format: RangeFormat;

  constructor(excel: FakeExcel, private readonly sheetKey: () => string, private readonly resolveBox: () => Box | undefined, label: string) {
    super(excel, label);
    this.format = {
      fill: new FakeFill(excel, `${label}.format.fill`, this),
      font: new FakeFont(excel, `${label}.format.font`, this),
      autofitColumns: () => this.excel.queue('autofit', label, undefined, () => { this.forEachCell(() => undefined); }),
    };
  }

  sheet(): FakeSheet { return this.excel.sheet(this.sheetKey()); }
  box(): Box | undefined { return this.resolveBox(); }
  get worksheet(): Worksheet { return new FakeWorksheet(this.excel, this.sheetKey, `${this.label}.worksheet`); }

  forEachCell(visit: (sheet: FakeSheet, row: number, col: number) => void): void {
    const sheet = this.sheet();
    const box = this.box();
    if (!box) throw new Error(`InvalidReference: ${this.label} is a null object`);
    for (let r = box.row; r < box.row + box.rows; r++) for (let c = box.col; c < box.col + box.cols; c++) visit(sheet, r, c);
  }

  get isNullObject(): boolean { return this.get<boolean>('isNullObject'); }
  get address(): string { return this.get<string>('address'); }
  get rowCount(): number { return this.get<number>('rowCount'); }
  get columnCount(): number { return this.get<number>('columnCount'); }
  get values(): ExcelValue[][] { return this.get<ExcelValue[][]>('values'); }
  get numberFormat(): string[][] { return this.get<string[][]>('numberFormat'); }
  set values(values: ExcelValue[][]) { this.write('setValues', values, (cell, value) => { cell.value = value === '' ? undefined : value; }); }
  set numberFormat(formats: string[][]) { this.write('setNumberFormat', formats, (cell, format) => { cell.numberFormat = format; }); }

  /** A grid written cell by cell; like Excel, its size must be the range's. */
  private write<T>(op: Operation['op'], grid: T[][], apply: (cell: FakeCell, value: T) => void): void {
    this.excel.queue(op, this.label, `${grid.length}x${grid[0]?.length ?? 0}`, () => {
      const box = this.box();
      if (!box || grid.length !== box.rows || grid.some((row) => row.length !== box.cols)) {
        throw new Error(`InvalidArgument: a ${grid.length}-row grid does not match ${this.label}`);
      }
      this.forEachCell((sheet, row, col) => apply(sheet.touch(row, col), grid[row - box.row]![col - box.col]!));
    });
  }

  clear(): void {
    this.excel.queue('clear', this.label, undefined, () => {
      const sheet = this.sheet();
      const box = this.box();
      if (!box) throw new Error(`InvalidReference: ${this.label} is a null object`);
      for (const k of [...sheet.cells.keys()]) {
        const row = Math.floor(k / (MAX_COLS + 1));
        const col = k % (MAX_COLS + 1);
        if (overlaps(box, { row, col, rows: 1, cols: 1 })) sheet.cells.delete(k);
      }
    });
  }

  load(properties: string): Range {
    this.queueLoad(properties, (property) => {
      const sheet = this.sheet();
      const box = this.box();
      this.setLoaded('isNullObject', !box);
      if (!box) return undefined;
      if ((property === 'values' || property === 'numberFormat') && box.rows * box.cols > 5_000_000) {
        throw new Error(`ResponsePayloadSizeLimitExceeded: ${this.label}.${property} of ${box.rows * box.cols} cells`);
      }
      const grid = <T>(pick: (cell: FakeCell | undefined) => T): T[][] => {
        const rows: T[][] = [];
        for (let r = box.row; r < box.row + box.rows; r++) {
          const row: T[] = [];
          for (let c = box.col; c < box.col + box.cols; c++) row.push(pick(sheet.cell(r, c)));
          rows.push(row);
        }
        return rows;
      };
      switch (property) {
        case 'address': return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
        case 'rowCount': return box.rows;
        case 'columnCount': return box.cols;
        case 'values': return grid((cell) => cell?.value ?? '');
        case 'numberFormat': return grid((cell) => cell?.numberFormat ?? 'General');
        default: throw new Error(`PropertyNotImplemented in the fake: ${property}`);
      }
    });
    return this;
  }

  select(): void {
    this.excel.queue('select', this.label, undefined, () => {
      const box = this.box();
      if (!box) throw new Error(`InvalidReference: ${this.label}`);
      this.excel.selection = { sheet: this.sheet().name, address: boxAddress(box) };
    });
  }

  setCellProperties(cellPropertiesData: SettableCellProperties[][]): void {
    if (!this.excel.options.setCellProperties) throw new Error('ApiNotFound: setCellProperties needs ExcelApi 1.9');
    this.excel.queue('setCellProperties', this.label, `${cellPropertiesData.length} rows`, () => {
      const box = this.box();
      if (!box || cellPropertiesData.length !== box.rows || cellPropertiesData.some((row) => row.length !== box.cols)) {
        throw new Error(`InvalidArgument: setCellProperties grid does not match ${this.label}`);
      }
      this.forEachCell((sheet, row, col) => {
        const color = cellPropertiesData[row - box.row]?.[col - box.col]?.format?.fill?.color;
        if (color !== undefined) sheet.touch(row, col).fill = color;
      });
    });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    if (!this.excel.options.mergedAreas) throw new Error('ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13');
    return new FakeRangeAreas(this.excel, `${this.label}.mergedAreas`, this);
  }
}

/** worksheet.onChanged / worksheets.onChanged: add and remove take effect at the sync, as in Excel. */
class FakeChangedHandlers implements EventHandlers<WorksheetChangedEventArgs> {
  constructor(private readonly excel: FakeExcel, private readonly label: string, private readonly owner: () => Set<ChangedHandler>) {}

  add(handler: ChangedHandler): EventHandlerResult {
    let owner: Set<ChangedHandler> | undefined;
    this.excel.queue('addHandler', this.label, undefined, () => { owner = this.owner(); owner.add(handler); });
    return {
      context: this.excel.context,
      remove: () => this.excel.queue('removeHandler', this.label, undefined, () => { owner?.delete(handler); }),
    };
  }
}

class FakeWorksheet extends Loadable implements Worksheet {
  /** key: the sheet's name or id, looked up at each sync; nullable: from getItemOrNullObject. */
  constructor(excel: FakeExcel, private readonly key: () => string, label: string, private readonly nullable = false) {
    super(excel, label);
  }

  markLoaded(sheet: FakeSheet): void {
    this.setLoaded('name', sheet.name);
    this.setLoaded('visibility', sheet.visibility);
    this.setLoaded('id', sheet.id);
  }

  get isNullObject(): boolean { return this.get<boolean>('isNullObject'); }
  get id(): string { return this.get<string>('id'); }
  get name(): string { return this.get<string>('name'); }
  get visibility(): SheetVisibility { return this.get<SheetVisibility>('visibility'); }

  load(properties: string): Worksheet {
    this.queueLoad(properties, (property) => {
      const sheet = this.nullable ? this.excel.findSheet(this.key()) : this.excel.sheet(this.key());
      this.setLoaded('isNullObject', !sheet);
      if (!sheet) return undefined;
      if (property === 'name' || property === 'id' || property === 'visibility') return sheet[property];
      throw new Error(`PropertyNotImplemented in the fake: ${property}`);
    });
    return this;
  }

  get onChanged(): EventHandlers<WorksheetChangedEventArgs> {
    if (!this.excel.options.worksheetChangedEvents) throw new Error('ApiNotFound: worksheet.onChanged needs ExcelApi 1.7');
    return new FakeChangedHandlers(this.excel, `${this.label}.onChanged`, () => this.excel.sheet(this.key()).handlers);
  }

  getRange(address?: string): Range {
    const box = address === undefined ? { row: 1, col: 1, rows: MAX_ROWS, cols: MAX_COLS } : parseBox(address);
    return new FakeRange(this.excel, this.key, () => box, `${this.label}.range(${address ?? 'all'})`);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    if (valuesOnly !== true) throw new Error('The fake models values-only used ranges; pass true');
    return new FakeRange(this.excel, this.key, () => this.excel.sheet(this.key()).usedBox(), `${this.label}.usedRange`);
  }

  activate(): void {
    this.excel.queue('activate', this.label, undefined, () => { this.excel.activeSheet = this.excel.sheet(this.key()).name; });
  }
}

class FakeWorksheets extends Loadable implements WorksheetCollection {
  readonly handlers = new Set<ChangedHandler>();

  constructor(excel: FakeExcel) {
    super(excel, 'worksheets');
  }

  get items(): Worksheet[] { return this.get<Worksheet[]>('items'); }

  load(properties: string): WorksheetCollection {
    this.excel.queue('load', this.label, properties, () => {
      const items = this.excel.sheetList().map((sheet) => {
        const ws = new FakeWorksheet(this.excel, () => sheet.id, `worksheet(${sheet.name})`);
        ws.markLoaded(sheet);
        return ws;
      });
      this.setLoaded('items', items);
      return Buffer.byteLength(JSON.stringify(items.map((w) => [w.name, w.visibility, w.id])));
    });
    return this;
  }

  getItem(key: string): Worksheet {
    return new FakeWorksheet(this.excel, () => key, `worksheet(${key})`);
  }

  getItemOrNullObject(key: string): Worksheet {
    return new FakeWorksheet(this.excel, () => key, `worksheet(${key})?`, true);
  }

  add(name?: string): Worksheet {
    const sheetName = name ?? `Лист${this.excel.sheetList().length + 1}`;
    this.excel.queue('addSheet', this.label, sheetName, () => { this.excel.addSheet({ name: sheetName }); });
    return new FakeWorksheet(this.excel, () => sheetName, `worksheet(${sheetName})`);
  }

  get onChanged(): EventHandlers<WorksheetChangedEventArgs> {
    if (!this.excel.options.collectionChangedEvents) throw new Error('ApiNotFound: worksheets.onChanged needs ExcelApi 1.9');
    return new FakeChangedHandlers(this.excel, `${this.label}.onChanged`, () => this.handlers);
  }
}

class FakeWorkbook implements Workbook {
  readonly worksheets: FakeWorksheets;
  constructor(private readonly excel: FakeExcel) {
    this.worksheets = new FakeWorksheets(excel);
  }

  getSelectedRange(): Range {
    const where = (): { sheet: string; address: string } => this.excel.selection ?? { sheet: this.excel.sheetList()[0]!.name, address: 'A1' };
    return new FakeRange(this.excel, () => where().sheet, () => parseBox(where().address), 'selectedRange');
  }

  /** Inserted sheets whose name is taken get Excel's «Имя (2)» (an assumption: the gateway checks first). */
  insertWorksheetsFromBase64(base64File: string, options: InsertWorksheetOptions = {}): ClientResult<string[]> {
    if (!this.excel.options.insertWorksheetsFromBase64) throw new Error('ApiNotFound: insertWorksheetsFromBase64 needs ExcelApi 1.13');
    const result: { value: string[] } = { value: [] };
    let synced = false;
    const names = options.sheetNamesToInsert ?? [];
    this.excel.queue('insertSheets', 'workbook', `${names.join(',') || 'all'} at ${options.positionType ?? 'End'}`, () => {
      const source = this.excel.options.files?.[base64File];
      if (!source) throw new Error('InvalidArgument: the base64 is not a workbook the fake knows');
      const wanted = names.length === 0 ? source : names.map((n) => {
        const init = source.find((s) => s.name === n);
        if (!init) throw new Error(`ItemNotFound: «${n}» is not in the source workbook`);
        return init;
      });
      for (const init of wanted) {
        let name = init.name;
        for (let n = 2; this.excel.findSheet(name); n++) name = `${init.name} (${n})`;
        result.value.push(this.excel.addSheet({ ...init, name }).id);
      }
      synced = true;
    });
    return { get value() { if (!synced) throw new Error('PropertyNotLoaded: ClientResult.value read before sync()'); return result.value; } };
  }
}

export class FakeExcel {
  readonly options: FakeOptions;
  readonly context: RequestContext;
  readonly operations: Operation[] = [];
  /** Response bytes (UTF-8 JSON of what was loaded) of each sync. */
  readonly responseBytes: number[] = [];
  syncs = 0;
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  private readonly sheets: FakeSheet[] = [];
  private readonly workbook: FakeWorkbook;
  private pending: Array<() => number | void> = [];
  private nextId = 1;

  constructor(sheets: FakeSheetInit[], options: FakeOptions = {}) {
    this.options = options;
    this.workbook = new FakeWorkbook(this);
    this.context = { workbook: this.workbook, sync: () => this.sync() };
    for (const init of sheets) this.addSheet(init);
  }

  /** A sheet at the end (test setup, or what a queued add/insert does at its sync). */
  addSheet(init: FakeSheetInit): FakeSheet {
    if (this.findSheet(init.name)) throw new Error(`ItemAlreadyExists: worksheet «${init.name}»`);
    const sheet = new FakeSheet(init.name, init.visibility ?? 'Visible', init.merges ?? [], `{SHEET-${this.nextId++}}`);
    for (const [address, cell] of Object.entries(init.cells ?? {})) {
      const p = parseAddress(address);
      if (!p) throw new Error(`bad fake address ${address}`);
      Object.assign(sheet.touch(p.row, p.col), typeof cell === 'object' ? cell : { value: cell });
    }
    this.sheets.push(sheet);
    return sheet;
  }

  /** A cell as it stands now (undefined when never touched). */
  cellAt(sheetName: string, address: string): FakeCell | undefined {
    const p = parseAddress(address)!;
    return this.sheet(sheetName).cell(p.row, p.col);
  }

  /** What Excel does on an edit: calls the onChanged handlers of the sheet and of the collection. */
  async fireChanged(sheetName: string, address: string, extra: Partial<WorksheetChangedEventArgs> = {}): Promise<void> {
    const sheet = this.sheet(sheetName);
    const args: WorksheetChangedEventArgs = { worksheetId: sheet.id, address, source: 'Local', ...extra };
    await Promise.all([...sheet.handlers, ...this.workbook.worksheets.handlers].map((handler) => handler(args)));
  }

  /** onChanged handlers registered now, on sheets and on the collection. */
  handlerCount(): number {
    return this.workbook.worksheets.handlers.size + this.sheets.reduce((n, s) => n + s.handlers.size, 0);
  }

  /** Sets one cell directly (test setup, not a queued command). */
  setCell(sheetName: string, address: string, cell: FakeCell): void {
    const p = parseAddress(address)!;
    Object.assign(this.sheet(sheetName).touch(p.row, p.col), cell);
  }

  fillAt(sheetName: string, address: string): string | undefined {
    const p = parseAddress(address)!;
    return this.sheet(sheetName).cell(p.row, p.col)?.fill;
  }

  sheetList(): FakeSheet[] { return this.sheets; }

  /** By name (without case, as Excel compares them) or by id. */
  findSheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toUpperCase() === key.toUpperCase());
  }

  sheet(key: string): FakeSheet {
    const sheet = this.findSheet(key);
    if (!sheet) throw new Error(`ItemNotFound: worksheet «${key}»`);
    return sheet;
  }

  queue(op: Operation['op'], target: string, detail: string | undefined, run: () => number | void): void {
    this.operations.push({ sync: this.syncs + 1, op, target, ...(detail === undefined ? {} : { detail }) });
    this.pending.push(run);
  }

  opsOf(op: Operation['op']): Operation[] {
    return this.operations.filter((o) => o.op === op);
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const batch = this.pending;
    this.pending = [];
    let bytes = 0;
    for (const run of batch) bytes += run() ?? 0;
    this.responseBytes.push(bytes);
    const limit = this.options.payloadLimit ?? 5_000_000;
    if (bytes > limit) {
      throw Object.assign(new Error(`sync ${this.syncs} returned ${bytes} bytes, over ${limit}`), { code: 'ResponsePayloadSizeLimitExceeded' });
    }
  }
}
