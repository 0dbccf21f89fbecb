import { makeIssue, type Issue, type IssueLocation } from '../issues';
import { DATA_SHEETS, type AnySheetSpec } from '../workbook/data-sheets';
import type { CollectionName, Dataset } from './schemas';

/** Where a field of a record came from: a cell of the workbook or a path in the JSON. */
export type FieldLocator = (collection: CollectionName, index: number, key: string) => IssueLocation;

type Row = Record<string, unknown>;

function keyOf(row: Row, keys: readonly string[]): string {
  return keys.map((k) => String(row[k] ?? '')).join('\u0001');
}

function dropDuplicates(spec: AnySheetSpec, rows: Row[], locate: FieldLocator, issues: Issue[]): Set<number> {
  const keys = spec.idKey ? [spec.idKey] : spec.uniqueKeys;
  const dropped = new Set<number>();
  if (!keys) return dropped;
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    const k = keyOf(row, keys);
    const seen = first.get(k);
    if (seen === undefined) {
      first.set(k, i);
      return;
    }
    const here = locate(spec.collection, i, keys[0]!);
    const there = locate(spec.collection, seen, keys[0]!);
    const firstAddress = there.kind === 'cell' ? there.address : `запись ${seen + 1}`;
    issues.push(makeIssue('ID_DUPLICATE', here, { value: keys.map((key) => String(row[key] ?? '')).join(' / '), firstAddress }));
    dropped.add(i);
  });
  return dropped;
}

/**
 * Cross-record checks after every row has been read: duplicate codes and references to codes
 * that no sheet has. A record that fails is left out (and reported); the others go on.
 * Collections are checked in sheet order, so a school dropped here is unknown to the lists after it.
 */
export function checkDataset(
  dataset: Dataset,
  locate: FieldLocator,
  /** Codes of rows already reported and left out: a reference to them is not reported again. */
  reported: ReadonlyMap<CollectionName, ReadonlySet<string>> = new Map(),
): { dataset: Dataset; issues: Issue[] } {
  const issues: Issue[] = [];
  const result = { ...dataset } as Record<CollectionName, Row[]>;
  // The ids of each referenced collection, as a set built once (dropped when that collection is filtered).
  const idSets = new Map<CollectionName, Set<unknown>>();
  const idsOf = (collection: CollectionName): Set<unknown> => {
    let ids = idSets.get(collection);
    if (!ids) {
      ids = new Set(result[collection].map((r) => r['id']));
      idSets.set(collection, ids);
    }
    return ids;
  };
  const sheetOf = new Map(DATA_SHEETS.map((s) => [s.collection, s.sheet]));
  for (const spec of DATA_SHEETS) {
    const rows = result[spec.collection];
    const dropped = dropDuplicates(spec, rows, locate, issues);
    rows.forEach((row, i) => {
      if (dropped.has(i)) return;
      for (const column of spec.columns) {
        const value = row[column.key];
        if (!column.ref || value === undefined) continue;
        if (idsOf(column.ref).has(value) || reported.get(column.ref)?.has(String(value))) continue;
        const refSheet = sheetOf.get(column.ref)!;
        issues.push(
          makeIssue('REF_UNKNOWN', locate(spec.collection, i, column.key), { header: column.header, value: String(value), sheet: refSheet }),
        );
        dropped.add(i);
      }
    });
    result[spec.collection] = rows.filter((_, i) => !dropped.has(i));
    idSets.delete(spec.collection);
  }
  return { dataset: result as unknown as Dataset, issues };
}
