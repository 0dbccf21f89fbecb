import { makeIssue, type Issue } from '../issues';
import { closestMatch, normaliseName, sameName } from '../text-similarity';
import { displayCellValue } from '../workbook/cell-values';
import type { Field, FormDefinition, Layout } from './definition';
import { cellAddress, cellAt, sheetExtent, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';

/** One row of a located layout: its sheet row and, for cards and matrices, its key. */
export interface LocatedRow {
  row: number;
  key?: string;
}

export interface LocatedLayout {
  layout: Layout;
  sheet: SheetSnapshot;
  headerRow: number;
  /** Column of each header the layout's fields use (found by text, so moved columns still read). */
  columns: Map<string, number>;
  rows: LocatedRow[];
}

const HEADER_SCAN_ROWS = 40;

/** Row keys are compared as typed: «1.2», «1.2.», « 1.2» and the number 1.2 are one key. */
export function normaliseKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').replace(',', '.').toLowerCase();
}

function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  return displayCellValue(cellAt(sheet, row, col));
}

/** A row's headers by their compared name (the first column wins), and as typed. */
interface HeaderRow {
  byName: Map<string, number>;
  raw: string[];
}

function rowHeaders(sheet: SheetSnapshot, row: number, cols: number): HeaderRow {
  const out: HeaderRow = { byName: new Map(), raw: [] };
  for (let c = 1; c <= cols; c++) {
    const t = textAt(sheet, row, c).trim();
    if (!t) continue;
    out.raw.push(t);
    const name = normaliseName(t);
    if (!out.byName.has(name)) out.byName.set(name, c);
  }
  return out;
}

function findColumn(headers: HeaderRow, wanted: string): number | undefined {
  return headers.byName.get(normaliseName(wanted));
}

export function fieldColumn(layout: Layout, field: Field): string {
  return field.column ?? (layout.kind === 'card' ? layout.valueHeader : field.label);
}

/** Headers a layout needs: its key and label columns and every field's column. */
function neededHeaders(def: FormDefinition, layout: Layout): string[] {
  const fromFields = def.fields.filter((f) => f.layout === layout.id && !f.calculate).map((f) => fieldColumn(layout, f));
  const own = layout.kind === 'table' ? [] : [layout.keyHeader];
  return [...new Set([...own, ...fromFields])];
}

/**
 * Finds each layout's sheet, header row, columns and rows. A missing sheet or column is reported
 * with the nearest name present («возможно, имелся в виду …»); what is found is still read.
 */
export function locateLayouts(
  def: FormDefinition,
  snapshot: WorkbookSnapshot,
  file?: string,
): { located: Map<string, LocatedLayout>; issues: Issue[] } {
  const issues: Issue[] = [];
  const located = new Map<string, LocatedLayout>();
  const sheetNames = snapshot.sheets.filter((s) => !s.hidden).map((s) => s.name);
  for (const layout of def.layouts) {
    const sheet = snapshot.sheets.find((s) => sameName(s.name, layout.sheet));
    if (!sheet) {
      issues.push(
        makeIssue(
          'SHEET_MISSING',
          { kind: 'sheet', file, sheet: layout.sheet },
          { sheet: layout.sheet, suggestion: closestMatch(layout.sheet, sheetNames) },
        ),
      );
      continue;
    }
    const where = { kind: 'sheet' as const, file, sheet: sheet.name };
    const extent = sheetExtent(sheet);
    const needed = neededHeaders(def, layout);
    const neededNames = new Set(needed.map(normaliseName));
    const keyName = layout.kind === 'table' ? undefined : normaliseName(layout.keyHeader);
    let headerRow = 0;
    let best = 0;
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, extent.rows); r++) {
      const headers = rowHeaders(sheet, r, extent.cols);
      let hits = 0;
      for (const name of neededNames) if (headers.byName.has(name)) hits++;
      const keyFound = keyName === undefined || headers.byName.has(keyName);
      if (keyFound && hits > best) {
        best = hits;
        headerRow = r;
      }
    }
    const headers = headerRow ? rowHeaders(sheet, headerRow, extent.cols) : { byName: new Map<string, number>(), raw: [] };
    const columns = new Map<string, number>();
    const unmatched = headers.raw.filter((h) => !neededNames.has(normaliseName(h)));
    for (const h of needed) {
      const c = findColumn(headers, h);
      if (c === undefined) issues.push(makeIssue('COLUMN_MISSING', where, { header: h, suggestion: closestMatch(h, unmatched) }));
      else columns.set(h, c);
    }
    const labelHeader = layout.kind === 'table' ? undefined : findColumn(headers, layout.labelHeader);
    if (labelHeader !== undefined && layout.kind !== 'table') columns.set(layout.labelHeader, labelHeader);
    located.set(layout.id, {
      layout,
      sheet,
      headerRow,
      columns,
      rows: headerRow ? findRows(def, layout, sheet, headerRow, columns, extent.rows) : [],
    });
  }
  return { located, issues };
}

function findRows(
  def: FormDefinition,
  layout: Layout,
  sheet: SheetSnapshot,
  headerRow: number,
  columns: Map<string, number>,
  lastRow: number,
): LocatedRow[] {
  if (layout.kind === 'table') {
    const cols = [...columns.values()];
    const rows: LocatedRow[] = [];
    for (let r = headerRow + 1; r <= lastRow; r++) {
      if (cols.every((c) => cellAt(sheet, r, c).kind === 'empty')) break;
      rows.push({ row: r });
    }
    return rows;
  }
  const keyCol = columns.get(layout.keyHeader);
  if (keyCol === undefined) return [];
  const rows: LocatedRow[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const t = textAt(sheet, r, keyCol);
    if (t.trim()) rows.push({ row: r, key: normaliseKey(t) });
  }
  if (layout.kind === 'card') return rows;
  const labelCol = columns.get(layout.labelHeader);
  const options = def.lists.find((l) => l.id === layout.rows)?.options ?? [];
  // Matrix rows follow the list's order; a row is found by its key or, failing that, its label.
  let labels: string[] | undefined;
  const byLabel = (wanted: string) => {
    if (labelCol === undefined) return undefined;
    labels ??= rows.map((x) => normaliseName(textAt(sheet, x.row, labelCol)));
    const at = labels.indexOf(normaliseName(wanted));
    return at < 0 ? undefined : rows[at];
  };
  return options.flatMap((o) => {
    const found = rows.find((x) => x.key === normaliseKey(o.value)) ?? byLabel(o.label ?? o.value);
    return found ? [{ row: found.row, key: o.value }] : [];
  });
}

export function addressOf(located: LocatedLayout, row: number, header: string): string | undefined {
  const col = located.columns.get(header);
  return col === undefined ? undefined : cellAddress(row, col);
}
