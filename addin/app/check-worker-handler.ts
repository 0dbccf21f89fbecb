import type { FormDefinition } from '../../core/forms/definition';
import { buildReferenceData, type ReferenceData } from '../../core/forms/reference-data';
import { checkSnapshot } from '../../core/usecases/check-workbook';
import type { CheckReply, CheckRequest } from './check-protocol';

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
      const { checkWorkbookBytes } = await import(/* webpackChunkName: "reader" */ '../../core/usecases/check-workbook-bytes');
      return { id: request.id, ok: true, checked: await checkWorkbookBytes(request.workbook.bytes, request.file, used, options) };
    } catch (error) {
      return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
