import { safeFileName } from '../format/file-names';
import type { Issue } from '../issues';
import type { Dataset } from '../model/schemas';
import { planMonitoringReport } from '../render/monitoring-report';
import { prepareTemplate, renderDocument, type RenderOptions } from '../render/render-docx';
import type { CollectedSvod } from './collect-svod';
import { DOCX_MIME, type PackedFile } from './plan-documents';

/**
 * The monitoring справка of a svod, in memory — the use-case behind `kaskad collect --report`
 * and the pane's «Скачать справку»: requisites from the data workbook's «Документы» row, the
 * svod's rows and findings; the CLI writes the file, the pane downloads it.
 */
export function renderMonitoringReport(
  dataset: Dataset,
  collected: CollectedSvod,
  templateBytes: Uint8Array,
  options: RenderOptions = {},
): { file?: PackedFile; issues: Issue[] } {
  const plan = planMonitoringReport(dataset, collected.definition, collected.svod);
  if (!plan.job) return { issues: plan.issues };
  const prepared = prepareTemplate(templateBytes, 'monitoring-report');
  if (!prepared.ok) return { issues: [...plan.issues, ...prepared.issues] };
  const rendered = renderDocument(prepared.template, plan.job.data, plan.job.record, options);
  if (!rendered.ok) return { issues: [...plan.issues, ...rendered.issues] };
  return { file: { name: safeFileName(plan.job.fileBase, '.docx', new Set()), bytes: rendered.bytes, mime: DOCX_MIME }, issues: plan.issues };
}
