/**
 * The benchmark's letters: letter № 5112 of the sample region (one page) repeated with a new
 * number each time, either as render jobs or as a data file that `generate` reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readDatasetJson } from '../core/model/read-dataset-json';
import { indexDataset } from '../core/render/contexts/dataset-index';
import { findTemplate, planJobs, type RenderJob } from '../core/render/template-catalog';

export const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'templates', 'data', 'sample-region.json');
export const SEED_DOCUMENT = 'd5112';

export function letterTemplateBytes(): Uint8Array {
  return new Uint8Array(readFileSync(path.join(ROOT, 'templates', 'documents', findTemplate('letter')!.file)));
}

/** `count` jobs: the seed letter's data, numbered 5112/1…5112/count. */
export function letterJobs(count: number): RenderJob[] {
  const loaded = readDatasetJson(readFileSync(SAMPLE, 'utf8'), path.basename(SAMPLE));
  const plan = planJobs(findTemplate('letter')!, indexDataset(loaded.dataset), { select: [SEED_DOCUMENT] });
  const seed = plan.jobs[0];
  if (!seed) throw new Error(`the sample data has no ${SEED_DOCUMENT}`);
  return Array.from({ length: count }, (_, i) => ({
    record: `${SEED_DOCUMENT}-${i + 1}`,
    fileBase: `${seed.fileBase} (${i + 1})`,
    data: { ...structuredClone(seed.data), number: `5112/${i + 1}` },
  }));
}

/** Writes the sample data with `count` copies of the seed letter as its only documents. */
export function writeLetterDataset(count: number, file: string): void {
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown[]>;
  const documents = sample.documents as Array<Record<string, unknown>>;
  const paragraphs = sample.paragraphs as Array<Record<string, unknown>>;
  const seed = documents.find((d) => d.id === SEED_DOCUMENT);
  if (!seed) throw new Error(`the sample data has no ${SEED_DOCUMENT}`);
  const seedParagraphs = paragraphs.filter((p) => p.documentId === SEED_DOCUMENT);
  const copies = Array.from({ length: count }, (_, i) => `${SEED_DOCUMENT}-${i + 1}`);
  const data = {
    ...sample,
    documents: copies.map((id, i) => ({ ...seed, id, number: `5112/${i + 1}` })),
    paragraphs: copies.flatMap((id) => seedParagraphs.map((p) => ({ ...p, documentId: id }))),
    attachments: [],
  };
  writeFileSync(file, JSON.stringify(data));
}
