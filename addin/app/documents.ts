import './zod-jitless';
import { hasErrors, type Issue } from '../../core/issues';
import { safeFileName } from '../../core/format/file-names';
import type { Dataset } from '../../core/model/schemas';
import { indexDataset } from '../../core/render/contexts/dataset-index';
import { prepareTemplate, renderDocument } from '../../core/render/render-docx';
import { planMonitoringReport } from '../../core/render/monitoring-report';
import { planJobs, type TemplateInfo } from '../../core/render/template-catalog';
import type { CollectedSvod } from './svod';
import { writeZip } from '../../core/zip/write-zip';
import { relatedFindingsVerdict, relatedFormFindings } from '../../core/forms/related-checks';
import { formDefinitions } from './definitions';
import { undeclinedPeople } from '../../core/format/undeclined';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_MIME = 'application/zip';

/** One document the template would make, rendered already: the preview shows it, «Сделать» packs it. */
export interface PlannedDocument {
  record: string;
  fileName: string;
  bytes?: Uint8Array;
  /** Why it cannot be made: missing values, template errors. */
  issues: Issue[];
}

export interface DocumentPlan {
  template: TemplateInfo;
  documents: PlannedDocument[];
  /** Problems of the template or the selection as a whole. */
  issues: Issue[];
}

/**
 * Renders every document of a template from the data, in memory. Good records give a document;
 * a record with a missing value is listed with its tags and left out of the batch.
 */
export function planDocuments(dataset: Dataset, template: TemplateInfo, templateBytes: Uint8Array): DocumentPlan {
  const prepared = prepareTemplate(templateBytes, template.file);
  if (!prepared.ok) return { template, documents: [], issues: prepared.issues };
  const plan = planJobs(template, indexDataset(dataset));
  if (hasErrors(plan.issues) && plan.jobs.length === 0) return { template, documents: [], issues: plan.issues };
  const taken = new Set<string>();
  const documents = plan.jobs.map((job): PlannedDocument => {
    const fileName = safeFileName(job.fileBase, '.docx', taken);
    const rendered = renderDocument(prepared.template, job.data, job.record);
    return rendered.ok ? { record: job.record, fileName, bytes: rendered.bytes, issues: [] } : { record: job.record, fileName, issues: rendered.issues };
  });
  // Data a related form describes (the distribution an order approves) shows that form's findings before the download.
  const related = relatedFindingsVerdict(relatedFormFindings(template.id, dataset, formDefinitions()), 'pane', template.id);
  return { template, documents, issues: [...related.issues, ...undeclinedPeople(dataset.people), ...plan.issues] };
}

export interface PackedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

/** One document as it is; several in one zip named after the template. Undefined when nothing is ready. */
export function packDocuments(plan: DocumentPlan, records?: ReadonlySet<string>): PackedFile | undefined {
  const ready = plan.documents.filter((d) => d.bytes && (!records || records.has(d.record)));
  if (ready.length === 0) return undefined;
  if (ready.length === 1) {
    const only = ready[0]!;
    return { name: only.fileName, bytes: only.bytes!, mime: DOCX_MIME };
  }
  const zip = writeZip(ready.map((d) => ({ name: d.fileName, data: d.bytes!, compress: false })));
  return { name: safeFileName(`${plan.template.title} — документы`, '.zip', new Set()), bytes: zip, mime: ZIP_MIME };
}

/** The monitoring справка from a svod and the data workbook's requisites, in memory. */
export function renderMonitoringReport(dataset: Dataset, collected: CollectedSvod, templateBytes: Uint8Array): { file?: PackedFile; issues: Issue[] } {
  const plan = planMonitoringReport(dataset, collected.definition, collected.svod);
  if (!plan.job) return { issues: plan.issues };
  const prepared = prepareTemplate(templateBytes, 'monitoring-report');
  if (!prepared.ok) return { issues: [...plan.issues, ...prepared.issues] };
  const rendered = renderDocument(prepared.template, plan.job.data, plan.job.record);
  if (!rendered.ok) return { issues: [...plan.issues, ...rendered.issues] };
  return { file: { name: safeFileName(plan.job.fileBase, '.docx', new Set()), bytes: rendered.bytes, mime: DOCX_MIME }, issues: plan.issues };
}
