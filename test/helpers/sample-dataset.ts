/** The sample region as a dataset (from its JSON twin, which reads in milliseconds) and letter jobs made from it. */
import { readFileSync } from 'node:fs';
import { hasErrors } from '../../core/issues';
import { readDatasetJson } from '../../core/model/read-dataset-json';
import type { Dataset } from '../../core/model/schemas';
import { indexDataset } from '../../core/render/contexts/dataset-index';
import { prepareTemplate, type PreparedTemplate } from '../../core/render/render-docx';
import { findTemplate, planJobs, type RenderJob } from '../../core/render/template-catalog';
import { SAMPLE_JSON, templateFile } from './sample-workbook';

export function loadSampleDataset(): Dataset {
  const loaded = readDatasetJson(readFileSync(SAMPLE_JSON, 'utf8'), 'sample-region.json');
  if (hasErrors(loaded.issues)) throw new Error(`the sample JSON has errors: ${loaded.issues.map((i) => i.message).join('; ')}`);
  return loaded.dataset;
}

/** The built-in template `id`, unpacked and checked. */
export function preparedTemplate(id: string): PreparedTemplate {
  const prepared = prepareTemplate(readFileSync(templateFile(id)), id);
  if (!prepared.ok) throw new Error(`template ${id}: ${prepared.issues.map((i) => i.message).join('; ')}`);
  return prepared.template;
}

/** The one job template `templateId` plans for document `documentId` of `dataset`. */
export function jobFor(dataset: Dataset, templateId: string, documentId: string): RenderJob {
  const template = findTemplate(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const planned = planJobs(template, indexDataset(dataset), { select: [documentId] });
  const job = planned.jobs[0];
  if (!job || planned.jobs.length !== 1) throw new Error(`expected one job for ${documentId}, got ${planned.jobs.length}`);
  return job;
}
