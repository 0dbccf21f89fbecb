/**
 * The sample region planned in the page (headless Chromium, the built pane, HiGHS in its Web
 * Worker) next to the same job in Node: F7 definition, plan, F7 and order, from a click on
 * «Составить распределение» to the summary on screen. Each page run is a new browser context, so
 * the worker and the WebAssembly are loaded every time, as on a user's first plan.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import loadHighs from 'highs';
import { parseDefinitionJson } from '../core/forms/parse-definition';
import { hasErrors } from '../core/issues';
import { readDatasetJson } from '../core/model/read-dataset-json';
import { makeDistribution } from '../core/planner';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, ROOT } from '../test/e2e/chromium';
import { snapshotDist } from '../test/e2e/dist-files';
import { startStaticServer } from '../test/e2e/static-server';
import { median } from './measure';

const RUNS = 3;
export const PAGE_TARGET_MS = 10_000;
const SAMPLE_XLSX = path.join(ROOT, 'templates', 'data', 'sample-region.xlsx');

export interface SamplePlanResults {
  nodeMs: number[];
  pageMs: number[];
  /** The curators' solver status in Node (the page runs the same model). */
  status: string;
  loadBefore: number;
  loadAfter: number;
  skipped?: string;
}

async function planInNode(): Promise<{ ms: number; status: string }> {
  const loaded = readDatasetJson(readFileSync(path.join(ROOT, 'templates', 'data', 'sample-region.json'), 'utf8'), 'sample-region.json');
  if (hasErrors(loaded.issues)) throw new Error('templates/data/sample-region.json has errors');
  const parsed = parseDefinitionJson(readFileSync(path.join(ROOT, 'templates', 'forms', 'F7-2024.json'), 'utf8'), 'F7-2024.json');
  if (!parsed.ok) throw new Error('templates/forms/F7-2024.json does not parse');
  const solver = await loadHighs();
  const started = performance.now();
  const made = await makeDistribution({
    dataset: loaded.dataset,
    definition: parsed.definition,
    options: { year: 2025 },
    solver,
    orderTemplate: readFileSync(path.join(ROOT, 'templates', 'documents', 'order.docx')),
  });
  return { ms: performance.now() - started, status: made.plan.runs.curators?.status ?? '—' };
}

export async function measureSamplePlan(): Promise<SamplePlanResults> {
  const results: SamplePlanResults = { nodeMs: [], pageMs: [], status: '—', loadBefore: loadavg()[0] ?? 0, loadAfter: 0 };
  if (!chromiumInstalled()) results.skipped = `no Chromium at ${CHROMIUM_PATH}`;
  const dist = results.skipped ? undefined : await snapshotDist();
  const server = dist ? await startStaticServer(dist.root) : undefined;
  const browser = server ? await launchChromium() : undefined;
  try {
    for (let run = 0; run < RUNS; run++) {
      const node = await planInNode();
      results.nodeMs.push(node.ms);
      results.status = node.status;
      if (!browser || !server) continue;
      const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/taskpane.html?view=distribution`, { timeout: 60_000 });
        await page.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(SAMPLE_XLSX);
        await page.locator('[data-testid=distribution-plan]').waitFor({ timeout: 120_000 });
        const started = performance.now();
        await page.locator('[data-testid=distribution-plan]').click();
        await page.locator('[data-testid=distribution-summary], [role=alert]').first().waitFor({ timeout: 300_000 });
        const elapsed = performance.now() - started;
        const alert = await page.locator('[role=alert]').allInnerTexts();
        if (alert.length > 0) throw new Error(`the page did not plan: ${alert.join(' ')}`);
        results.pageMs.push(elapsed);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
    dist?.remove();
  }
  results.loadAfter = loadavg()[0] ?? 0;
  return results;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function samplePlanLines(r: SamplePlanResults): string[] {
  const node = `Node ${seconds(median(r.nodeMs))} s (${r.nodeMs.map(seconds).join(', ')})`;
  if (r.skipped) return [`Sample region plan (202 ШНОР × 20 curators): ${node}; page not measured: ${r.skipped}`];
  const page = median(r.pageMs);
  return [
    `${page <= PAGE_TARGET_MS ? 'PASS' : 'FAIL'}  sample region plan in the page: ${seconds(page)} s (median of ${r.pageMs.map(seconds).join(', ')}; target ≤ ${seconds(PAGE_TARGET_MS)} s); ${node}; curators: ${r.status}; load average ${r.loadBefore.toFixed(2)} → ${r.loadAfter.toFixed(2)}`,
  ];
}

/** Rows for the planner's section of BENCHMARKS.md. */
export function samplePlanMarkdown(r: SamplePlanResults): string[] {
  const page = median(r.pageMs);
  return [
    '| область-пример: 202 ШНОР × 20 кураторов × 32 школы-лидера, план + F7 + приказ | Node | страница (Chromium, Web Worker) | цель для страницы |',
    '|---|---|---|---|',
    `| медиана ${RUNS} запусков, с | ${seconds(median(r.nodeMs))} (${r.nodeMs.map(seconds).join(', ')}) | ${r.skipped ? `не измерено: ${r.skipped}` : `${seconds(page)} (${r.pageMs.map(seconds).join(', ')})`} | ≤ ${seconds(PAGE_TARGET_MS)}${r.skipped ? '' : page <= PAGE_TARGET_MS ? ' — PASS' : ' — FAIL'} |`,
    '',
    `Кураторы: ${r.status}. В странице время от нажатия «Составить распределение» до итогов на экране: запуск Web Worker, загрузка HiGHS (WebAssembly), решение, F7 и приказ; каждый запуск в новом контексте браузера. Средняя загрузка машины (load average) ${r.loadBefore.toFixed(2)} → ${r.loadAfter.toFixed(2)}.`,
  ];
}

if (require.main === module) {
  measureSamplePlan().then(
    (r) => {
      for (const line of samplePlanLines(r)) console.log(line);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
