import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Svod } from '../core/forms/collect';
import type { FormDefinition } from '../core/forms/definition';
import type { Issue } from '../core/issues';
import type { Dataset } from '../core/model/schemas';
import { planMonitoringReport } from '../core/render/monitoring-report';
import { prepareTemplate, renderDocument } from '../core/render/render-docx';
import { findTemplate } from '../core/render/template-catalog';
import { generationTime } from './generate';
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

/** Writes the monitoring справка from a svod (planned by core's planMonitoringReport). */
export async function writeMonitoringReport(request: ReportRequest): Promise<{ written?: string; issues: Issue[] }> {
  const info = findTemplate('monitoring-report')!;
  const plan = planMonitoringReport(request.dataset, request.definition, request.svod);
  const issues = [...plan.issues];
  if (!plan.job) return { issues };
  const read = await readInput(path.join(templatesDir(), 'documents', info.file));
  if (!read.ok) return { issues: [...issues, ...read.issues] };
  const prepared = prepareTemplate(read.bytes, info.id);
  if (!prepared.ok) return { issues: [...issues, ...prepared.issues] };
  const rendered = renderDocument(prepared.template, plan.job.data, plan.job.record, { deflateRaw: (d) => deflateRawSync(d), generatedAt: generationTime() });
  if (!rendered.ok) return { issues: [...issues, ...rendered.issues] };
  const failure = await writeFileAtomic(request.out, rendered.bytes, { force: request.force });
  return failure ? { issues: [...issues, failure] } : { written: request.out, issues };
}
