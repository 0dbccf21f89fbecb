/**
 * The preview of «Документы» in headless Chromium (issue 10, point 8): the data workbook opened in
 * the page, a template chosen, «Посмотреть первый документ» opened — docx-preview, loaded only
 * then (its own chunk), draws the first document in the page under the pane's CSP. The text drawn
 * must be the CLI's first document of the same template (the greeting by the addressee, the
 * registration number), with no CSP violation, no console or page error, and no request off
 * 127.0.0.1 (the network is cut but for the local server; only the office.js <script> tries).
 *
 * Needs `npm run build:addin` and Chromium at /usr/bin/chromium; without Chromium the tests are
 * skipped with a warning, unless CI is set: then they fail.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { countOf, DOCUMENT_FORMS } from '../../core/format/numbers';
import { ROOT } from './chromium';
import { generated, REGION_XLSX, type MadeDocument } from './cli-expectations';
import { OFFICE_JS_CDN, unexpectedConsoleErrors, watchContext, type Watch } from './page-watch';
import { describeInBrowser, servePane } from './served-pane';

jest.setTimeout(180_000);

const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');
/** No-break and narrow no-break spaces read as spaces: the typographer puts them after «№» and between initials. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

describeInBrowser('test/e2e/document-preview.test.ts')('the preview of the first document in «Документы»', () => {
  let mailing: MadeDocument[] = [];
  const pane = servePane(async () => {
    mailing = await generated('mailing');
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  let context: BrowserContext;
  let page: Page;
  let watch: Watch;
  const aborted: string[] = [];
  const isLocal = (url: string): boolean => url.startsWith(`${pane.server.origin}/`) || /^(blob|data):/.test(url);

  beforeAll(async () => {
    context = await pane.browser.newContext({ locale: 'ru-RU', viewport: { width: 900, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      aborted.push(url);
      return route.abort('internetdisconnected');
    });
    watch = await watchContext(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('shows the first МОУО letter of the mailing in the page: the greeting by name and the number, as the CLI made it', async () => {
    const first = mailing[0];
    if (!first) throw new Error('kaskad generate mailing made nothing');
    const greeting = first.paragraphs.find((p) => p.startsWith('Уважаем'));
    const registration = first.paragraphs.find((p) => /№\s12865$/.test(plain(p)));
    // The sample's first МОУО (natural order) has one named head: the greeting names him.
    expect(greeting).toBe('Уважаемый Николай Викторович!');
    expect(registration && plain(registration)).toBe('07.12.2023 № 12865');

    await page.goto(`${pane.server.origin}/taskpane.html?view=documents`);
    await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
    await page.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(REGION_XLSX);
    await page.locator('[data-testid=template-select]').selectOption('mailing');
    await page
      .locator('[data-testid=documents-status]')
      .filter({ hasText: new RegExp(`^Готово: ${countOf(mailing.length, DOCUMENT_FORMS)} из ${mailing.length}$`) })
      .waitFor({ timeout: 60_000 });

    const toggle = page.locator('[data-testid=preview-toggle] summary');
    expect((await toggle.innerText()).trim()).toBe(`Посмотреть первый документ: «${first.fileName}»`);
    // docx-preview is not in the page until the preview is asked for.
    const previewChunk = (r: { url: string }) => /\/preview\.[^/]*\.js$/.test(r.url);
    expect(watch.requests.filter(previewChunk)).toEqual([]);
    const before = watch.requests.length;

    await toggle.click();
    const preview = page.locator('[data-testid=document-preview]');
    await preview.locator('.docx-wrapper section.docx').first().waitFor({ timeout: 30_000 });
    expect(await preview.getByRole('alert').count()).toBe(0);
    expect(await preview.getAttribute('aria-label')).toBe(`Просмотр «${first.fileName}»`);
    const shown = plain(await preview.innerText());
    expect(shown).toContain('Уважаемый Николай Викторович!');
    expect(shown).toContain('07.12.2023 № 12865');
    expect(shown).toContain('Начальнику Управления образования администрации Агаповского муниципального района');
    expect(shown).toContain('Приложение:');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-mailing-first.png'), fullPage: true });

    const during = watch.requests.slice(before);
    expect(during.filter(previewChunk).length).toBe(1);
    expect(during.filter((r) => !isLocal(r.url))).toEqual([]);
  });

  it('broke no CSP rule, logged no error and asked nothing off 127.0.0.1 but the office.js script', () => {
    expect(watch.cspViolations).toEqual([]);
    expect(unexpectedConsoleErrors(watch.consoleErrors)).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect([...new Set(aborted)]).toEqual([OFFICE_JS_CDN]);
    expect(watch.requests.filter((r) => !isLocal(r.url)).map((r) => r.url)).toEqual(aborted.map(() => OFFICE_JS_CDN));
    expect(watch.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
