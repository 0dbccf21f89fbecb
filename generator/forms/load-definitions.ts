import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { compileCatalogue, isCatalogueFileName, type CatalogueFile } from '../../core/forms/catalogue';
import type { FormDefinition } from '../../core/forms/definition';
import { findTemplatesDir, listFolder, readInput } from './io-files';

export { pickDefinition } from '../../core/forms/catalogue';

export interface LoadedDefinitions {
  definitions: FormDefinition[];
  /** Files of the folder that were skipped (a broken definition names its sheet and cell). */
  issues: Issue[];
  /** No definition could be loaded at all: the command cannot run (exit 2). */
  unusable: boolean;
}

/**
 * The definitions in a folder (templates/forms when none is given), compiled as the task pane
 * compiles dist/forms: each «*.xlsx» definition spreadsheet, and each «*.json» whose form and
 * version no spreadsheet already gave. There is no built-in fallback: the files are the source.
 */
export async function loadDefinitions(dir?: string): Promise<LoadedDefinitions> {
  const folder = dir ?? (await findTemplatesDir().then((t) => (t ? path.join(t, 'forms') : undefined)));
  const shown = dir ?? 'templates/forms';
  const names = folder ? (await listFolder(folder)).filter((f) => isCatalogueFileName(path.basename(f))) : [];
  const issues: Issue[] = [];
  const files: CatalogueFile[] = [];
  for (const file of names) {
    const read = await readInput(file);
    if (read.ok) files.push({ name: read.name, bytes: read.bytes });
    else issues.push(...read.issues);
  }
  const catalogue = await compileCatalogue(files);
  issues.push(...catalogue.issues);
  if (catalogue.definitions.length === 0) {
    issues.push(makeIssue('FORMS_CATALOGUE_EMPTY', { kind: 'file', file: shown }, { path: shown }));
    return { definitions: [], issues, unusable: true };
  }
  return { definitions: catalogue.definitions, issues, unusable: false };
}
