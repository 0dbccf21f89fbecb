/**
 * The render pool makes exactly the documents renderDocument makes, in job order, and reports a
 * missing value as issues. Jest runs TypeScript sources, so there is no compiled worker: the
 * default pool renders in the test's thread, and the "threads" cases start real worker threads
 * that load render-worker.ts through @swc/core (the compiled path is exercised by `npm run bench`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';
import { indexDataset } from '../../core/render/contexts/dataset-index';
import { prepareTemplate, renderDocument, type PreparedTemplate, type Rendered } from '../../core/render/render-docx';
import { findTemplate, planJobs, type RenderJob } from '../../core/render/template-catalog';
import { readDatasetJson } from '../../core/model/read-dataset-json';
import { generate } from '../../generator/generate';
import { safeFileName } from '../../core/format/file-names';
import { openRenderPool, type PoolJob, type RenderPool } from '../../generator/render-pool';
import type { WorkerInit } from '../../generator/render-worker';
import { docxParts } from '../helpers/docx-xml';

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATE = new Uint8Array(readFileSync(path.join(ROOT, 'templates', 'documents', 'letter.docx')));
const SWC = require.resolve('@swc/core');
const WORKER_TS = path.join(ROOT, 'generator', 'render-worker.ts');

/** A worker thread that compiles .ts on require, so the worker runs from sources. */
function spawnFromSources(init: WorkerInit): Worker {
  const bootstrap = `
    const fs = require('node:fs');
    const Module = require('node:module');
    const swc = require(${JSON.stringify(SWC)});
    Module._extensions['.ts'] = (module, filename) => {
      const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
        filename, module: { type: 'commonjs' }, jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      });
      module._compile(code, filename);
    };
    require(${JSON.stringify(WORKER_TS)});
  `;
  return new Worker(bootstrap, { eval: true, workerData: init });
}

/** Letter № 5112 of the sample region, numbered 1…count. */
function letterJobs(count: number): RenderJob[] {
  const loaded = readDatasetJson(readFileSync(path.join(ROOT, 'templates', 'data', 'sample-region.json'), 'utf8'), 'sample-region.json');
  const plan = planJobs(findTemplate('letter')!, indexDataset(loaded.dataset!), { select: ['d5112'] });
  const seed = plan.jobs[0]!;
  return Array.from({ length: count }, (_, i) => ({
    record: `d5112-${i + 1}`,
    fileBase: `${seed.fileBase} (${i + 1})`,
    data: { ...structuredClone(seed.data), number: `5112/${i + 1}` },
  }));
}

let prepared: PreparedTemplate;
beforeAll(() => {
  const result = prepareTemplate(TEMPLATE, 'letter');
  if (!result.ok) throw new Error('letter.docx does not prepare');
  prepared = result.template;
});

function renderInline(job: PoolJob, generatedAt?: string): Rendered {
  return renderDocument(prepared, job.data, job.record, { deflateRaw: (d) => deflateRawSync(d, { level: 6 }), generatedAt });
}

async function collect(pool: RenderPool, jobs: readonly PoolJob[]): Promise<Rendered[]> {
  const results: Rendered[] = [];
  try {
    for await (const result of pool.render(jobs)) results.push(result);
  } finally {
    await pool.close();
  }
  return results;
}

function bytesOf(result: Rendered | undefined): Buffer {
  if (!result?.ok) throw new Error(`expected a document, got ${JSON.stringify(result)}`);
  return Buffer.from(result.bytes);
}

const pools: Array<[string, () => RenderPool]> = [
  ['в своём потоке (Jest: нет собранного воркера)', () => openRenderPool(TEMPLATE, 'letter', { chunkSize: 3 })],
  ['на двух потоках', () => openRenderPool(TEMPLATE, 'letter', { size: 2, chunkSize: 3, spawn: spawnFromSources })],
];

describe.each(pools)('пул отрисовки %s', (_, open) => {
  test('даёт те же байты, что renderDocument, в порядке заданий', async () => {
    const jobs = letterJobs(11);
    const pool = open();
    const results = await collect(pool, jobs);
    expect(results).toHaveLength(jobs.length);
    results.forEach((result, i) => {
      expect(bytesOf(result).equals(bytesOf(renderInline(jobs[i]!)))).toBe(true);
      expect(docxParts(bytesOf(result)).get('word/document.xml')).toContain(`5112/${i + 1}`);
    });
    // Only a worker reports its memory: a pool that fell back to this thread would report none.
    if (pool.mode === 'threads') expect(pool.peakRss).toBeGreaterThan(0);
  });

  test('письмо без значения возвращается замечаниями, а не документом; соседние сделаны', async () => {
    const jobs: PoolJob[] = letterJobs(5);
    const broken = jobs[2]!;
    jobs[2] = { record: broken.record, data: { ...broken.data, date: undefined } };
    const results = await collect(open(), jobs);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true, true]);
    const failed = results[2]!;
    expect(failed.ok ? [] : failed.issues.map((i) => [i.code, i.location])).toEqual([
      ['RENDER_MISSING_VALUE', { kind: 'record', template: 'letter', record: 'd5112-3', tag: 'date' }],
    ]);
    expect(bytesOf(results[3]).equals(bytesOf(renderInline(jobs[3]!)))).toBe(true);
  });
});

test('пул без потоков называет свой режим; с потоками — свой', async () => {
  const inThread = openRenderPool(TEMPLATE, 'letter');
  const threads = openRenderPool(TEMPLATE, 'letter', { size: 2, spawn: spawnFromSources });
  expect([inThread.mode, threads.mode, threads.size]).toEqual(['in-thread', 'threads', 2]);
  await Promise.all([inThread.close(), threads.close()]);
});

describe('generate с пулом (от 50 документов)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kaskad-pool-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The sample data with `count` renumbered copies of letter № 5112 as its only documents. */
  function writeLetters(count: number): string {
    const sample = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'data', 'sample-region.json'), 'utf8')) as Record<
      string,
      Array<Record<string, unknown>>
    >;
    const seed = sample.documents!.find((d) => d.id === 'd5112')!;
    const paragraphs = sample.paragraphs!.filter((p) => p.documentId === 'd5112');
    const ids = Array.from({ length: count }, (_, i) => `d5112-${i + 1}`);
    const file = path.join(dir, `letters-${count}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        ...sample,
        documents: ids.map((id, i) => ({ ...seed, id, number: `5112/${i + 1}` })),
        paragraphs: ids.flatMap((id) => paragraphs.map((p) => ({ ...p, documentId: id }))),
        attachments: [],
      }),
    );
    return file;
  }

  test('60 писем: все сделаны, в порядке данных, те же байты', async () => {
    const data = writeLetters(60);
    const outDir = path.join(dir, 'out');
    const generatedAt = '2026-12-01T05:00:00Z';
    const result = await generate({ template: 'letter', data, outDir, generatedAt });
    expect([result.exitCode, result.skipped, result.made.length]).toEqual([0, [], 60]);
    const loaded = readDatasetJson(readFileSync(data, 'utf8'), 'letters.json');
    const jobs = planJobs(findTemplate('letter')!, indexDataset(loaded.dataset), {}).jobs;
    const taken = new Set<string>();
    expect(result.made.map((f) => path.basename(f))).toEqual(jobs.map((j) => safeFileName(j.fileBase, '.docx', taken)));
    for (const i of [0, 29, 59]) {
      expect(readFileSync(result.made[i]!).equals(bytesOf(renderInline(jobs[i]!, generatedAt)))).toBe(true);
    }
  });
});
