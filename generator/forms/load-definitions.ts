import * as path from 'node:path';
import type { Issue } from '../../core/issues';
import { defaultDefinitions } from '../../core/forms/defaults';
import type { FormDefinition } from '../../core/forms/definition';
import { parseDefinitionJson } from '../../core/forms/parse-definition';
import { newestDefinition } from '../../core/usecases/collect-svod';
import { findTemplatesDir, listFolder, readInput } from './io-files';

export interface LoadedDefinitions {
  definitions: FormDefinition[];
  issues: Issue[];
}

/**
 * The definitions in a folder: each «*.xlsx» definition spreadsheet, and each «*.json» whose
 * form id and version no spreadsheet already gave (the spreadsheet is what methodologists edit).
 * Without a folder, templates/forms; without that, the defaults built into core.
 */
export async function loadDefinitions(dir?: string): Promise<LoadedDefinitions> {
  const folder = dir ?? (await findTemplatesDir().then((t) => (t ? path.join(t, 'forms') : undefined)));
  const files = folder ? (await listFolder(folder)).filter((f) => /\.(xlsx|json)$/i.test(f) && !path.basename(f).startsWith('~$')) : [];
  if (files.length === 0) return { definitions: defaultDefinitions(), issues: [] };
  const definitions: FormDefinition[] = [];
  const issues: Issue[] = [];
  const key = (d: FormDefinition): string => `${d.id}@${d.version}`;
  for (const file of [...files.filter((f) => /\.xlsx$/i.test(f)), ...files.filter((f) => /\.json$/i.test(f))]) {
    const read = await readInput(file);
    if (!read.ok) { issues.push(...read.issues); continue; }
    let parsed;
    if (/\.json$/i.test(file)) {
      parsed = parseDefinitionJson(new TextDecoder().decode(read.bytes), read.name);
    } else {
      // exceljs is loaded only when a definition spreadsheet is there to read.
      const [{ openWorkbook }, { readSnapshot }, { compileDefinitionWorkbook }] = await Promise.all([
        import('../../core/workbook/open-workbook'), import('../../core/forms/snapshot'), import('../../core/forms/compile-definition'),
      ]);
      const opened = await openWorkbook(read.bytes, read.name);
      if (!opened.ok) { issues.push(...opened.issues); continue; }
      parsed = compileDefinitionWorkbook(readSnapshot(opened.workbook), read.name);
    }
    if (!parsed.ok) { issues.push(...parsed.issues); continue; }
    if (!definitions.some((d) => key(d) === key(parsed.definition))) definitions.push(parsed.definition);
  }
  return { definitions, issues };
}

/** The definition asked for by `--form F1` (newest version), or undefined. */
export function pickDefinition(definitions: readonly FormDefinition[], id: string): FormDefinition | undefined {
  return newestDefinition(definitions, id);
}
