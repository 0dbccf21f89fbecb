/**
 * The «documents» chunk of the pane: core's batch use-cases (docxtemplater and the zip writer),
 * loaded when «Документы» first renders or a справка is asked for.
 */
import './zod-jitless';

export { packDocuments, planDocuments, DOCX_MIME, ZIP_MIME, type DocumentPlan, type PackedFile, type PlannedDocument } from '../../core/usecases/plan-documents';
export { renderMonitoringReport } from '../../core/usecases/monitoring-report';
