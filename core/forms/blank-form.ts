import ExcelJS from 'exceljs';
import { stampWorkbook, workbookBytes } from './workbook-stamp';
import { messageFor } from '../messages';
import type { Field, FormDefinition, Layout, RefKind } from './definition';
import { fieldColumn } from './locate';
import { MARKER_SHEET, MARKER_TAG } from './marker';
import { displayValue } from './values';

export interface BlankOptions {
  /** Printed into the field marked `prefill: municipality`. */
  municipality?: string;
  year?: number;
  /**
   * Other names for the hidden helper sheets («Списки», «_kaskad»), so a second blank can go into a
   * workbook that already has them; the dropdowns follow the new name.
   */
  hiddenSheetNames?: Readonly<Record<string, string>>;
  /** Names from the data workbook offered as drop-downs in reference columns (F7's «Куратор», schools). */
  references?: Partial<Record<RefKind, readonly string[]>>;
}

const LISTS_SHEET = 'Списки';
const HEADER_ROW = 3;
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** Where each list's labels stand on the hidden «Списки» sheet, for dropdowns. */
type ListRanges = Map<string, string>;

function validationFor(field: Field, lists: ListRanges): ExcelJS.DataValidation | undefined {
  const num = (n: number | undefined): string | undefined => (n === undefined ? undefined : displayValue(n));
  const prompt = messageFor('BLANK_INPUT', { type: field.type, min: num(field.min), max: num(field.max), hint: field.hint }).slice(0, 250);
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    promptTitle: field.label.slice(0, 32),
    prompt,
    errorTitle: 'Каскад',
    error: messageFor('BLANK_INPUT_ERROR', { label: field.label }).slice(0, 250),
  };
  const refList = field.ref && field.type === 'text' ? lists.get(`ref:${field.ref}`) : undefined;
  // A drop-down of the data's names; typing a code or another spelling stays allowed (a warning, not a stop).
  if (refList) return { ...common, type: 'list', formulae: [refList], errorStyle: 'warning' };
  switch (field.type) {
    case 'yesno':
      return { ...common, type: 'list', formulae: ['"да,нет"'] };
    case 'choice':
      return field.list && lists.has(field.list)
        ? { ...common, type: 'list', formulae: [lists.get(field.list)] }
        : { ...common, type: 'custom', formulae: ['TRUE'], showErrorMessage: false };
    case 'integer':
    case 'number':
    case 'percent': {
      const min = field.type === 'percent' ? Math.max(0, field.min ?? 0) : (field.min ?? -1e15);
      const max = field.type === 'percent' ? Math.min(100, field.max ?? 100) : (field.max ?? 1e15);
      return { ...common, type: field.type === 'integer' ? 'whole' : 'decimal', operator: 'between', formulae: [min, max] };
    }
    case 'date':
      return { ...common, type: 'date', operator: 'between', formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))] };
    default:
      return { ...common, type: 'custom', formulae: ['TRUE'], showErrorMessage: false };
  }
}

function input(cell: ExcelJS.Cell, field: Field, lists: ListRanges, prefill: BlankOptions): void {
  cell.protection = { locked: false };
  cell.border = THIN;
  cell.alignment = { wrapText: true, vertical: 'top' };
  if (field.type === 'date') cell.numFmt = 'dd.mm.yyyy';
  const v = validationFor(field, lists);
  if (v) cell.dataValidation = v;
  if (field.prefill === 'municipality' && prefill.municipality) cell.value = prefill.municipality;
  if (field.prefill === 'year' && prefill.year) cell.value = prefill.year;
}

function fixed(cell: ExcelJS.Cell, value: ExcelJS.CellValue, fill = GREY): void {
  cell.value = value;
  cell.fill = fill;
  cell.border = THIN;
  cell.alignment = { wrapText: true, vertical: 'top' };
}

function titleRows(ws: ExcelJS.Worksheet, def: FormDefinition, layout: Layout, width: number): void {
  ws.getCell(1, 1).value = layout.title ?? def.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = messageFor('BLANK_SUBTITLE', { version: def.version, methodology: def.methodology });
  ws.getCell(2, 1).font = { italic: true, size: 9 };
  ws.getRow(1).height = 34;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).alignment = { wrapText: true, vertical: 'middle' };
}

function headerRow(ws: ExcelJS.Worksheet, headers: string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    fixed(cell, h, HEAD);
    cell.font = { bold: true };
  });
}

function cardSheet(
  ws: ExcelJS.Worksheet,
  def: FormDefinition,
  layout: Extract<Layout, { kind: 'card' }>,
  lists: ListRanges,
  options: BlankOptions,
): void {
  const fields = def.fields.filter((f) => f.layout === layout.id && !f.calculate);
  const extra = [...new Set(fields.map((f) => fieldColumn(layout, f)).filter((c) => c !== layout.valueHeader))];
  const headers = [layout.keyHeader, layout.labelHeader, layout.valueHeader, ...extra];
  titleRows(ws, def, layout, headers.length);
  headerRow(ws, headers);
  ws.columns = headers.map((_, i) => ({ width: i === 0 ? 7 : i === 1 ? 60 : i === 2 ? 26 : 36 }));
  const sections = new Map(def.scoring?.sections.map((s) => [s.id, s.title]) ?? []);
  let row = HEADER_ROW + 1;
  let section: string | undefined;
  for (const key of [...new Set(fields.map((f) => f.key!))]) {
    const here = fields.filter((f) => f.key === key);
    const main = here.find((f) => fieldColumn(layout, f) === layout.valueHeader) ?? here[0]!;
    if (main.section && main.section !== section && sections.has(main.section)) {
      section = main.section;
      const cell = ws.getCell(row, 2);
      cell.value = sections.get(section);
      cell.font = { bold: true };
      row++;
    }
    fixed(ws.getCell(row, 1), key);
    fixed(ws.getCell(row, 2), main.label);
    headers.slice(2).forEach((h, i) => {
      const field = here.find((f) => fieldColumn(layout, f) === h);
      const cell = ws.getCell(row, i + 3);
      if (field) input(cell, field, lists, options);
      else fixed(cell, null);
    });
    row++;
  }
}

function gridSheet(
  ws: ExcelJS.Worksheet,
  def: FormDefinition,
  layout: Exclude<Layout, { kind: 'card' }>,
  lists: ListRanges,
  options: BlankOptions,
): void {
  const keyHeader = layout.kind === 'matrix' ? layout.keyHeader : undefined;
  const fields = def.fields.filter((f) => f.layout === layout.id && !f.calculate && fieldColumn(layout, f) !== keyHeader);
  const lead = layout.kind === 'matrix' ? [layout.keyHeader, layout.labelHeader, ...(layout.noteHeader ? [layout.noteHeader] : [])] : [];
  const headers = [...lead, ...fields.map((f) => fieldColumn(layout, f))];
  titleRows(ws, def, layout, headers.length);
  headerRow(ws, headers);
  ws.columns = headers.map((_, i) => ({ width: i === 0 && lead.length ? 6 : i === 1 && lead.length ? 48 : 24 }));
  const options_ = layout.kind === 'matrix' ? (def.lists.find((l) => l.id === layout.rows)?.options ?? []) : [];
  const count = layout.kind === 'matrix' ? options_.length : layout.blankRows;
  for (let i = 0; i < count; i++) {
    const row = HEADER_ROW + 1 + i;
    const option = options_[i];
    if (option) {
      fixed(ws.getCell(row, 1), option.value);
      fixed(ws.getCell(row, 2), option.label ?? option.value);
      if (lead.length > 2) fixed(ws.getCell(row, 3), option.note ?? null);
    }
    fields.forEach((f, j) => input(ws.getCell(row, lead.length + j + 1), f, lists, options));
  }
}

/**
 * A blank workbook for a definition: labels locked and inputs unlocked under a sheet protection
 * without password, Excel data validation (dropdowns, number and date ranges, input messages),
 * print setup, and the hidden marker sheet (form id + version).
 */
export async function buildBlankForm(def: FormDefinition, options: BlankOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb);
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const layout of def.layouts) {
    if (!sheets.has(layout.sheet)) sheets.set(layout.sheet, wb.addWorksheet(layout.sheet));
  }
  const hiddenName = (name: string): string => options.hiddenSheetNames?.[name] ?? name;
  const listsName = hiddenName(LISTS_SHEET);
  const listSheet = wb.addWorksheet(listsName, { state: 'hidden' });
  const lists: ListRanges = new Map();
  def.lists.forEach((list, i) => {
    const col = i + 1;
    listSheet.getCell(1, col).value = list.id;
    list.options.forEach((o, j) => {
      listSheet.getCell(j + 2, col).value = o.label ?? o.value;
    });
    const letter = listSheet.getColumn(col).letter;
    lists.set(list.id, `'${listsName.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${list.options.length + 1}`);
  });
  const refs = Object.entries(options.references ?? {}).filter(([, names]) => names && names.length > 0) as Array<[RefKind, readonly string[]]>;
  refs.forEach(([kind, names], i) => {
    const col = def.lists.length + i + 1;
    listSheet.getCell(1, col).value = `ref:${kind}`;
    names.forEach((n, j) => {
      listSheet.getCell(j + 2, col).value = n;
    });
    const letter = listSheet.getColumn(col).letter;
    lists.set(`ref:${kind}`, `'${listsName.replace(/'/g, "''")}'!$${letter}$2:$${letter}$${names.length + 1}`);
  });
  for (const layout of def.layouts) {
    const ws = sheets.get(layout.sheet)!;
    if (layout.kind === 'card') cardSheet(ws, def, layout, lists, options);
    else gridSheet(ws, def, layout, lists, options);
    ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
    ws.pageSetup = {
      paperSize: 9,
      orientation: layout.kind === 'card' ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.8, right: 0.4, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    };
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const marker = wb.addWorksheet(hiddenName(MARKER_SHEET), { state: 'hidden' });
  marker.getCell('A1').value = MARKER_TAG;
  marker.getCell('B1').value = def.id;
  marker.getCell('C1').value = def.version;
  return workbookBytes(wb);
}
