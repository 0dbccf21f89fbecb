import { annotateWorkbook, type AnnotateOptions } from '../forms/annotate';
import type { Issue } from '../issues';
import type { FormDefinition } from '../forms/definition';
import type { WorkbookSnapshot } from '../forms/snapshot';
import { readWorkbookSnapshot } from '../workbook/read-workbook-snapshot';
import { checkSnapshot, type CheckOptions, type CheckOutcome } from './check-workbook';

/** A checked workbook with the snapshot it was read into (undefined when it could not be opened). */
export interface CheckedWorkbook {
  outcome: CheckOutcome;
  snapshot?: WorkbookSnapshot;
}

/**
 * checkSnapshot from the file's bytes, read straight from the sheets' XML (read-workbook-snapshot.ts:
 * the values exceljs would give, without its model of styles, validations and drawings). A file
 * that is not a readable .xlsx is `unreadable`.
 */
export async function checkWorkbookBytes(
  bytes: Uint8Array,
  file: string,
  definitions: readonly FormDefinition[],
  options: CheckOptions = {},
): Promise<CheckedWorkbook> {
  const read = readWorkbookSnapshot(bytes, file);
  if (!read.ok) return { outcome: { kind: 'unreadable', file, issues: read.issues } };
  const { snapshot } = read;
  return { outcome: checkSnapshot(snapshot, file, definitions, options), snapshot };
}

/** A copy of the workbook with problem cells filled and noted, and a sheet listing every finding. */
export async function annotateWorkbookBytes(
  bytes: Uint8Array,
  file: string,
  issues: readonly Issue[],
  options: AnnotateOptions = {},
): Promise<Uint8Array | undefined> {
  // exceljs only here, to write the copy: checking never loads it.
  const { openWorkbook } = await import('../workbook/open-workbook');
  const opened = await openWorkbook(bytes, file);
  return opened.ok ? annotateWorkbook(opened.workbook, issues, options) : undefined;
}
