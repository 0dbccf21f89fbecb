/**
 * Browser mode checks the cards a user opens in a Web Worker (addin/app/check.worker.ts), through
 * core's checkWorkbookBytes as `kaskad validate` does; where the browser has no Worker, on the
 * main thread. Both ways the 43 F1 cards, then the data workbook beside them (the cards checked
 * again against it), must give the CLI's counts and scores.
 *
 * Needs `npm run build:addin` (npm test builds first) and Chromium (see served-pane.ts).
 */
import * as path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { formatNumber } from '../../core/format/numbers';
import { REGION_XLSX, SAMPLES, sampleCards, validateJson, type CliFile } from './cli-doors';
import { describeInBrowser, servePane } from './served-pane';

jest.setTimeout(600_000);

const CHECK_WORKER = /\/kaskad-check\.[0-9a-f]{8}\.js$/;
/** The lazily loaded chunks that read a workbook: core's XML reader, and exceljs with what uses it (annotation). */
const READER_CHUNKS = /\/(reader|exceljs|workbook)\.[0-9a-f]{8}\.js$/;
const chunkNames = (urls: readonly string[]): string[] =>
  urls
    .filter((url) => READER_CHUNKS.test(url))
    .map((url) => url.replace(/^.*\/|\.[0-9a-f]{8}\.js$/g, ''))
    .sort();
const loadedScripts = 'performance.getEntriesByType("resource").map((e) => e.name)';

/** Counts the frames the page paints (requestAnimationFrame), from before its scripts run. */
const FRAME_COUNTER = `(() => {
  window.kaskadFrames = 0;
  const tick = () => { window.kaskadFrames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();`;

/** The table «Проверенные файлы» as rows the CLI's --json can be put beside. */
async function shownRows(page: Page): Promise<Array<{ name: string; errors: number; warnings: number; score: string }>> {
  const rows = await page
    .getByRole('table', { name: 'Проверенные файлы' })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-file') ?? '', ...[...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent?.trim() ?? '')]),
    );
  return rows.map(([name, , errors, warnings, score]) => ({
    name: name ?? '',
    errors: Number(errors),
    warnings: Number(warnings),
    score: score ?? '',
  }));
}

const expectedRows = (files: readonly CliFile[]) =>
  files.map((f) => ({
    name: f.file,
    errors: f.issues.filter((i) => i.severity === 'error').length,
    warnings: f.issues.filter((i) => i.severity === 'warning').length,
    score: f.score ? `${formatNumber(f.score.total)} из ${formatNumber(f.score.max)}` : '',
  }));

describeInBrowser('test/e2e/check-worker.test.ts')('cards checked in a Web Worker in the browser page', () => {
  const cards = sampleCards(path.join(SAMPLES, 'F1'));
  let plain: CliFile[];
  let withData: CliFile[];
  const pane = servePane(async () => {
    plain = await validateJson([...cards, REGION_XLSX]);
    withData = await validateJson([...cards, REGION_XLSX], REGION_XLSX);
  });

  /** Opens the page (without Worker when `noWorker`), checks the cards and then the data workbook; what the page showed. */
  async function checkInPage(noWorker: boolean) {
    const context = await pane.browser.newContext({ locale: 'ru-RU', viewport: { width: 900, height: 900 } });
    await context.addInitScript({ content: FRAME_COUNTER });
    if (noWorker) await context.addInitScript({ content: 'delete window.Worker;' });
    const page = await context.newPage();
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${pane.server.origin}/taskpane.html`);
      await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 30_000 });
      const status = page.locator('[data-testid=check-status][data-busy="false"]');
      const picker = page.getByLabel('Открыть книгу Excel…', { exact: true });
      const framesBefore = (await page.evaluate('window.kaskadFrames')) as number;
      await picker.setInputFiles(cards);
      await status.filter({ hasText: new RegExp(`^Проверено файлов: ${cards.length}$`) }).waitFor({ timeout: 300_000 });
      const framesDuring = ((await page.evaluate('window.kaskadFrames')) as number) - framesBefore;
      const rows = await shownRows(page);
      await picker.setInputFiles(REGION_XLSX);
      await status.filter({ hasText: new RegExp(`^Проверено файлов: ${cards.length + 1}$`) }).waitFor({ timeout: 300_000 });
      const rowsWithData = await shownRows(page);
      const checkWorkers = workers.filter((w) => CHECK_WORKER.test(w.url()));
      const workerRead = checkWorkers.length === 1 ? chunkNames((await checkWorkers[0]!.evaluate(loadedScripts)) as string[]) : [];
      const pageRead = chunkNames((await page.evaluate(loadedScripts)) as string[]);
      return { rows, rowsWithData, framesDuring, checkWorkers: checkWorkers.length, workerRead, pageRead, errors };
    } finally {
      await context.close();
    }
  }

  it('reads and checks the 43 F1 cards and the data workbook in one check worker, the page painting meanwhile, as `kaskad validate` does', async () => {
    expect(cards).toHaveLength(43);
    const shown = await checkInPage(false);
    expect(shown.errors).toEqual([]);
    expect(shown.checkWorkers).toBe(1);
    // The worker loaded the reader itself, and the page neither it nor exceljs: the files were read off the main thread.
    expect(shown.workerRead).toEqual(['reader']);
    expect(shown.pageRead).toEqual([]);
    expect(shown.framesDuring).toBeGreaterThan(0);
    expect(shown.rows).toEqual(expectedRows(plain.slice(0, cards.length)));
    expect(shown.rowsWithData).toEqual(expectedRows([...withData.slice(0, cards.length), plain[cards.length]!]));
  });

  it('checks them on the main thread, with the same results, where the browser has no Worker', async () => {
    const shown = await checkInPage(true);
    expect(shown.errors).toEqual([]);
    expect(shown.checkWorkers).toBe(0);
    expect(shown.pageRead).toEqual(['reader']);
    expect(shown.rows).toEqual(expectedRows(plain.slice(0, cards.length)));
    expect(shown.rowsWithData).toEqual(expectedRows([...withData.slice(0, cards.length), plain[cards.length]!]));
  });
});
