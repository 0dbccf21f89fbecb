import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Svod } from '../core/forms/collect';
import type { FormDefinition } from '../core/forms/definition';
import type { Issue } from '../core/issues';
import type { Dataset } from '../core/model/schemas';
import { findTemplate } from '../core/render/template-catalog';
import { renderMonitoringReport } from '../core/usecases/monitoring-report';
import { generationTime } from './generate';
import { writeFileAtomic } from './io/output';
import { readInput } from './io/read-input';
import { templatesDir } from './templates-dir';

export interface ReportRequest {
  svod: Svod;
  definition: FormDefinition;
  /** The svod of each version of the form (the справка is made of the newest's cards). */
  versions?: ReadonlyArray<{ version: number; definition: FormDefinition; svod: Svod }>;
  dataset: Dataset;
  out: string;
  force?: boolean;
}

/** Reads the справка's template, runs core's renderMonitoringReport and writes the result. */
export async function writeMonitoringReport(request: ReportRequest): Promise<{ written?: string; issues: Issue[] }> {
  const info = findTemplate('monitoring-report')!;
  const read = await readInput(path.join(templatesDir(), 'documents', info.file));
  if (!read.ok) return { issues: read.issues };
  const report = renderMonitoringReport(request.dataset, request, read.bytes, {
    deflateRaw: (d) => deflateRawSync(d),
    generatedAt: generationTime(),
  });
  if (!report.file) return { issues: report.issues };
  const failure = await writeFileAtomic(request.out, report.file.bytes, { force: request.force });
  return failure ? { issues: [...report.issues, failure] } : { written: request.out, issues: report.issues };
}
