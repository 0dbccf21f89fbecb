import type { Issue } from '../../core/issues';
import type { FormDefinition } from '../../core/forms/definition';
import { readSnapshot, type WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOptions } from '../../core/usecases/check-workbook';
import type { CheckedWorkbook } from '../../core/usecases/check-workbook-bytes';

/**
 * Browser mode: a workbook chosen from disk is read in the page, never sent anywhere. exceljs is
 * loaded on first use, so the pane starts without it.
 */
export type ReadFile = { ok: true; snapshot: WorkbookSnapshot } | { ok: false; issues: Issue[] };

export async function readWorkbookFile(name: string, bytes: Uint8Array): Promise<ReadFile> {
  const { openWorkbook } = await import(/* webpackChunkName: "workbook" */ '../../core/workbook/open-workbook');
  const opened = await openWorkbook(bytes, name);
  return opened.ok ? { ok: true, snapshot: readSnapshot(opened.workbook) } : { ok: false, issues: opened.issues };
}

/** core's checkWorkbookBytes (what `kaskad validate` runs on a file), loaded with exceljs on first use. */
export async function checkWorkbookFile(name: string, bytes: Uint8Array, definitions: readonly FormDefinition[], options: CheckOptions = {}): Promise<CheckedWorkbook> {
  const { checkWorkbookBytes } = await import(/* webpackChunkName: "workbook" */ '../../core/usecases/check-workbook-bytes');
  return checkWorkbookBytes(bytes, name, definitions, options);
}

/** A copy of the file with problem cells filled and noted, and a sheet listing every finding. */
export async function annotateFile(name: string, bytes: Uint8Array, issues: readonly Issue[]): Promise<Uint8Array | undefined> {
  const { annotateWorkbookBytes } = await import(/* webpackChunkName: "workbook" */ '../../core/usecases/check-workbook-bytes');
  return annotateWorkbookBytes(bytes, name, issues);
}

/** A blank workbook of a form, made in the page. */
export async function buildBlankWorkbook(formId: string, options: { version?: number; hiddenSheetNames?: Readonly<Record<string, string>> } = {}): Promise<Uint8Array | undefined> {
  const [{ buildBlankForm }, { definitionById }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ '../../core/forms/blank-form'),
    import('./definitions'),
  ]);
  const def = definitionById(formId, options.version);
  return def ? buildBlankForm(def, options.hiddenSheetNames ? { hiddenSheetNames: options.hiddenSheetNames } : {}) : undefined;
}
