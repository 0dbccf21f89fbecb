import { parseAddress } from '../../core/forms/snapshot';
import type {
  ClientRequestContext,
  ClientResult,
  CustomXmlPart,
  CustomXmlPartCollection,
  CustomXmlPartScopedCollection,
  EventHandlerResult,
  EventHandlers,
  InsertWorksheetOptions,
  Range,
  RequestContext,
  SheetVisibility,
  Workbook,
  Worksheet,
  WorksheetChangedEventArgs,
  WorksheetCollection,
} from '../../addin/excel/office-types';
import {
  FakeSheet,
  Loadable,
  MAX_COLS,
  MAX_ROWS,
  parseBox,
  type ChangedHandler,
  type FakeCell,
  type FakeOptions,
  type FakeSheetInit,
  type Operation,
} from './fake-excel-model';
import { FakeRange } from './fake-excel-range';

export type { FakeCell, FakeOptions, FakeSheetInit, Operation } from './fake-excel-model';

/**
 * A small typed fake of the Excel JS API over an in-memory grid. Like Excel, it queues commands and
 * runs them at context.sync(); a property read before it was loaded and synced throws; a request
 * whose response exceeds the payload limit fails. It counts syncs and logs every queued command.
 */
class FakeChangedHandlers implements EventHandlers<WorksheetChangedEventArgs> {
  constructor(
    private readonly excel: FakeExcel,
    private readonly label: string,
    private readonly owner: () => Set<ChangedHandler>,
  ) {}

  add(handler: ChangedHandler): EventHandlerResult {
    let owner: Set<ChangedHandler> | undefined;
    this.excel.queue('addHandler', this.label, undefined, () => {
      owner = this.owner();
      owner.add(handler);
    });
    return {
      context: this.excel.context,
      remove: () =>
        this.excel.queue('removeHandler', this.label, undefined, () => {
          owner?.delete(handler);
        }),
    };
  }
}

class FakeWorksheet extends Loadable implements Worksheet {
  /** key: the sheet's name or id, looked up at each sync; nullable: from getItemOrNullObject. */
  constructor(
    excel: FakeExcel,
    private readonly key: () => string,
    label: string,
    private readonly nullable = false,
  ) {
    super(excel, label);
  }

  markLoaded(sheet: FakeSheet): void {
    this.setLoaded('name', sheet.name);
    this.setLoaded('visibility', sheet.visibility);
    this.setLoaded('id', sheet.id);
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get id(): string {
    return this.get<string>('id');
  }
  get name(): string {
    return this.get<string>('name');
  }
  get visibility(): SheetVisibility {
    return this.get<SheetVisibility>('visibility');
  }

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
    this.excel.queue('activate', this.label, undefined, () => {
      const sheet = this.excel.sheet(this.key());
      if (sheet.visibility !== 'Visible') throw new Error(`InvalidOperation: worksheet «${sheet.name}» is hidden and cannot be activated`);
      this.excel.activeSheet = sheet.name;
    });
  }
}

class FakeWorksheets extends Loadable implements WorksheetCollection {
  readonly handlers = new Set<ChangedHandler>();

  constructor(excel: FakeExcel) {
    super(excel, 'worksheets');
  }

  get items(): Worksheet[] {
    return this.get<Worksheet[]>('items');
  }

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
    this.excel.queue('addSheet', this.label, sheetName, () => {
      this.excel.addSheet({ name: sheetName });
    });
    return new FakeWorksheet(this.excel, () => sheetName, `worksheet(${sheetName})`);
  }

  get onChanged(): EventHandlers<WorksheetChangedEventArgs> {
    if (!this.excel.options.collectionChangedEvents) throw new Error('ApiNotFound: worksheets.onChanged needs ExcelApi 1.9');
    return new FakeChangedHandlers(this.excel, `${this.label}.onChanged`, () => this.handlers);
  }
}

/** A custom XML part, by id (kept in FakeExcel.xmlParts: they live in the file, not in the pane). */
class FakeXmlPart extends Loadable implements CustomXmlPart {
  constructor(
    excel: FakeExcel,
    private readonly key: () => string | undefined,
    label: string,
  ) {
    super(excel, label);
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get id(): string {
    return this.get<string>('id');
  }

  markLoaded(id: string): void {
    this.setLoaded('isNullObject', false);
    this.setLoaded('id', id);
  }

  load(properties: string): CustomXmlPart {
    this.queueLoad(properties, (property) => {
      const id = this.key();
      const exists = id !== undefined && this.excel.xmlParts.has(id);
      this.setLoaded('isNullObject', !exists);
      if (property !== 'id') throw new Error(`PropertyNotImplemented in the fake: ${property}`);
      return exists ? id : undefined;
    });
    return this;
  }

  getXml(): ClientResult<string> {
    let xml: string | undefined;
    this.excel.queue('load', this.label, 'getXml', () => {
      const id = this.key();
      xml = id === undefined ? undefined : this.excel.xmlParts.get(id);
      if (xml === undefined) throw new Error(`ItemNotFound: ${this.label}`);
      return xml.length;
    });
    return {
      get value() {
        if (xml === undefined) throw new Error('PropertyNotLoaded: getXml() read before sync()');
        return xml;
      },
    };
  }

  delete(): void {
    this.excel.queue('deleteXmlPart', this.label, undefined, () => {
      const id = this.key();
      if (id === undefined || !this.excel.xmlParts.delete(id)) throw new Error(`ItemNotFound: ${this.label}`);
    });
  }
}

class FakeXmlParts implements CustomXmlPartCollection {
  constructor(private readonly excel: FakeExcel) {}

  private needs15(): void {
    if (!this.excel.options.customXmlParts) throw new Error('ApiNotFound: customXmlParts needs ExcelApi 1.5');
  }

  add(xml: string): CustomXmlPart {
    this.needs15();
    let id: string | undefined;
    this.excel.queue('addXmlPart', 'customXmlParts', xmlNamespace(xml), () => {
      if (!/^\s*(<\?xml[^>]*>\s*)?<[A-Za-z]/.test(xml)) throw new Error('InvalidArgument: not XML');
      id = `{PART-${this.excel.xmlParts.size + 1}-${Math.random().toString(16).slice(2, 8)}}`;
      this.excel.xmlParts.set(id, xml);
    });
    return new FakeXmlPart(this.excel, () => id, 'customXmlPart(new)');
  }

  getItemOrNullObject(id: string): CustomXmlPart {
    this.needs15();
    return new FakeXmlPart(this.excel, () => id, `customXmlPart(${id})`);
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    this.needs15();
    const excel = this.excel;
    let items: CustomXmlPart[] | undefined;
    const scoped: CustomXmlPartScopedCollection = {
      get items(): CustomXmlPart[] {
        if (!items) throw new Error('PropertyNotLoaded: customXmlParts items');
        return items;
      },
      load: () => {
        excel.queue('load', `customXmlParts(${namespaceUri})`, 'items/id', () => {
          items = [...excel.xmlParts]
            .filter(([, xml]) => xmlNamespace(xml) === namespaceUri)
            .map(([id]) => {
              const part = new FakeXmlPart(excel, () => id, `customXmlPart(${id})`);
              part.markLoaded(id);
              return part;
            });
        });
        return scoped;
      },
    };
    return scoped;
  }
}

function xmlNamespace(xml: string): string {
  return /<[A-Za-z][^\s>]*\s[^>]*xmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
}

class FakeWorkbook implements Workbook {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: CustomXmlPartCollection;
  constructor(private readonly excel: FakeExcel) {
    this.worksheets = new FakeWorksheets(excel);
    this.customXmlParts = new FakeXmlParts(excel);
  }

  getSelectedRange(): Range {
    const where = (): { sheet: string; address: string } => this.excel.selection ?? { sheet: this.excel.sheetList()[0]!.name, address: 'A1' };
    return new FakeRange(
      this.excel,
      () => where().sheet,
      () => parseBox(where().address),
      'selectedRange',
    );
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
      const wanted =
        names.length === 0
          ? source
          : names.map((n) => {
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
    return {
      get value() {
        if (!synced) throw new Error('PropertyNotLoaded: ClientResult.value read before sync()');
        return result.value;
      },
    };
  }
}

export class FakeExcel {
  readonly options: FakeOptions;
  readonly context: RequestContext;
  readonly operations: Operation[] = [];
  /** Response bytes (UTF-8 JSON of what was loaded) of each sync. */
  readonly responseBytes: number[] = [];
  syncs = 0;
  /** Custom XML parts of the workbook by id: they outlive any pane (a new session on the same fake is a reload). */
  readonly xmlParts = new Map<string, string>();
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

  /** Excel.run(context, batch) over this fake: the context must be the fake's own (an event handler's). */
  runOn<T>(context: ClientRequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T> {
    if (context !== this.context) return Promise.reject(new Error('InvalidArgument: a context of another workbook'));
    return batch(this.context);
  }

  /** The worksheet object a range reports as its own (ranges live in fake-excel-range.ts). */
  worksheetOf(key: () => string, label: string): Worksheet {
    return new FakeWorksheet(this, key, label);
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

  sheetList(): FakeSheet[] {
    return this.sheets;
  }

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
