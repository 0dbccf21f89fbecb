import type { Svod } from '../forms/collect';
import type { FormDefinition } from '../forms/definition';
import { makeIssue, type Issue } from '../issues';
import type { Dataset, KaskadDocument } from '../model/schemas';
import { indexDataset } from './contexts/dataset-index';
import { monitoringReportContext } from './contexts/monitoring-report';
import type { RenderJob } from './template-catalog';
import { findTemplate } from './template-list';

/**
 * Plans the monitoring справка from a svod. Its requisites (organisation, date, number,
 * signatory, executor, opening paragraphs) come from the «Документы» row whose «Шаблон» is
 * `monitoring-report` (the form's year first, then the latest); without one, the first
 * organisation's, with a warning. The CLI writes the result to a file, the pane downloads it.
 */
export function planMonitoringReport(dataset: Dataset, definition: FormDefinition, svod: Svod): { job?: RenderJob; issues: Issue[] } {
  const info = findTemplate('monitoring-report')!;
  const issues: Issue[] = [];
  const rows = dataset.documents.filter((d) => d.template === info.id).sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
  let doc: KaskadDocument | undefined = rows.find((d) => d.year === definition.version) ?? rows[0];
  if (!doc) {
    const org = dataset.organisations[0];
    if (!org) return { issues: [makeIssue('REPORT_NO_DOCUMENT', { kind: 'template', template: info.id }, { template: info.id })] };
    issues.push(makeIssue('REPORT_NO_DOCUMENT', { kind: 'template', template: info.id }, { template: info.id }, 'warning'));
    doc = { id: info.id, organisationId: org.id, kind: 'справка', template: info.id, subject: definition.title };
  }
  const data = monitoringReportContext(indexDataset(dataset), doc, definition, svod);
  return {
    job: {
      record: doc.id,
      fileBase: `Справка по результатам мониторинга (${definition.id}, ${definition.version})`,
      data,
      organisationId: doc.organisationId,
    },
    issues,
  };
}
