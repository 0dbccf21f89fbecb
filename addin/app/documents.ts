/**
 * The «documents» chunk of the pane: core's batch use-cases (docxtemplater and the zip writer),
 * loaded when «Документы» first renders or a справка is asked for.
 */
import './zod-jitless';
import type { Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import type { TemplateInfo } from '../../core/render/template-catalog';
import { planDocuments as planInCore, type DocumentPlan } from '../../core/usecases/plan-documents';
import { formDefinitions } from './definitions';

export { packDocuments, DOCX_MIME, ZIP_MIME, type DocumentPlan, type PackedFile, type PlannedDocument } from '../../core/usecases/plan-documents';
export { renderMonitoringReport } from '../../core/usecases/monitoring-report';

/** A template's documents from the data, as `kaskad generate` plans them; a related form's findings (the distribution an order approves) are shown before the download. */
export function planDocuments(
  dataset: Dataset,
  template: TemplateInfo,
  bytes: Uint8Array,
  generatedAt?: string,
  dataIssues: readonly Issue[] = [],
): DocumentPlan {
  return planInCore(dataset, template, bytes, { generatedAt, definitions: formDefinitions(), dataIssues });
}
