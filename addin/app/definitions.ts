import { makeIssue, type Issue } from '../../core/issues';
import { compileCatalogue, pickDefinition, withOpened, type Catalogue, type CatalogueFile } from '../../core/forms/catalogue';
import type { FormDefinition } from '../../core/forms/definition';
import { CATALOGUE_FOLDER, CATALOGUE_INDEX, fetchCatalogueFile, indexedNames, type ReadCatalogueFile } from './catalogue-fetch';

/**
 * The form definitions of the page: the catalogue in forms/ beside taskpane.html (the build
 * copies templates/forms there; on a server, updating a form is copying its file and listing it
 * in forms/index.json), and the definition files opened in the page beside cards, which replace
 * the catalogue's definition of the same form and version.
 */

export { CATALOGUE_FOLDER, CATALOGUE_INDEX, type ReadCatalogueFile } from './catalogue-fetch';

let catalogue: Catalogue | undefined;
let pending: Promise<Catalogue> | undefined;
let opened: FormDefinition[] = [];

async function readCatalogue(read: ReadCatalogueFile): Promise<Catalogue> {
  const where = `${CATALOGUE_FOLDER}/${CATALOGUE_INDEX}`;
  const unreachable = (): Catalogue => ({
    definitions: [],
    issues: [makeIssue('FORMS_CATALOGUE_EMPTY', { kind: 'file', file: where }, { path: `${CATALOGUE_FOLDER}/` })],
  });
  let index: Uint8Array | undefined;
  try {
    index = await read(CATALOGUE_INDEX);
  } catch {
    return unreachable();
  }
  const names = index ? indexedNames(index) : undefined;
  if (!names) return unreachable();
  const files: CatalogueFile[] = [];
  const issues: Issue[] = [];
  // All asked for at once (the check worker reads them at the pane's start), taken in the index's order.
  const fetched = await Promise.all(names.map((name) => read(name).catch(() => undefined)));
  for (const [at, name] of names.entries()) {
    const bytes = fetched[at];
    if (bytes) files.push({ name, bytes });
    else
      issues.push(
        makeIssue(
          'FILE_UNREADABLE',
          { kind: 'file', file: `${CATALOGUE_FOLDER}/${name}` },
          { detail: 'файл указан в forms/index.json, но страница его не получила' },
        ),
      );
  }
  const compiled = await compileCatalogue(files);
  return { definitions: compiled.definitions, issues: [...issues, ...compiled.issues] };
}

/**
 * Loads and compiles the catalogue once per page (the engine does this before it reports ready).
 * A broken file is reported and skipped; tests give their own reader. `compiled`: the catalogue
 * compiled elsewhere (the check worker, from the same forms/), taken as it is; when it fails, the
 * files are read and compiled here.
 */
export function loadFormCatalogue(read: ReadCatalogueFile = fetchCatalogueFile, compiled?: Promise<Catalogue>): Promise<Catalogue> {
  if (catalogue) return Promise.resolve(catalogue);
  pending ??= (compiled ? compiled.catch(() => readCatalogue(read)) : readCatalogue(read)).then((loaded) => {
    catalogue = loaded;
    pending = undefined;
    return loaded;
  });
  return pending;
}

/** Forgets the catalogue and the opened definitions (tests). */
export function resetFormDefinitions(): void {
  catalogue = undefined;
  pending = undefined;
  opened = [];
}

/** What went wrong loading the catalogue: each skipped file with its sheet and cell. */
export function catalogueIssues(): readonly Issue[] {
  return catalogue?.issues ?? [];
}

/** The definitions the page checks with: opened ones first, then the catalogue's. Empty until the catalogue has loaded. */
export function formDefinitions(): readonly FormDefinition[] {
  return withOpened(catalogue?.definitions ?? [], opened);
}

/** A form by id: the version asked for, else the newest. */
export function definitionById(id: string, version?: number): FormDefinition | undefined {
  return pickDefinition(formDefinitions(), id, version);
}

/** A definition opened in the page (a definition workbook among the cards): used from now on for its form and version. */
export function adoptOpenedDefinition(definition: FormDefinition): void {
  opened = withOpened(opened, [definition]);
}
