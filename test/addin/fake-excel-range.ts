import type {
  ExcelValue,
  FillPattern,
  Range,
  RangeAreas,
  RangeFill,
  RangeFont,
  RangeFormat,
  SettableCellProperties,
  Worksheet,
} from '../../addin/excel/office-types';
import type { FakeExcel } from './fake-excel';
import {
  boxAddress,
  fillOf,
  Loadable,
  MAX_COLS,
  overlaps,
  parseBox,
  quoteSheet,
  setFillMember,
  writeValue,
  type Box,
  type FakeCell,
  type FakeSheet,
  type Operation,
} from './fake-excel-model';

/** Ranges of the fake Excel: values, formats, fills, fonts, merged areas (see fake-excel.ts). */

type FillMember = 'color' | 'pattern' | 'patternColor' | 'tintAndShade' | 'patternTintAndShade';
const FILL_MEMBERS: readonly string[] = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];

export class FakeFill extends Loadable implements RangeFill {
  constructor(
    excel: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(excel, label);
  }

  get color(): string | null {
    return this.get<string | null>('color');
  }
  set color(color: string | null) {
    this.set('color', color);
  }
  get pattern(): FillPattern | null {
    return this.get<FillPattern | null>('pattern');
  }
  set pattern(pattern: FillPattern | null) {
    this.set('pattern', pattern);
  }
  get patternColor(): string | null {
    return this.get<string | null>('patternColor');
  }
  set patternColor(color: string | null) {
    this.set('patternColor', color);
  }
  get tintAndShade(): number | null {
    return this.get<number | null>('tintAndShade');
  }
  set tintAndShade(value: number | null) {
    this.set('tintAndShade', value);
  }
  get patternTintAndShade(): number | null {
    return this.get<number | null>('patternTintAndShade');
  }
  set patternTintAndShade(value: number | null) {
    this.set('patternTintAndShade', value);
  }

  private needs19(member: string): void {
    if (member !== 'color' && !this.excel.options.setCellProperties) throw new Error(`ApiNotFound: fill.${member} needs ExcelApi 1.9`);
  }

  private set(member: FillMember, value: unknown): void {
    this.needs19(member);
    this.excel.queue('setFill', this.label, `${member}=${String(value)}`, () => {
      this.range.forEachCell((sheet, row, col) => setFillMember(sheet.touch(row, col), member, value));
    });
  }

  load(properties: string): RangeFill {
    for (const member of properties.split(',').map((p) => p.trim())) {
      if (!FILL_MEMBERS.includes(member)) throw new Error(`PropertyNotImplemented in the fake: fill.${member}`);
      this.needs19(member);
    }
    this.queueLoad(properties, (member) => {
      const seen = new Set<string>();
      this.range.forEachCell((sheet, row, col) => {
        seen.add(JSON.stringify(fillOf(sheet.cell(row, col))[member as FillMember]));
      });
      return seen.size === 1 ? (JSON.parse([...seen][0]!) as unknown) : null;
    });
    return this;
  }

  clear(): void {
    this.excel.queue('clearFill', this.label, undefined, () => {
      this.range.forEachCell((sheet, row, col) => {
        const cell = sheet.cell(row, col);
        if (cell) setFillMember(cell, 'pattern', 'None');
      });
    });
  }
}

export class FakeRangeAreas extends Loadable implements RangeAreas {
  constructor(
    excel: FakeExcel,
    label: string,
    private readonly range: FakeRange,
  ) {
    super(excel, label);
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get address(): string {
    return this.get<string>('address');
  }

  load(properties: string): RangeAreas {
    this.queueLoad(properties, (property) => {
      const sheet = this.range.sheet();
      const box = this.range.box();
      const areas = box ? sheet.merges.filter((m) => overlaps(parseBox(m), box)) : [];
      // «if the merged areas count in this range is more than 512, then this method will fail» (the typings)
      if (areas.length > 512)
        throw Object.assign(new Error(`GeneralException: ${areas.length} merged areas, over 512`), { code: 'GeneralException' });
      this.setLoaded('isNullObject', areas.length === 0);
      if (property !== 'address') throw new Error(`PropertyNotImplemented in the fake: ${property}`);
      return areas.length === 0 ? undefined : areas.map((m) => `${quoteSheet(sheet.name)}!${m}`).join(',');
    });
    return this;
  }
}

export class FakeFont implements RangeFont {
  constructor(
    private readonly excel: FakeExcel,
    private readonly label: string,
    private readonly range: FakeRange,
  ) {}

  get bold(): boolean {
    throw new Error(`PropertyNotImplemented in the fake: ${this.label}.bold`);
  }

  set bold(bold: boolean) {
    this.excel.queue('setBold', this.label, String(bold), () => {
      this.range.forEachCell((sheet, row, col) => {
        sheet.touch(row, col).bold = bold;
      });
    });
  }
}

export class FakeRange extends Loadable implements Range {
  readonly format: RangeFormat;

  constructor(
    excel: FakeExcel,
    private readonly sheetKey: () => string,
    private readonly resolveBox: () => Box | undefined,
    label: string,
  ) {
    super(excel, label);
    this.format = {
      fill: new FakeFill(excel, `${label}.format.fill`, this),
      font: new FakeFont(excel, `${label}.format.font`, this),
      autofitColumns: () =>
        this.excel.queue('autofit', label, undefined, () => {
          this.forEachCell(() => undefined);
        }),
    };
  }

  sheet(): FakeSheet {
    return this.excel.sheet(this.sheetKey());
  }
  box(): Box | undefined {
    return this.resolveBox();
  }
  get worksheet(): Worksheet {
    return this.excel.worksheetOf(this.sheetKey, `${this.label}.worksheet`);
  }

  forEachCell(visit: (sheet: FakeSheet, row: number, col: number) => void): void {
    const sheet = this.sheet();
    const box = this.box();
    if (!box) throw new Error(`InvalidReference: ${this.label} is a null object`);
    for (let r = box.row; r < box.row + box.rows; r++) for (let c = box.col; c < box.col + box.cols; c++) visit(sheet, r, c);
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
  get address(): string {
    return this.get<string>('address');
  }
  get rowCount(): number {
    return this.get<number>('rowCount');
  }
  get columnCount(): number {
    return this.get<number>('columnCount');
  }
  get values(): ExcelValue[][] {
    return this.get<ExcelValue[][]>('values');
  }
  get numberFormat(): string[][] {
    return this.get<string[][]>('numberFormat');
  }
  set values(values: ExcelValue[][]) {
    this.write('setValues', values, writeValue);
  }
  set numberFormat(formats: string[][]) {
    this.write('setNumberFormat', formats, (cell, format) => {
      cell.numberFormat = format;
    });
  }

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
        case 'address':
          return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
        case 'rowCount':
          return box.rows;
        case 'columnCount':
          return box.cols;
        case 'values':
          return grid((cell) => cell?.value ?? '');
        case 'numberFormat':
          return grid((cell) => cell?.numberFormat ?? 'General');
        default:
          throw new Error(`PropertyNotImplemented in the fake: ${property}`);
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
        const fill = cellPropertiesData[row - box.row]?.[col - box.col]?.format?.fill;
        if (!fill) return;
        const cell = sheet.touch(row, col);
        for (const member of FILL_MEMBERS as FillMember[]) if (fill[member] !== undefined) setFillMember(cell, member, fill[member]);
      });
    });
  }

  getMergedAreasOrNullObject(): RangeAreas {
    if (!this.excel.options.mergedAreas) throw new Error('ApiNotFound: getMergedAreasOrNullObject needs ExcelApi 1.13');
    return new FakeRangeAreas(this.excel, `${this.label}.mergedAreas`, this);
  }
}

/** worksheet.onChanged / worksheets.onChanged: add and remove take effect at the sync, as in Excel. */
