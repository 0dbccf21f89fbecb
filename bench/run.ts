/**
 * `npm run bench`: one-page letters from one template, Kaskad against the plain docxtemplater
 * recipe, on this machine; prints a table and writes BENCHMARKS.md at the repository root.
 *
 *   (a) plain recipe, one thread        (b) Kaskad renderDocument, one thread
 *   (c) Kaskad pool, rendering only     (d) `generate`, 1 000 letters to files, all cores
 *   (e) `generate`, 10 000 letters to files, with the process's peak memory
 *
 * (a) and (b) alternate over several rounds after a warm-up; the median round counts.
 * (d) and (e) run in a fresh process each (bench/generate-run.ts) after a warm-up generate; (d) is
 * the fastest of three runs, since on a shared machine other work can only slow a run down.
 *
 * Then the forms bench (bench/forms.ts) and the add-in bench (bench/addin.ts): for the latter this
 * builds dist/ with `npm run build:addin` first, so the numbers are of the current sources (about
 * a minute more); it needs Chromium at /usr/bin/chromium for the load and check times.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { benchAddin, buildAddin } from './addin';
import { benchEndToEnd } from './end-to-end';
import { benchForms } from './forms';
import { benchPlanner } from './planner';
import { benchTemplates } from './templates';
import { useNodeZip } from '../generator/io/zip-codec';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { cleanDeep } from '../core/format/text';
import { prepareTemplate, renderDocument } from '../core/render/render-docx';
import { openRenderPool } from '../generator/render-pool';
import type { GenerateRunReport, GenerateRunRequest } from './generate-run';
import { letterJobs, letterTemplateBytes, ROOT, writeLetterDataset } from './letters';
import { cpuNow, median, alternateRounds, type Measurement } from './measure';
import { printTable, renderReport, type BenchResults } from './report';
import { renderPlain } from './plain-recipe';

const ROUNDS = 5;
const PER_ROUND = 100;
const WARMUP = 50;
const POOL_DOCS = 1000;
const TARGET_1000 = 1000;
const TARGET_10000 = 10_000;

const nodeDeflate = (data: Uint8Array) => deflateRawSync(data, { level: 6 });

function measureSingleThread(): { plain: Measurement; kaskad: Measurement } {
  const template = letterTemplateBytes();
  const prepared = prepareTemplate(template, 'letter');
  if (!prepared.ok) throw new Error('letter.docx does not prepare');
  const jobs = letterJobs(PER_ROUND);
  const cleaned = jobs.map((job) => cleanDeep(job.data));
  const plain = (i: number) => renderPlain(template, cleaned[i % cleaned.length]!);
  const kaskad = (i: number) => {
    const job = jobs[i % jobs.length]!;
    const rendered = renderDocument(prepared.template, job.data, job.record, { deflateRaw: nodeDeflate });
    if (!rendered.ok) throw new Error(`${job.record}: ${rendered.issues.map((x) => x.message).join('; ')}`);
  };
  const { plainRounds, kaskadRounds } = alternateRounds(plain, kaskad, { warmup: WARMUP, perRound: PER_ROUND, rounds: ROUNDS });
  const note = `median of ${ROUNDS} rounds × ${PER_ROUND}, alternating, after ${WARMUP} warm-up`;
  const summary = (rounds: typeof plainRounds) => ({ ms: median(rounds.map((r) => r.ms)), cpuMs: median(rounds.map((r) => r.cpuMs)) });
  return {
    plain: { label: 'Plain recipe (new PizZip + new Docxtemplater + generate DEFLATE)', docs: PER_ROUND, threads: 1, note, ...summary(plainRounds) },
    kaskad: { label: 'Kaskad renderDocument (prepared once)', docs: PER_ROUND, threads: 1, note, ...summary(kaskadRounds) },
  };
}

async function measurePool(): Promise<Measurement> {
  const jobs = letterJobs(POOL_DOCS);
  const pool = openRenderPool(letterTemplateBytes(), 'letter');
  try {
    for await (const _ of pool.render(jobs.slice(0, 100))); // warm-up: threads start, JIT warms
    const cpu = cpuNow();
    const started = performance.now();
    let made = 0;
    for await (const rendered of pool.render(jobs)) if (rendered.ok) made++;
    const ms = performance.now() - started;
    const cpuMs = cpuNow() - cpu;
    if (made !== jobs.length) throw new Error(`the pool made ${made} of ${jobs.length}`);
    return {
      label: `Kaskad render pool, rendering only (${pool.mode})`,
      docs: jobs.length,
      ms,
      cpuMs,
      threads: pool.size,
      note: 'bytes dropped, not written; 100 warm-up',
    };
  } finally {
    await pool.close();
  }
}

function runGenerate(request: GenerateRunRequest): Promise<GenerateRunReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'generate-run.js'), [], { stdio: 'inherit' });
    child.once('message', (message: GenerateRunReport | { error: string }) => {
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`generate-run exited with ${code}`));
    });
    child.send(request);
  });
}

async function measureGenerate(work: string, count: number, runs: number): Promise<{ measurement: Measurement; report: GenerateRunReport }> {
  const warmupData = path.join(work, 'warmup.json');
  const data = path.join(work, `letters-${count}.json`);
  writeLetterDataset(100, warmupData);
  writeLetterDataset(count, data);
  const report = await runGenerate({ warmupData, warmupOut: path.join(work, 'warmup-out'), data, outDir: path.join(work, `out-${count}`), runs });
  rmSync(path.join(work, `out-${count}`), { recursive: true, force: true });
  if (report.made !== count || report.exitCode !== 0) throw new Error(`generate made ${report.made} of ${count} (exit ${report.exitCode})`);
  const measurement: Measurement = {
    label: `generate(): ${count.toLocaleString('en-US')} letters to .docx files`,
    docs: count,
    ms: report.ms,
    cpuMs: report.cpuMs,
    threads: Math.max(1, Math.min(availableParallelism(), 4)),
    note:
      (runs > 1 ? `fastest of ${runs} runs (all: ${report.allMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s); ` : 'one run; ') +
      'fresh process after a 100-letter warm-up; includes reading the data file, planning, rendering, writing and commit',
  };
  return { measurement, report };
}

/**
 * `npm run bench -- --acceptance`: only issue 11's acceptance rows, side by side in one run (the
 * whole processes, the renderer on every template, the 43 cards in the page vs the CLI), printed;
 * BENCHMARKS.md is left alone. About a third of the full run.
 */
async function acceptance(): Promise<void> {
  useNodeZip();
  const work = mkdtempSync(path.join(tmpdir(), 'kaskad-bench-'));
  try {
    const started = Date.now();
    console.log(
      `Load average before: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}`,
    );
    for (const line of (await benchEndToEnd(work)).lines) console.log(line);
    for (const line of benchTemplates().lines) console.log(line);
    buildAddin();
    for (const line of (await benchAddin()).lines) console.log(line);
    console.log(
      `Load average after: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}; ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--acceptance')) return acceptance();
  useNodeZip();
  const work = mkdtempSync(path.join(tmpdir(), 'kaskad-bench-'));
  try {
    const started = Date.now();
    const loadBefore = loadavg()[0] ?? 0;
    const single = measureSingleThread();
    const pool = await measurePool();
    const thousand = await measureGenerate(work, TARGET_1000, 3);
    const tenThousand = await measureGenerate(work, TARGET_10000, 1);
    const load = { before: loadBefore, after: loadavg()[0] ?? 0 };
    const results: BenchResults = { single, pool, thousand, tenThousand, load, date: new Date(), benchSeconds: (Date.now() - started) / 1000 };
    printTable(results);
    const forms = await benchForms();
    for (const line of forms.lines) console.log(line);
    buildAddin();
    const addin = await benchAddin();
    for (const line of addin.lines) console.log(line);
    const endToEnd = await benchEndToEnd(work);
    for (const line of endToEnd.lines) console.log(line);
    const templates = benchTemplates();
    for (const line of templates.lines) console.log(line);
    results.benchSeconds = (Date.now() - started) / 1000;
    const planner = await benchPlanner();
    for (const line of planner.lines) console.log(line);
    writeFileSync(
      path.join(ROOT, 'BENCHMARKS.md'),
      `${renderReport(results).trimEnd()}\n\n${endToEnd.markdown.trim()}\n\n${templates.markdown.trim()}\n\n${forms.markdown.trim()}\n\n${addin.markdown.trim()}\n\n${planner.markdown.trim()}\n`,
    );
    console.log(`\nBENCHMARKS.md written (${results.benchSeconds.toFixed(0)} s).`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
