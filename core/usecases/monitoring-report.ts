import { safeFileName } from '../format/file-names';
import { makeIssue, type Issue } from '../issues';
import type { Dataset } from '../model/schemas';
import { planMonitoringReport } from '../render/monitoring-report';
import { prepareTemplate, renderDocument, type RenderOptions } from '../render/render-docx';
import type { CollectedSvod, VersionSvod } from './collect-svod';
import { DOCX_MIME, type PackedFile } from './plan-documents';

/**
 * The monitoring справка of a svod, in memory — the use-case behind `kaskad collect --report`
 * and the pane's «Скачать справку»: requisites from the data workbook's «Документы» row, the
 * svod's rows and findings; the CLI writes the file, the pane downloads it. Of a svod of several
 * versions of the form, the справка is made of the newest version's cards, and a finding names the
 * cards left out (their scores follow another methodology and stay on their own svod sheets).
 */
export function renderMonitoringReport(
  dataset: Dataset,
  collected: Pick<CollectedSvod, 'definition' | 'svod'> & { versions?: readonly VersionSvod[] },
  templateBytes: Uint8Array,
  options: RenderOptions = {},
): { file?: PackedFile; issues: Issue[] } {
  const planned = planMonitoringReport(dataset, collected.definition, collected.svod);
  const plan = { ...planned, issues: [...leftOut(collected), ...planned.issues] };
  if (!plan.job) return { issues: plan.issues };
  const prepared = prepareTemplate(templateBytes, 'monitoring-report');
  if (!prepared.ok) return { issues: [...plan.issues, ...prepared.issues] };
  const rendered = renderDocument(prepared.template, plan.job.data, plan.job.record, options);
  if (!rendered.ok) return { issues: [...plan.issues, ...rendered.issues] };
  return { file: { name: safeFileName(plan.job.fileBase, '.docx', new Set()), bytes: rendered.bytes, mime: DOCX_MIME }, issues: plan.issues };
}

/** COLLECT_REPORT_NEWEST when the svod has older versions than the справка's: the cards left out, by name. */
function leftOut(collected: Pick<CollectedSvod, 'definition'> & { versions?: readonly VersionSvod[] }): Issue[] {
  const versions = collected.versions ?? [];
  const newest = versions[versions.length - 1];
  const older = versions.slice(0, -1);
  if (!newest || older.length === 0) return [];
  const left = older.flatMap((v) => v.svod.rows.map((r) => `«${r.file}» (${v.version})`)).join(', ');
  const { id } = collected.definition;
  const version = newest.version;
  return [makeIssue('COLLECT_REPORT_NEWEST', { kind: 'template', template: 'monitoring-report' }, { form: id, version, left }, 'warning')];
}
