/**
 * The checking and document engine the pane loads after its first paint: core's validation,
 * scoring, form definitions (zod) and the workbook readers. The pane's own code imports it only
 * through loadEngine(), so the task pane becomes interactive before this is parsed.
 */
import './zod-jitless';

export { checkSnapshot, type CheckOutcome } from '../../core/usecases/check-workbook';
export { formDefinitions, loadFormCatalogue, catalogueIssues, adoptOpenedDefinition } from './definitions';
export { summaryRows } from './summary-rows';
export { readWorkbookFile, checkWorkbookFile, annotateFile, annotatedZip, annotatedFileName, buildBlankWorkbook } from './browser-files';
export { cardMunicipality } from '../../core/forms/annotate';
export { collectSvod, svodWorkbookBytes, type CollectedSvod } from './svod';
export { buildReferenceData } from '../../core/forms/reference-data';
