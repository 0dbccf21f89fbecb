/**
 * «Распределение» in the browser page, as a user drives it: open the sample data workbook, start a
 * plan and stop it, plan 2025, read the summary, download the F7 (valid by core's checks) and the
 * order — HiGHS running as WebAssembly in a Web Worker under the page's CSP (only 'wasm-unsafe-eval'
 * and worker-src 'self' added), nothing fetched from outside, no CSP violation.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FormDefinition } from '../../core/forms/definition';
import { parseDefinitionJson } from '../../core/forms/parse-definition';
import { buildReferenceData } from '../../core/forms/reference-data';
import { readSnapshot } from '../../core/forms/snapshot';
import { validateForm } from '../../core/forms/validate';
import { docxParagraphs } from '../helpers/docx-paragraphs';
import { loadSampleDataset } from '../helpers/sample-dataset';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, ROOT } from './chromium';
import { REGION_XLSX } from './cli-expectations';
import { snapshotDist } from './dist-files';
import { foreignRequests, unexpectedConsoleErrors, watchContext, type Watch } from './page-watch';
import { startStaticServer, type StaticServer } from './static-server';

const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e-distribution');

function f7Definition(): FormDefinition {
  const parsed = parseDefinitionJson(readFileSync(path.join(ROOT, 'templates', 'forms', 'F7-2024.json'), 'utf8'), 'F7-2024.json');
  if (!parsed.ok) throw new Error('templates/forms/F7-2024.json does not parse');
  return parsed.definition;
}
const HAVE_CHROMIUM = chromiumInstalled();
// Runs wherever the suite runs: without Chromium, beforeAll fails with the path it looked for.
const describeInBrowser = describe;

describeInBrowser('«Распределение» в браузере', () => {
  let dist: { root: string; remove(): void } | undefined;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: Watch;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`no Chromium at ${CHROMIUM_PATH}`);
    dist = await snapshotDist();
    [server, browser] = await Promise.all([startStaticServer(dist.root), launchChromium()]);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    context = await browser.newContext({ acceptDownloads: true, locale: 'ru-RU', viewport: { width: 900, height: 1000 } });
    watch = await watchContext(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    dist?.remove();
  });

  async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [started] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
    const target = path.join(ARTIFACTS, started.suggestedFilename());
    await started.saveAs(target);
    return { name: started.suggestedFilename(), bytes: readFileSync(target) };
  }

  it('составляет распределение 2025 года, показывает итоги и отдаёт F7 и приказ', async () => {
    await page.goto(`${server.origin}/taskpane.html?view=distribution`);
    await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('tab', { name: 'Распределение' }).getAttribute('aria-selected')).toBe('true');
    await page.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(REGION_XLSX);
    await page.locator('[data-testid=distribution-plan]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=distribution-year]').inputValue()).toBe('2025');
    await page.locator('[data-testid=distribution-plan]').click();
    const summary = page.locator('[data-testid=distribution-summary]');
    await page.screenshot({ path: path.join(ARTIFACTS, 'distribution-working.png'), fullPage: true });
    await summary.waitFor({ timeout: 60_000 });
    // The summary before any download: the sample region's optimum (only Челябинск, 26 ШНОР, is shared).
    expect(await summary.locator('p').allInnerTexts()).toEqual([
      'Распределение 2025: ШНОР 202, с куратором 202, со школой-лидером 202; сохранено пар прошлого года: кураторов 150, школ-лидеров 142; ' +
        'школа-лидер из другого муниципалитета: 60; муниципалитетов с несколькими кураторами: 1.',
      'Нагрузка кураторов: от 8 до 12 (кураторов 20); задействовано школ-лидеров: 32 из 32.',
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'distribution-summary.png'), fullPage: true });

    const f7 = await download(() => page.locator('[data-testid=distribution-save-f7]').click());
    expect(f7.name).toBe('Распределение 2025 (F7).xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f7.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Сведения', 'Распределение', 'Пояснения', 'Итоги распределения']));
    expect(wb.getWorksheet('Пояснения')!.rowCount).toBe(203);
    const checked = validateForm(f7Definition(), readSnapshot(wb), { file: f7.name, data: buildReferenceData(loadSampleDataset()) });
    expect(checked.issues).toEqual([]);

    const order = await download(() => page.locator('[data-testid=distribution-save-order]').click());
    expect(order.name).toBe('Приказ о распределении 2025.docx');
    const paragraphs = docxParagraphs(order.bytes);
    expect(paragraphs).toContain('УТВЕРЖДЕНО');
    expect(paragraphs.some((p) => /между кураторами и школами-лидерами в 2025/.test(p.replace(/\s+/g, ' ')))).toBe(true);

    expect(watch.cspViolations).toEqual([]);
    expect(foreignRequests(watch.requests, server.origin)).toEqual([]);
    expect(unexpectedConsoleErrors(watch.consoleErrors)).toEqual([]);
    // The worker's fetches are not the page's: the server's log shows HiGHS and its worker were served.
    expect(server.requests.filter((r) => /^\/(planner-solve\.[0-9a-f]+\.js|[0-9a-f]+\.wasm)$/.test(r.path)).map((r) => r.status)).toEqual([200, 200]);
  }, 420_000);
});
