import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Svod } from '../core/forms/collect';
import type { FormDefinition } from '../core/forms/definition';
import { makeIssue, type Issue } from '../core/issues';
import type { Dataset, KaskadDocument } from '../core/model/schemas';
import { indexDataset } from '../core/render/contexts/dataset-index';
import { monitoringReportContext } from '../core/render/contexts/monitoring-report';
import { prepareTemplate, renderDocument } from '../core/render/render-docx';
import { findTemplate } from '../core/render/template-catalog';
import { writeFileAtomic } from './io/output';
import { readInput } from './io/read-input';
import { templatesDir } from './templates-dir';

export interface ReportRequest {
  svod: Svod;
  definition: FormDefinition;
  dataset: Dataset;
  out: string;
  force?: boolean;
}

/**
 * Writes the monitoring справка from a svod. Its requisites (organisation, date, number,
 * signatory, executor, opening paragraphs) come from the «Документы» row whose «Шаблон» is
 * `monitoring-report` (the latest year first); without one, the first organisation's, with a warning.
 */
export async function writeMonitoringReport(request: ReportRequest): Promise<{ written?: string; issues: Issue[] }> {
  const info = findTemplate('monitoring-report')!;
  const issues: Issue[] = [];
  const rows = request.dataset.documents.filter((d) => d.template === info.id).sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  let doc: KaskadDocument | undefined = rows.find((d) => d.year === request.definition.version) ?? rows[0];
  if (!doc) {
    const org = request.dataset.organisations[0];
    if (!org) return { issues: [makeIssue('REPORT_NO_DOCUMENT', { kind: 'template', template: info.id }, { template: info.id })] };
    issues.push(makeIssue('REPORT_NO_DOCUMENT', { kind: 'template', template: info.id }, { template: info.id }, 'warning'));
    doc = { id: info.id, organisationId: org.id, kind: 'справка', template: info.id, subject: request.definition.title };
  }
  const read = await readInput(path.join(templatesDir(), 'documents', info.file));
  if (!read.ok) return { issues: [...issues, ...read.issues] };
  const prepared = prepareTemplate(read.bytes, info.id);
  if (!prepared.ok) return { issues: [...issues, ...prepared.issues] };
  const data = monitoringReportContext(indexDataset(request.dataset), doc, request.definition, request.svod);
  const rendered = renderDocument(prepared.template, data, doc.id, { deflateRaw: (d) => deflateRawSync(d) });
  if (!rendered.ok) return { issues: [...issues, ...rendered.issues] };
  const failure = await writeFileAtomic(request.out, rendered.bytes, { force: request.force });
  return failure ? { issues: [...issues, failure] } : { written: request.out, issues };
}
