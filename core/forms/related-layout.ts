/**
 * Data rows laid out as a monitoring form's sheet, so the form's own checks run on them, and the
 * findings led back to the data: the cell of the data workbook the value came from, or (data
 * without cells: JSON, the pane) the record by name. The form's card sheet is Kaskad's own (filled
 * from the document's year, organisation…): its findings are not the data's and are left out.
 */
import type { Issue, IssueLocation } from '../issues';
import type { CellValue } from '../workbook/cell-values';
import type { FormDefinition } from './definition';
import { fieldColumn } from './locate';
import { cellAddress, parseAddress, type SheetSnapshot } from './snapshot';
import { normaliseName } from '../text-similarity';

/** The cell each field of a data record came from (readDataWorkbook keeps them); absent for JSON data. */
export type RecordCells = WeakMap<object, Readonly<Record<string, string>>>;

export interface RelatedOptions {
  /** The data file's name, for the locations. */
  file?: string;
  cells?: RecordCells;
}

export const text = (s: string | undefined): CellValue | undefined => (s === undefined || s === '' ? undefined : { kind: 'text', text: s });
export const number = (n: number | undefined): CellValue | undefined => (n === undefined ? undefined : { kind: 'number', value: n });

/** One row of a form's table or matrix made from a data record (a matrix row nobody chose has none). */
export interface LaidRow {
  record?: object;
  /** The record named where its cells are unknown: «rm2024, № 3». */
  label: string;
  /** A matrix row's key (the list option's value) and label. */
  key?: string;
  keyLabel?: string;
  /** By the form's field id. */
  values: Readonly<Record<string, CellValue | undefined>>;
}

/** A form's table or matrix filled from the data: header on row 1, the rows below it in order. */
export interface LaidSheet {
  snapshot: SheetSnapshot;
  /** Data field of each column (1-based), to lead a finding back to the data's cell. */
  fieldOfColumn: Map<number, string>;
  rows: readonly LaidRow[];
  dataSheet: string;
}

/**
 * Lays `rows` out as the layout's sheet. `dataFields` names the data field each form field (and,
 * as `#key`, a matrix's key column) is read from; form fields with no data field stay empty.
 */
export function layRows(
  def: FormDefinition,
  layoutId: string,
  rows: readonly LaidRow[],
  dataFields: Readonly<Record<string, string>>,
  dataSheet: string,
): LaidSheet {
  const layout = def.layouts.find((l) => l.id === layoutId)!;
  const sheet: SheetSnapshot = { name: layout.sheet, hidden: false, merges: [], cells: {} };
  const fieldOfColumn = new Map<number, string>();
  const columnOf = new Map<string, number>();
  const column = (header: string, dataField: string | undefined): number => {
    const name = normaliseName(header);
    let col = columnOf.get(name);
    if (col === undefined) {
      col = columnOf.size + 1;
      columnOf.set(name, col);
      sheet.cells[cellAddress(1, col)] = { kind: 'text', text: header };
    }
    if (dataField && !fieldOfColumn.has(col)) fieldOfColumn.set(col, dataField);
    return col;
  };
  const keyCol = layout.kind === 'table' ? undefined : column(layout.keyHeader, dataFields['#key']);
  const labelCol = layout.kind === 'table' ? undefined : column(layout.labelHeader, undefined);
  const fields = def.fields
    .filter((f) => f.layout === layoutId && !f.calculate)
    .map((f) => ({ f, col: column(fieldColumn(layout, f), dataFields[f.id]) }));
  rows.forEach((r, i) => {
    const row = i + 2;
    if (keyCol !== undefined && r.key !== undefined) sheet.cells[cellAddress(row, keyCol)] = { kind: 'text', text: r.key };
    if (labelCol !== undefined && r.keyLabel !== undefined) sheet.cells[cellAddress(row, labelCol)] = { kind: 'text', text: r.keyLabel };
    for (const { f, col } of fields) {
      const v = r.values[f.id];
      if (v) sheet.cells[cellAddress(row, col)] = v;
    }
  });
  return { snapshot: sheet, fieldOfColumn, rows, dataSheet };
}

/** A form's card sheet filled with Kaskad's own values (by field id): the year, the organisation… */
export function layCard(def: FormDefinition, layoutId: string, values: Readonly<Record<string, CellValue | undefined>>): SheetSnapshot {
  const layout = def.layouts.find((l) => l.id === layoutId)!;
  const sheet: SheetSnapshot = { name: layout.sheet, hidden: false, merges: [], cells: {} };
  if (layout.kind !== 'card') return sheet;
  sheet.cells['A1'] = { kind: 'text', text: layout.keyHeader };
  sheet.cells['B1'] = { kind: 'text', text: layout.labelHeader };
  sheet.cells['C1'] = { kind: 'text', text: layout.valueHeader };
  def.fields
    .filter((f) => f.layout === layoutId && !f.calculate)
    .forEach((f, i) => {
      sheet.cells[`A${i + 2}`] = { kind: 'text', text: f.key ?? String(i + 1) };
      sheet.cells[`B${i + 2}`] = { kind: 'text', text: f.label };
      const v = values[f.id];
      if (v) sheet.cells[`C${i + 2}`] = v;
    });
  return sheet;
}

/**
 * The form's findings on the laid sheet, each at the data's cell of its record and field (or the
 * record's first cell; or the record by name when the data has no cells). Findings on other sheets
 * (the card Kaskad filled) and on form columns the data does not supply are left out.
 */
export function leadBack(issues: readonly Issue[], laid: LaidSheet, options: RelatedOptions): Issue[] {
  const file = options.file ? { file: options.file } : {};
  const out: Issue[] = [];
  for (const issue of issues) {
    const l = issue.location;
    if ((l.kind === 'cell' || l.kind === 'sheet') && l.sheet !== laid.snapshot.name) continue;
    if (l.kind === 'sheet') {
      out.push({ ...issue, location: { kind: 'sheet', ...file, sheet: laid.dataSheet } });
      continue;
    }
    if (l.kind !== 'cell') {
      out.push(issue);
      continue;
    }
    const p = parseAddress(l.address);
    const row = p ? laid.rows[p.row - 2] : undefined;
    if (!p || !row) {
      out.push({ ...issue, location: { kind: 'sheet', ...file, sheet: laid.dataSheet } });
      continue;
    }
    const field = laid.fieldOfColumn.get(p.col);
    // A form column the data does not supply stays empty on purpose: its findings are not the data's.
    if (field === undefined) continue;
    const cells = row.record ? options.cells?.get(row.record) : undefined;
    const address = cells ? (cells[field] ?? Object.values(cells)[0]) : undefined;
    const location: IssueLocation = address
      ? { kind: 'cell', ...file, sheet: laid.dataSheet, address }
      : { kind: 'record', ...file, sheet: laid.dataSheet, record: row.label };
    out.push({ ...issue, location });
  }
  return out;
}

/** The form's version for a year: the newest not later than it, else the newest there is. */
export function definitionFor(definitions: readonly FormDefinition[], id: string, year: number | undefined): FormDefinition | undefined {
  const versions = definitions.filter((d) => d.id === id).sort((a, b) => b.version - a.version);
  return versions.find((d) => year === undefined || d.version <= year) ?? versions[0];
}
