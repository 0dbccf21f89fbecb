/**
 * The renderer against the plain docxtemplater recipe on every template the sample region's data
 * plans documents for (issue 11: ≥ 3× on each, the mailing as fast per document as the letter):
 * the same jobs (planJobs on templates/data/sample-region.json, at most JOBS of them, repeated),
 * the plain recipe (bench/plain-recipe.ts) and renderDocument on the template prepared once,
 * alternating in ROUNDS after a warm-up; the median round counts, wall and CPU. The справка
 * (monitoring-report) is made from a svod, not from the data: it is listed as not measured.
 *
 * `node build/bench/templates.js` prints the table.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { cleanDeep } from '../core/format/text';
import { readDatasetJson } from '../core/model/read-dataset-json';
import { indexDataset } from '../core/render/contexts/dataset-index';
import { prepareTemplate, renderDocument } from '../core/render/render-docx';
import { planJobs, TEMPLATES } from '../core/render/template-catalog';
import { useNodeZip } from '../generator/io/zip-codec';
import { ROOT } from './letters';
import { median, alternateRounds } from './measure';
import { renderPlain } from './plain-recipe';

const JOBS = 20;
const PER_ROUND = 40;
const ROUNDS = 5;
const WARMUP = 20;
const TARGET_SPEEDUP = 3;
const SAMPLE = path.join(ROOT, 'templates', 'data', 'sample-region.json');

export interface TemplateRow {
  template: string;
  jobs: number;
  plainMs?: number;
  kaskadMs?: number;
  plainCpuMs?: number;
  kaskadCpuMs?: number;
  /** Why it was not measured. */
  skipped?: string;
}

const nodeDeflate = (data: Uint8Array) => deflateRawSync(data, { level: 6 });

export function measureTemplates(): { rows: TemplateRow[]; load: { before: number; after: number } } {
  // As the CLI runs: zlib's native deflate and CRC-32 (the pure-JS defaults are the browser's).
  useNodeZip();
  const before = loadavg()[0] ?? 0;
  const loaded = readDatasetJson(readFileSync(SAMPLE, 'utf8'), path.basename(SAMPLE));
  const index = indexDataset(loaded.dataset);
  const rows: TemplateRow[] = [];
  for (const info of TEMPLATES) {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'templates', 'documents', info.file)));
    const jobs = planJobs(info, index).jobs.slice(0, JOBS);
    if (jobs.length === 0) {
      rows.push({ template: info.id, jobs: 0, skipped: info.fromSvod ? 'made from a svod, not from the data' : 'the sample data plans no document' });
      continue;
    }
    const prepared = prepareTemplate(bytes, info.id);
    if (!prepared.ok) throw new Error(`${info.file} does not prepare`);
    const cleaned = jobs.map((job) => cleanDeep(job.data));
    const plain = (i: number) => renderPlain(bytes, cleaned[i % cleaned.length]!);
    const kaskad = (i: number) => {
      const job = jobs[i % jobs.length]!;
      const rendered = renderDocument(prepared.template, job.data, job.record, { deflateRaw: nodeDeflate });
      if (!rendered.ok) throw new Error(`${info.id} ${job.record}: ${rendered.issues.map((x) => x.message).join('; ')}`);
    };
    const { plainRounds, kaskadRounds } = alternateRounds(plain, kaskad, { warmup: WARMUP, perRound: PER_ROUND, rounds: ROUNDS });
    rows.push({
      template: info.id,
      jobs: jobs.length,
      plainMs: median(plainRounds.map((r) => r.ms)) / PER_ROUND,
      kaskadMs: median(kaskadRounds.map((r) => r.ms)) / PER_ROUND,
      plainCpuMs: median(plainRounds.map((r) => r.cpuMs)) / PER_ROUND,
      kaskadCpuMs: median(kaskadRounds.map((r) => r.cpuMs)) / PER_ROUND,
    });
  }
  return { rows, load: { before, after: loadavg()[0] ?? 0 } };
}

const f = (x: number | undefined, digits = 2): string => (x === undefined ? '—' : x.toFixed(digits));

export function templatesMarkdown(result: ReturnType<typeof measureTemplates>): { markdown: string; lines: string[] } {
  const table = [
    '| Template | Jobs | Plain recipe, ms/doc | Kaskad, ms/doc | Speed-up (wall) | Speed-up (CPU) | Target | |',
    '|---|--:|--:|--:|--:|--:|---|---|',
    ...result.rows.map((r) => {
      if (r.skipped) return `| \`${r.template}\` | — | — | — | — | — | ≥ ${TARGET_SPEEDUP}× | not measured: ${r.skipped} |`;
      const wall = r.plainMs! / r.kaskadMs!;
      const cpu = r.plainCpuMs! / r.kaskadCpuMs!;
      return `| \`${r.template}\` | ${r.jobs} | ${f(r.plainMs)} | ${f(r.kaskadMs)} | ${f(wall)}× | ${f(cpu)}× | ≥ ${TARGET_SPEEDUP}× | ${wall >= TARGET_SPEEDUP ? 'PASS' : '**FAIL**'} |`;
    }),
  ];
  const markdown = [
    '## The renderer vs the plain recipe, every template',
    '',
    `The jobs each template's sample data plans (at most ${JOBS}, repeated), one thread: the plain docxtemplater recipe (new PizZip + new Docxtemplater + generate DEFLATE) and Kaskad's \`renderDocument\` on the template prepared once, alternating, median of ${ROUNDS} rounds × ${PER_ROUND} after ${WARMUP} warm-up each.`,
    `1-minute load average ${result.load.before.toFixed(2)} → ${result.load.after.toFixed(2)}.`,
    '',
    ...table,
  ].join('\n');
  return { markdown, lines: table };
}

export function benchTemplates(): { markdown: string; lines: string[] } {
  return templatesMarkdown(measureTemplates());
}

if (require.main === module) {
  for (const line of benchTemplates().lines) console.log(line);
}
