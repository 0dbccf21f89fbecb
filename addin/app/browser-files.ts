import type { Issue } from '../../core/issues';
import { readSnapshot, type WorkbookSnapshot } from '../../core/forms/snapshot';

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

/** A copy of the file with problem cells filled and noted, and a sheet listing every finding. */
export async function annotateFile(name: string, bytes: Uint8Array, issues: readonly Issue[]): Promise<Uint8Array | undefined> {
  const [{ openWorkbook }, { annotateWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ '../../core/workbook/open-workbook'),
    import(/* webpackChunkName: "workbook" */ '../../core/forms/annotate'),
  ]);
  const opened = await openWorkbook(bytes, name);
  return opened.ok ? annotateWorkbook(opened.workbook, issues) : undefined;
}

/** A blank workbook of a form, made in the page. */
export async function buildBlankWorkbook(formId: string, version?: number): Promise<Uint8Array | undefined> {
  const [{ buildBlankForm }, { definitionById }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ '../../core/forms/blank-form'),
    import('./definitions'),
  ]);
  const def = definitionById(formId, version);
  return def ? buildBlankForm(def) : undefined;
}
