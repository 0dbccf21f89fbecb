import type { Issue } from '../issues';
import { readWorkbookSnapshot } from '../workbook/read-workbook-snapshot';
import { compileDefinitionWorkbook } from './compile-definition';
import type { FormDefinition } from './definition';
import { parseDefinitionJson, type ParsedDefinition } from './parse-definition';

/** One file of a form catalogue (templates/forms, dist/forms, a file opened in the page). */
export interface CatalogueFile {
  name: string;
  bytes: Uint8Array;
}

export interface Catalogue {
  definitions: FormDefinition[];
  /** Problems of the files skipped: each names its file, sheet and cell. */
  issues: Issue[];
}

/** Which file names of a folder belong to the catalogue: definition workbooks and JSON, not Excel's «~$» lock files. */
export function isCatalogueFileName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.(xlsx|json)$/i.test(base) && !base.startsWith('~$') && base.toLowerCase() !== 'index.json';
}

/** A definition spreadsheet (.xlsx) or its JSON form, compiled and checked. */
export async function compileDefinitionFile(file: CatalogueFile): Promise<ParsedDefinition> {
  if (/\.json$/i.test(file.name)) return parseDefinitionJson(new TextDecoder().decode(file.bytes), file.name);
  const read = readWorkbookSnapshot(file.bytes, file.name);
  if (!read.ok) return { ok: false, issues: read.issues };
  return compileDefinitionWorkbook(read.snapshot, file.name);
}

const key = (d: FormDefinition): string => `${d.id}@${d.version}`;

/**
 * The definitions of a catalogue, the same for both doors: each «.xlsx» (what methodologists
 * edit), then each «.json» whose form and version no spreadsheet gave. A broken file is reported
 * and skipped; the other forms and versions still load.
 */
export async function compileCatalogue(files: readonly CatalogueFile[]): Promise<Catalogue> {
  const usable = files.filter((f) => isCatalogueFileName(f.name));
  const ordered = [...usable.filter((f) => /\.xlsx$/i.test(f.name)), ...usable.filter((f) => /\.json$/i.test(f.name))];
  const definitions: FormDefinition[] = [];
  const issues: Issue[] = [];
  for (const file of ordered) {
    const parsed = await compileDefinitionFile(file);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    if (!definitions.some((d) => key(d) === key(parsed.definition))) definitions.push(parsed.definition);
  }
  return { definitions, issues };
}

/**
 * Definitions opened beside the catalogue (a file chosen in the page, `--forms`): each replaces
 * the catalogue's definition of the same form and version; other versions stay.
 */
export function withOpened(catalogue: readonly FormDefinition[], opened: readonly FormDefinition[]): FormDefinition[] {
  const replaced = new Set(opened.map(key));
  return [...opened, ...catalogue.filter((d) => !replaced.has(key(d)))];
}

/** The definition of a form: the version asked for, else the newest. */
export function pickDefinition(definitions: readonly FormDefinition[], id: string, version?: number): FormDefinition | undefined {
  const wanted = id.trim().toUpperCase();
  const sameId = definitions.filter((d) => d.id.toUpperCase() === wanted);
  if (version !== undefined) return sameId.find((d) => d.version === version);
  return [...sameId].sort((a, b) => b.version - a.version)[0];
}
