import { annotateWorkbook, type AnnotateOptions } from '../forms/annotate';
import type { Issue } from '../issues';
import type { FormDefinition } from '../forms/definition';
import { readSnapshot, type WorkbookSnapshot } from '../forms/snapshot';
import { openWorkbook } from '../workbook/open-workbook';
import { checkSnapshot, type CheckOptions, type CheckOutcome } from './check-workbook';

/** A checked workbook with the snapshot it was read into (undefined when it could not be opened). */
export interface CheckedWorkbook {
  outcome: CheckOutcome;
  snapshot?: WorkbookSnapshot;
}

/**
 * checkSnapshot from the file's bytes (exceljs on the buffer; the pane loads this file as a lazy
 * chunk). A file that is not a readable .xlsx is `unreadable`.
 */
export async function checkWorkbookBytes(
  bytes: Uint8Array,
  file: string,
  definitions: readonly FormDefinition[],
  options: CheckOptions = {},
): Promise<CheckedWorkbook> {
  const opened = await openWorkbook(bytes, file);
  if (!opened.ok) return { outcome: { kind: 'unreadable', file, issues: opened.issues } };
  const snapshot = readSnapshot(opened.workbook);
  return { outcome: checkSnapshot(snapshot, file, definitions, options), snapshot };
}

/** A copy of the workbook with problem cells filled and noted, and a sheet listing every finding. */
export async function annotateWorkbookBytes(
  bytes: Uint8Array,
  file: string,
  issues: readonly Issue[],
  options: AnnotateOptions = {},
): Promise<Uint8Array | undefined> {
  const opened = await openWorkbook(bytes, file);
  return opened.ok ? annotateWorkbook(opened.workbook, issues, options) : undefined;
}
