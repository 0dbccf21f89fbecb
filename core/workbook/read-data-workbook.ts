import { makeIssue, type Issue, type IssueLocation } from '../issues';
import { checkDataset } from '../model/dataset-checks';
import { DatasetSchema, emptyDataset, type CollectionName, type Dataset } from '../model/schemas';
import { describeZodIssue } from '../model/zod-messages';
import { closestMatch, sameName } from '../text-similarity';
import { cellAt, sheetExtent, type SheetSnapshot, type WorkbookSnapshot } from '../forms/snapshot';
import { displayCellValue, isoFromExcelSerial, missingDay, parseRussianDate, parseRussianNumber, type CellValue } from './cell-values';
import { DATA_SHEETS, type AnySheetSpec, type ColumnSpec } from './data-sheets';
import { readWorkbookSnapshot } from './read-workbook-snapshot';
import { columnLetter } from '../sheet/address';

export interface LoadedDataset {
  dataset: Dataset;
  /** Every problem found, in one pass; records with errors are left out of `dataset`. */
  issues: Issue[];
  /** The cell each field of a kept record came from, by the record object (for findings on the data later). */
  cells?: WeakMap<object, Readonly<Record<string, string>>>;
}

type Converted = { ok: true; value: unknown } | { ok: false; issue: Issue };

function convert(column: ColumnSpec, cell: CellValue, where: IssueLocation): Converted {
  const header = column.header;
  const shown = displayCellValue(cell);
  if (cell.kind === 'error') return { ok: false, issue: makeIssue('CELL_FORMULA_ERROR', where, { header, value: cell.code }) };
  switch (column.type) {
    case 'id':
      return { ok: true, value: cell.kind === 'number' ? String(cell.value) : shown.trim() };
    case 'text':
      if (cell.kind === 'text') return { ok: true, value: cell.text.trim() };
      return { ok: true, value: shown };
    case 'date': {
      const iso =
        cell.kind === 'date'
          ? cell.iso
          : cell.kind === 'number'
            ? isoFromExcelSerial(cell.value)
            : cell.kind === 'text'
              ? parseRussianDate(cell.text)
              : undefined;
      if (iso) return { ok: true, value: iso };
      const why = cell.kind === 'text' ? missingDay(cell.text) : undefined;
      return {
        ok: false,
        issue: why
          ? makeIssue('CELL_DATE_MISSING_DAY', where, { header, value: shown, why })
          : makeIssue('CELL_DATE', where, { header, value: shown }),
      };
    }
    case 'integer': {
      const n = cell.kind === 'number' ? cell.value : cell.kind === 'text' ? parseRussianNumber(cell.text) : undefined;
      return n !== undefined && Number.isInteger(n)
        ? { ok: true, value: n }
        : { ok: false, issue: makeIssue('CELL_NUMBER', where, { header, value: shown }) };
    }
    case 'choice': {
      const match = column.choices?.find((c) => sameName(c, shown));
      return match
        ? { ok: true, value: match }
        : {
            ok: false,
            issue: makeIssue('CELL_CHOICE', where, { header, value: shown, allowed: (column.choices ?? []).map((c) => `«${c}»`).join(', ') }),
          };
    }
  }
}

interface SheetRead {
  rows: Record<string, unknown>[];
  /** Codes of rows left out for their errors. */
  reportedIds: Set<string>;
  /** Cell address of each kept row's field: rows[i][key] came from addresses[i][key]. */
  addresses: Record<string, string>[];
  issues: Issue[];
}

function readSheet(spec: AnySheetSpec, ws: SheetSnapshot, file: string): SheetRead {
  const out: SheetRead = { rows: [], reportedIds: new Set(), addresses: [], issues: [] };
  const sheetLoc = { kind: 'sheet' as const, file, sheet: ws.name };
  const extent = sheetExtent(ws);
  const headers = new Map<number, string>();
  for (let col = 1; col <= extent.cols; col++) {
    const v = cellAt(ws, 1, col);
    if (v.kind === 'text') headers.set(col, v.text);
  }
  if (headers.size === 0) {
    out.issues.push(makeIssue('SHEET_EMPTY', sheetLoc, { sheet: ws.name }));
    return out;
  }
  const columnOf = new Map<string, number>();
  const unmatched = [...headers.values()].filter((h) => !spec.columns.some((c) => sameName(c.header, h)));
  for (const column of spec.columns) {
    const found = [...headers.entries()].find(([, h]) => sameName(h, column.header));
    if (found) columnOf.set(column.key, found[0]);
    else if (column.required) {
      out.issues.push(makeIssue('COLUMN_MISSING', sheetLoc, { header: column.header, suggestion: closestMatch(column.header, unmatched) }));
    }
  }
  if (spec.columns.some((c) => c.required && !columnOf.has(c.key))) return out;

  const sanitySchema = DatasetSchema.shape[spec.collection].element;
  for (let r = 2; r <= extent.rows; r++) {
    const record: Record<string, unknown> = {};
    const addresses: Record<string, string> = {};
    const rowIssues: Issue[] = [];
    let filled = false;
    for (const column of spec.columns) {
      const col = columnOf.get(column.key);
      if (col === undefined) continue;
      const address = `${columnLetter(col)}${r}`;
      addresses[column.key] = address;
      const where: IssueLocation = { kind: 'cell', file, sheet: ws.name, address };
      const cell = cellAt(ws, r, col);
      if (cell.kind === 'empty') {
        if (column.required) rowIssues.push(makeIssue('CELL_REQUIRED', where, { header: column.header }));
        continue;
      }
      filled = true;
      const converted = convert(column, cell, where);
      if (converted.ok) {
        if (converted.value !== '') record[column.key] = converted.value;
        else if (column.required) rowIssues.push(makeIssue('CELL_REQUIRED', where, { header: column.header }));
      } else rowIssues.push(converted.issue);
    }
    if (!filled) continue;
    if (rowIssues.length === 0) {
      const checked = sanitySchema.safeParse(record);
      if (!checked.success) {
        for (const zi of checked.error.issues) {
          const key = String(zi.path[0] ?? '');
          const column = spec.columns.find((c) => c.key === key);
          const where: IssueLocation = { kind: 'cell', file, sheet: ws.name, address: addresses[key] ?? `A${r}` };
          rowIssues.push(
            makeIssue('CELL_INVALID', where, { header: column?.header ?? key, value: String(record[key] ?? ''), detail: describeZodIssue(zi) }),
          );
        }
      }
    }
    if (rowIssues.length > 0) {
      out.issues.push(...rowIssues);
      const code = spec.idKey ? record[spec.idKey] : undefined;
      if (code !== undefined) out.reportedIds.add(String(code));
      continue;
    }
    out.rows.push(record);
    out.addresses.push(addresses);
  }
  return out;
}

/**
 * Reads the data workbook into the data model. All sheets, all rows, all problems in one pass;
 * a row with a problem is reported with its sheet and cell and left out, the rest come through.
 */
export async function readDataWorkbook(bytes: Uint8Array, file: string): Promise<LoadedDataset> {
  const read = readWorkbookSnapshot(bytes, file);
  if (!read.ok) return { dataset: emptyDataset(), issues: read.issues };
  return readDataSnapshot(read.snapshot, file);
}

/**
 * The same from a snapshot: the task pane reads the open data workbook through the Excel gateway
 * and gets the same records and the same findings as the CLI.
 */
export function readDataSnapshot(workbook: WorkbookSnapshot, file: string): LoadedDataset {
  const dataset = emptyDataset() as Record<CollectionName, Record<string, unknown>[]>;
  const addresses = {} as Record<CollectionName, Record<string, string>[]>;
  const issues: Issue[] = [];
  const reported = new Map<CollectionName, Set<string>>();
  const cells = new WeakMap<object, Readonly<Record<string, string>>>();
  const sheetNames = workbook.sheets.map((w) => w.name);
  for (const spec of DATA_SHEETS) {
    const ws = workbook.sheets.find((w) => sameName(w.name, spec.sheet));
    addresses[spec.collection] = [];
    if (!ws) {
      const others = sheetNames.filter((n) => !DATA_SHEETS.some((s) => sameName(s.sheet, n)));
      issues.push(
        makeIssue(
          'SHEET_MISSING',
          { kind: 'file', file },
          { sheet: spec.sheet, suggestion: closestMatch(spec.sheet, others) },
          spec.required ? 'error' : 'warning',
        ),
      );
      continue;
    }
    const read = readSheet(spec, ws, file);
    issues.push(...read.issues);
    dataset[spec.collection] = read.rows;
    reported.set(spec.collection, read.reportedIds);
    addresses[spec.collection] = read.addresses;
    read.rows.forEach((row, i) => {
      const at = read.addresses[i];
      if (at) cells.set(row, at);
    });
  }
  const checked = checkDataset(
    dataset as unknown as Dataset,
    (collection, index, key) => ({
      kind: 'cell',
      file,
      sheet: DATA_SHEETS.find((s) => s.collection === collection)!.sheet,
      address: addresses[collection][index]?.[key] ?? '',
    }),
    reported,
  );
  return { dataset: checked.dataset, issues: [...issues, ...checked.issues], cells };
}
