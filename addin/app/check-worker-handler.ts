import type { Catalogue } from '../../core/forms/catalogue';
import type { FormDefinition } from '../../core/forms/definition';
import { buildReferenceData, type ReferenceData } from '../../core/forms/reference-data';
import { checkSnapshot } from '../../core/usecases/check-workbook';
import type { CheckReply, CheckRequest } from './check-protocol';
import { loadFormCatalogue, type ReadCatalogueFile } from './definitions';

/** The reader chunk (core's checkWorkbookBytes), loaded once: at the worker's start (warmUp) or on the first workbook. */
const loadReader = () => import(/* webpackChunkName: "reader" */ '../../core/usecases/check-workbook-bytes');

/**
 * The worker's start: the form catalogue compiled here (the page takes it over, so its main
 * thread compiles nothing) while the reader chunk loads, so that the first card pays for neither.
 * Undefined when the catalogue could not be compiled; never throws (an uncaught error would be
 * taken for a dead worker).
 */
export async function warmUp(read?: ReadCatalogueFile, listed?: Promise<void>): Promise<Catalogue | undefined> {
  const catalogue = loadFormCatalogue(read).catch(() => undefined);
  // The reader chunk comes by importScripts, which holds this thread until it has run: first the
  // catalogue's files are asked for (`listed`; index.json is usually in by now), so they come meanwhile.
  await listed;
  await loadReader().catch(() => undefined);
  return catalogue;
}

/**
 * The check worker's work: core's checkWorkbookBytes (what `kaskad validate` runs on a file) or
 * checkSnapshot, with the definitions and data workbook the page sent last. The reader is loaded
 * on the first workbook, as the chunk the page itself would load; no exceljs.
 */
export function createCheckHandler(): (request: CheckRequest) => Promise<CheckReply> {
  let definitions: readonly FormDefinition[] = [];
  let reference: ReferenceData | undefined;
  return async (request) => {
    try {
      if (request.definitions) definitions = request.definitions;
      if (request.reference !== undefined) reference = request.reference ? buildReferenceData(request.reference) : undefined;
      const options = { data: reference };
      if ('snapshot' in request.workbook) {
        return { id: request.id, ok: true, checked: { outcome: checkSnapshot(request.workbook.snapshot, request.file, definitions, options) } };
      }
      const used = definitions;
      const { checkWorkbookBytes } = await loadReader();
      return { id: request.id, ok: true, checked: await checkWorkbookBytes(request.workbook.bytes, request.file, used, options) };
    } catch (error) {
      return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
