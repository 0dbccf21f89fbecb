/**
 * The checking and document engine the pane loads after its first paint: core's validation,
 * scoring, form definitions (zod) and the workbook readers. The pane's own code imports it only
 * through loadEngine(), so the task pane becomes interactive before this is parsed.
 */
import './zod-jitless';
import { checkSnapshot } from '../../core/usecases/check-workbook';
import { checkWorkbookFile } from './browser-files';
import { takeEarlyCheckWorker } from './check-worker-early';
import { createChecker } from './checker';

export { checkSnapshot, type CheckOutcome } from '../../core/usecases/check-workbook';
export { formDefinitions, loadFormCatalogue, catalogueIssues, adoptOpenedDefinition } from './definitions';
export { summaryRows } from './summary-rows';
export { readWorkbookFile, checkWorkbookFile, annotateFile, annotatedZip, annotatedFileName, buildBlankWorkbook } from './browser-files';
export { cardMunicipality } from '../../core/forms/annotate';
export { collectSvod, svodWorkbookBytes, type CollectedSvod } from './svod';
export { buildReferenceData } from '../../core/forms/reference-data';

/**
 * Browser mode checks the cards it opens in a Web Worker (check.worker.ts), through the same core
 * use-case; where Worker is missing or fails to start, on the main thread. The worker the pane
 * started at mount (check-worker-early.ts) is taken over; without one, it is started on the first check.
 */
export const checker = createChecker(
  typeof Worker === 'function'
    ? async () => takeEarlyCheckWorker() ?? (await import(/* webpackMode: "eager" */ './check-worker-start')).startCheckWorker()
    : undefined,
  {
    bytes: (file, bytes, definitions, data) => checkWorkbookFile(file, bytes, definitions, { data }),
    snapshot: (file, snapshot, definitions, data) => checkSnapshot(snapshot, file, definitions, { data }),
  },
);
