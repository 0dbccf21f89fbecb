import { safeFileName } from '../../core/format/file-names';
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

/** core's checkWorkbookBytes (what `kaskad validate` runs on a file), loaded on first use. */
export async function checkWorkbookFile(
  name: string,
  bytes: Uint8Array,
  definitions: readonly FormDefinition[],
  options: CheckOptions = {},
): Promise<CheckedWorkbook> {
  // «reader»: core's XML reader without exceljs, which only annotation (the «workbook» chunk) loads.
  const { checkWorkbookBytes } = await import(/* webpackChunkName: "reader" */ '../../core/usecases/check-workbook-bytes');
  return checkWorkbookBytes(bytes, name, definitions, options);
}

/** A copy of the file with problem cells filled and noted, and a sheet listing every finding. */
export async function annotateFile(
  name: string,
  bytes: Uint8Array,
  issues: readonly Issue[],
  municipality?: string,
): Promise<Uint8Array | undefined> {
  const { annotateWorkbookBytes } = await import(/* webpackChunkName: "workbook" */ '../../core/usecases/check-workbook-bytes');
  return annotateWorkbookBytes(bytes, name, issues, { municipality });
}

export interface AnnotatableFile {
  name: string;
  bytes: Uint8Array;
  issues: readonly Issue[];
  municipality?: string;
}

/** «F1-mo05 — замечания.xlsx»: the name of a file's annotated copy, unique among `taken`. */
export function annotatedFileName(name: string, taken: Set<string>): string {
  return safeFileName(`${name.replace(/\.xlsx$/i, '')} — замечания`, '.xlsx', taken);
}

/** Every file with findings annotated, in one .zip; `count` is how many workbooks it holds. */
export async function annotatedZip(files: readonly AnnotatableFile[]): Promise<{ bytes: Uint8Array; count: number }> {
  const { writeZip } = await import(/* webpackChunkName: "workbook" */ '../../core/zip/write-zip');
  const taken = new Set<string>();
  const entries: Array<{ name: string; data: Uint8Array; compress: boolean }> = [];
  for (const f of files) {
    if (!f.issues.length) continue;
    const bytes = await annotateFile(f.name, f.bytes, f.issues, f.municipality);
    if (bytes) entries.push({ name: annotatedFileName(f.name, taken), data: bytes, compress: false });
  }
  return { bytes: writeZip(entries), count: entries.length };
}

/** A blank workbook of a form, made in the page. */
export async function buildBlankWorkbook(
  formId: string,
  options: { version?: number; hiddenSheetNames?: Readonly<Record<string, string>> } = {},
): Promise<Uint8Array | undefined> {
  const [{ buildBlankForm }, { definitionById }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ '../../core/forms/blank-form'),
    import('./definitions'),
  ]);
  const def = definitionById(formId, options.version);
  return def ? buildBlankForm(def, options.hiddenSheetNames ? { hiddenSheetNames: options.hiddenSheetNames } : {}) : undefined;
}
