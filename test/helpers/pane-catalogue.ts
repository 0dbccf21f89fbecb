/**
 * The pane's form catalogue in Jest: what the page fetches from dist/forms, read here from
 * templates/forms (the folder the build copies), with the index the build writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadFormCatalogue, type ReadCatalogueFile } from '../../addin/app/definitions';

export const FORMS_DIR = path.join(__dirname, '..', '..', 'templates', 'forms');

/** A reader of a folder as the page reads forms/: index.json lists the .xlsx and .json files. */
export function folderReader(dir: string): ReadCatalogueFile {
  return async (name) => {
    if (name === 'index.json') {
      const files = readdirSync(dir)
        .filter((f) => /\.(xlsx|json)$/i.test(f) && f !== 'index.json')
        .sort();
      return new TextEncoder().encode(JSON.stringify({ files }));
    }
    try {
      return new Uint8Array(readFileSync(path.join(dir, name)));
    } catch {
      return undefined;
    }
  };
}

/** Loads templates/forms into the pane's catalogue (once per test file). */
export async function primePaneCatalogue(dir = FORMS_DIR): Promise<void> {
  await loadFormCatalogue(folderReader(dir));
}
