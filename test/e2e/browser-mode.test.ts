/**
 * The task pane as a plain page in headless Chromium («в браузере»: no Excel, office.js
 * unreachable), served from dist/ by a local server, driven the way a user drives it:
 * check a card, see the cell, download the annotated workbook, make documents, download a blank.
 * The findings and documents must be the CLI's (every sample card, the data workbook and the
 * svod are compared field by field in doors-agree.test.ts).
 *
 * The whole flow runs twice: with the network open, and with every request that does not go to
 * 127.0.0.1 aborted (office.js from Microsoft's CDN included). Either way the page may ask the
 * network for nothing but its own files and the office.js <script> (with, online, the scripts
 * office.js takes from its own CDN folder), only with GET, and must break no rule of its
 * Content-Security-Policy. Screenshots and downloads: artifacts/e2e/<network>-….
 *
 * Needs `npm run build:addin` (npm test builds first) and Chromium at /usr/bin/chromium; without
 * Chromium the tests are skipped with a warning, unless CI is set: then they fail.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { countOf, DOCUMENT_FORMS, formatNumber } from '../../core/format/numbers';
import { docxParagraphs } from '../helpers/docx-paragraphs';
import { describeViolations, isSerious, runAxe } from './axe';
import { ROOT } from './chromium';
import {
  cellFindings,
  cliExpectations,
  F1_WITH_ERROR,
  f1Cards,
  REGION_XLSX,
  sheetNames,
  type CliExpectations,
  type ValidatedCard,
} from './cli-expectations';
import { foreignRequests, OFFICE_JS_CDN, unexpectedConsoleErrors, watchContext, type Watch } from './page-watch';
import { describeInBrowser, servePane } from './served-pane';

jest.setTimeout(180_000);

const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e');

const PANE_TEMPLATE_IDS = ['letter', 'letter-schedule', 'seminar-letter', 'order', 'roadmap', 'mailing', 'tech-card'];
const FINDINGS_SHEET = 'Замечания Каскада';
const CARD_SHEET = 'Карта мониторинга';
/** Order № 04/335 of the sample region: «/» is not allowed in a file name. */
const ORDER_FILE = /^Приказ № 04-335 от \d\d\.\d\d\.\d{4}\.docx$/;
const LETTER_SUBJECT = 'О методическом обеспечении мероприятий по повышению качества образования в школах с низкими результатами обучения';

interface Network {
  name: string;
  /** File-name prefix of the screenshots. */
  tag: string;
  blocked: boolean;
}

const NETWORKS: Network[] = [
  { name: 'network open', tag: 'open', blocked: false },
  { name: 'network blocked but for 127.0.0.1', tag: 'blocked', blocked: true },
];

interface Downloaded {
  name: string;
  bytes: Buffer;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const zipEntries = (bytes: Uint8Array): string[] => Object.keys(new PizZip(bytes).files).sort();
const isLocalUrl = (url: string): boolean => /^(blob:|data:)/.test(url) || ['127.0.0.1', 'localhost'].includes(new URL(url).hostname);

/** Clicks and returns what the page downloaded, kept beside the screenshots. */
async function download(page: Page, folder: string, click: () => Promise<void>): Promise<Downloaded> {
  const [started] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const name = started.suggestedFilename();
  const target = path.join(folder, name);
  await started.saveAs(target);
  const failure = await started.failure();
  if (failure) throw new Error(`download of «${name}» failed: ${failure}`);
  return { name, bytes: readFileSync(target) };
}

/** Waits until the locator has an element whose whole text matches. */
async function waitForText(locator: Locator, text: RegExp, timeout = 30_000): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string): RegExp => new RegExp(`^${escapeRegExp(text)}$`);

/** What a check shows for one card: findings as «CODE@ADDRESS», and the counts line. */
async function shownFindings(page: Page): Promise<{ findings: string[]; counts: string }> {
  const findings = await page
    .locator('li[data-testid=finding]')
    .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-code') ?? ''}@${li.getAttribute('data-address') ?? ''}`));
  return { findings, counts: (await page.locator('[data-testid=check-counts]').innerText()).trim() };
}

function expectedCounts(card: ValidatedCard): string {
  if (card.errors === 0 && card.warnings === 0) return 'Замечаний нет';
  const parts: string[] = [];
  if (card.errors > 0) parts.push(countOf(card.errors, { one: 'ошибка', few: 'ошибки', many: 'ошибок' }));
  if (card.warnings > 0) parts.push(countOf(card.warnings, { one: 'предупреждение', few: 'предупреждения', many: 'предупреждений' }));
  return parts.join(', ');
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | { texts?: Array<{ text: string }> } | undefined;
  if (typeof note === 'string') return note;
  return note?.texts?.map((t) => t.text).join('') ?? '';
}

describeInBrowser('test/e2e/browser-mode.test.ts')('the task pane in a browser (browser mode)', () => {
  let cli: CliExpectations;
  const pane = servePane(async () => {
    cli = await cliExpectations();
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  const card = (name: string): ValidatedCard => {
    const found = cli.cards.find((c) => c.name === name);
    if (!found) throw new Error(`the CLI did not check ${name}`);
    return found;
  };

  describe.each(NETWORKS)('$name', ({ tag, blocked }) => {
    let context: BrowserContext;
    let page: Page;
    /** The page opened with ?view=documents. */
    let second: Page;
    let watch: Watch;
    let shots = 0;
    const aborted = new Set<string>();
    const downloads = path.join(ARTIFACTS, `${tag}-downloads`);
    const pageUrl = (query = '') => `${pane.server.origin}/taskpane.html${query}`;
    const shot = (p: Page, name: string) =>
      p.screenshot({ path: path.join(ARTIFACTS, `${tag}-${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true });
    const checkStatus = (p: Page) => p.locator('[data-testid=check-status][data-busy="false"]');
    const documentsStatus = (p: Page) => p.locator('[data-testid=documents-status]');

    beforeAll(async () => {
      if (!pane.browser) throw new Error('no browser: see the error of the outer beforeAll');
      rmSync(downloads, { recursive: true, force: true });
      mkdirSync(downloads, { recursive: true });
      context = await pane.browser.newContext({ acceptDownloads: true, locale: 'ru-RU', viewport: { width: 900, height: 900 } });
      if (blocked) {
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (isLocalUrl(url)) return route.continue();
          aborted.add(url);
          return route.abort('internetdisconnected');
        });
      }
      watch = await watchContext(context);
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('starts in browser mode with the tabs «Проверка», «Документы», «Бланки», «Распределение»', async () => {
      await page.goto(pageUrl());
      await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
      expect((await page.locator('[data-testid=pane-mode]').innerText()).trim()).toBe('в браузере');
      expect(await page.getByRole('tab').allInnerTexts()).toEqual(['Проверка', 'Документы', 'Бланки', 'Распределение']);
      expect(await page.getByRole('tab', { name: 'Проверка' }).getAttribute('aria-selected')).toBe('true');
      const input = page.getByLabel('Открыть книгу Excel…', { exact: true });
      expect(await input.evaluate((el) => el instanceof HTMLInputElement && el.type === 'file' && el.multiple && !el.disabled)).toBe(true);
      expect(await input.getAttribute('accept')).toContain('.xlsx');
      await shot(page, 'started');
    });

    it("checks F1-mo05.xlsx: FORM_NOT_PERCENT at «Карта мониторинга»!C20 in Russian, and the CLI's score", async () => {
      const expected = card('F1-mo05.xlsx');
      const issue = expected.issues[0];
      expect(cellFindings(expected.issues)).toEqual(['FORM_NOT_PERCENT@C20']);

      await page.getByLabel('Открыть книгу Excel…', { exact: true }).setInputFiles(F1_WITH_ERROR);
      await waitForText(checkStatus(page), /^Проверено файлов: 1$/);

      expect(await shownFindings(page)).toEqual({ findings: ['FORM_NOT_PERCENT@C20'], counts: expectedCounts(expected) });
      expect(expectedCounts(expected)).toBe('1\u00a0ошибка');
      const finding = page.locator('li[data-testid=finding][data-code="FORM_NOT_PERCENT"][data-address="C20"]');
      const message = await finding.locator('button').innerText();
      expect(message).toContain('доля должна быть от 0 до 100 %, введено «120»');
      expect(message).toContain(issue?.message ?? '(the CLI found no issue)');
      expect(await finding.evaluate((li) => li.closest('section')?.querySelector('h1, h2, h3, h4')?.textContent ?? '')).toBe(`Лист «${CARD_SHEET}»`);

      const score = expected.score;
      if (!score?.level || score.percent === null) throw new Error('the CLI gave F1-mo05.xlsx no score or level');
      const scoreCard = page.locator('[data-testid=score-card]');
      expect(await scoreCard.getAttribute('aria-label')).toBe('Баллы');
      const scoreText = await scoreCard.innerText();
      expect(scoreText).toContain(`Итого: ${formatNumber(score.total)} из ${formatNumber(score.max)} (${formatNumber(score.percent)} %)`);
      expect(scoreText).toContain(`Уровень: «${score.level.title}»`);
      for (const section of score.sections) {
        expect(scoreText).toMatch(
          new RegExp(`${escapeRegExp(section.title)}\\s+${escapeRegExp(`${formatNumber(section.points)} из ${formatNumber(section.max)}`)}`),
        );
      }
      for (const flag of score.flags) expect(scoreText).toContain(`Красный флаг: ${flag.message}`);
      await shot(page, 'checked-F1-mo05');
    });

    it('shows the card around C20 and focuses C20 when the finding is clicked', async () => {
      await page.locator('li[data-testid=finding][data-address="C20"] button').click();
      const preview = page.locator('[data-testid=sheet-preview]');
      await preview.waitFor();
      expect(await preview.locator('table').count()).toBe(1);
      expect((await preview.locator('td[data-address="C20"]').innerText()).trim()).toBe('120');
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        return {
          tag: active?.tagName,
          address: active?.getAttribute('data-address'),
          inPreview: Boolean(active?.closest('[data-testid=sheet-preview]')),
        };
      });
      expect(focused).toEqual({ tag: 'TD', address: 'C20', inPreview: true });
      await shot(page, 'finding-C20-shown');
    });

    it('has no serious or critical accessibility violation with the findings and the cell shown', async () => {
      const serious = (await runAxe(page)).filter(isSerious);
      if (serious.length) throw new Error(`axe on «Проверка»:\n${describeViolations(serious)}`);
    });

    it('downloads «F1-mo05 — замечания.xlsx» with C20 marked and the sheet «Замечания Каскада»', async () => {
      const file = await download(page, downloads, () => page.getByRole('button', { name: 'Скачать книгу с замечаниями' }).click());
      expect(file.name).toBe('F1-mo05 — замечания.xlsx');
      expect(zipEntries(file.bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([CARD_SHEET, FINDINGS_SHEET]));
      const findings = workbook.getWorksheet(FINDINGS_SHEET);
      const rows = (findings?.getSheetValues() ?? []).slice(2).filter(Boolean) as unknown[][];
      expect(rows.map((r) => r[5])).toEqual(['FORM_NOT_PERCENT']);
      expect(String(rows[0]?.[2])).toContain('C20');
      expect(rows[0]?.[4]).toBe('ошибка');
      const c20 = workbook.getWorksheet(CARD_SHEET)?.getCell('C20');
      if (!c20) throw new Error(`no sheet «${CARD_SHEET}» in the download`);
      expect(noteText(c20)).toContain('доля должна быть от 0 до 100 %, введено «120»');
      expect((c20.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFC7CE');
      await shot(page, 'annotated-downloaded');
    });

    it('makes the per-municipality mailing from sample-region.xlsx as one .zip, the same documents as `kaskad generate mailing`', async () => {
      const tab = page.getByRole('tab', { name: 'Документы' });
      await tab.click();
      expect(await tab.getAttribute('aria-selected')).toBe('true');
      await page.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(REGION_XLSX);
      await waitForText(page.locator('[data-testid=data-source]'), /sample-region\.xlsx/);

      const select = page.locator('[data-testid=template-select]');
      expect(await select.evaluate((el) => el.tagName)).toBe('SELECT');
      expect(await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(PANE_TEMPLATE_IDS);
      await select.selectOption('mailing');
      const mailing = cli.documents.mailing;
      await waitForText(documentsStatus(page), exactly(`Готово: ${countOf(mailing.length, DOCUMENT_FORMS)} из ${mailing.length}`));
      const planned = await page.locator('li[data-testid=planned-document]').allInnerTexts();
      expect(planned.map((text) => text.split('\n')[0]?.trim())).toEqual(mailing.map((d) => d.fileName));
      await shot(page, 'documents-mailing');

      const zip = await download(page, downloads, () => page.locator('[data-testid=save-all]').click());
      expect(zip.name).toMatch(/\.zip$/);
      expect(zipEntries(zip.bytes)).toEqual(mailing.map((d) => d.fileName).sort());
      const first = mailing[0];
      if (!first) throw new Error('the CLI made no mailing');
      const inZip = new PizZip(zip.bytes).file(first.fileName)?.asUint8Array();
      expect(docxParagraphs(inZip ?? new Uint8Array())).toEqual(first.paragraphs);

      const one = await download(page, downloads, () => page.getByRole('button', { name: `Скачать «${first.fileName}»`, exact: true }).click());
      expect(one.name).toBe(first.fileName);
      expect(zipEntries(one.bytes)).toContain('word/document.xml');
      expect(docxParagraphs(one.bytes)).toEqual(first.paragraphs);
      const municipality = /— (.+)\.docx$/.exec(first.fileName)?.[1] ?? '(no municipality in the name)';
      expect(docxParagraphs(one.bytes).join('\n')).toContain(municipality);
    });

    it('makes letter № 5112 as one .docx with the text of `kaskad generate letter`', async () => {
      await page.locator('[data-testid=template-select]').selectOption('letter');
      const [letter] = cli.documents.letter;
      if (!letter || cli.documents.letter.length !== 1) throw new Error('the CLI should make exactly one letter');
      await waitForText(documentsStatus(page), exactly(`Готово: ${countOf(1, DOCUMENT_FORMS)} из 1`));
      expect((await page.locator('li[data-testid=planned-document]').allInnerTexts()).map((t) => t.split('\n')[0]?.trim())).toEqual([
        letter.fileName,
      ]);
      await shot(page, 'documents-letter');

      const file = await download(page, downloads, () => page.locator('[data-testid=save-all]').click());
      expect(file.name).toBe(letter.fileName);
      expect(zipEntries(file.bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
      const paragraphs = docxParagraphs(file.bytes);
      expect(paragraphs).toEqual(letter.paragraphs);
      const text = paragraphs.join('\n');
      expect(text).toContain(LETTER_SUBJECT);
      expect(text).toContain('5112');
      expect(text).toContain('Уважаемые коллеги!');
    });

    it('has no serious or critical accessibility violation on «Документы»', async () => {
      const serious = (await runAxe(page)).filter(isSerious);
      if (serious.length) throw new Error(`axe on «Документы»:\n${describeViolations(serious)}`);
    });

    it('downloads the F1 blank as an .xlsx with the sheets of `kaskad blank F1`', async () => {
      await page.getByRole('tab', { name: 'Бланки' }).click();
      const buttons = page.getByRole('button', { name: 'Скачать бланк', exact: true });
      expect(await buttons.count()).toBeGreaterThanOrEqual(4);
      await shot(page, 'blanks');
      const blank = await download(page, downloads, () => buttons.first().click());
      expect(zipEntries(blank.bytes)).toContain('xl/workbook.xml');
      expect(await sheetNames(blank.bytes)).toEqual(cli.blankSheets);
      // The name says what the file is: the form, then «— бланк» (not cut off by the length limit).
      expect(blank.name).toMatch(/^Карта мониторинга.* — бланк\.xlsx$/);
    });

    it('opens «Документы» first with ?view=documents', async () => {
      second = await context.newPage();
      // The first fetch of roadmap.docx answers late (used by the next test).
      await second.route('**/templates/roadmap.docx', async (route) => {
        await sleep(1500);
        await route.continue();
      });
      await second.goto(pageUrl('?view=documents'));
      await second.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
      expect(await second.getByRole('tab', { name: 'Документы' }).getAttribute('aria-selected')).toBe('true');
      await second.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(REGION_XLSX);
      await waitForText(documentsStatus(second), /^Готово: /);
      expect(await second.locator('[data-testid=template-select]').inputValue()).toBe('letter');
    });

    it('shows and saves the template picked last, even when the one picked before it loads slower', async () => {
      const select = second.locator('[data-testid=template-select]');
      await select.selectOption('roadmap');
      await select.selectOption('order');
      await waitForText(second.locator('li[data-testid=planned-document]'), /^Приказ № 04-335 от /);
      await sleep(2500); // roadmap.docx has arrived by now
      expect(await select.inputValue()).toBe('order');
      const planned = await second.locator('li[data-testid=planned-document]').allInnerTexts();
      await shot(second, 'documents-last-pick-wins');
      expect(planned.map((t) => t.split('\n')[0]?.trim())).toEqual([expect.stringMatching(ORDER_FILE)]);
      const saved = await download(second, downloads, () => second.locator('[data-testid=save-all]').click());
      expect(saved.name).toMatch(ORDER_FILE);
    });

    it('the file list: a file opened again replaces the one of the same name, «только с ошибками» filters, a row is removed, «Очистить» empties it; all annotated workbooks as one .zip', async () => {
      const fourth = await context.newPage();
      try {
        await fourth.goto(pageUrl());
        await fourth.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
        const picker = fourth.getByLabel('Открыть книгу Excel…', { exact: true });
        const names = ['F1-mo01.xlsx', 'F1-mo02.xlsx', 'F1-mo05.xlsx'];
        const three = names.map((n) => f1Cards().find((c) => c.endsWith(n))!);
        await picker.setInputFiles(three);
        await waitForText(checkStatus(fourth), /^Проверено файлов: 3$/, 60_000);
        await picker.setInputFiles([three[2]!]);
        await waitForText(fourth.getByTestId('check-note'), /^Файл «F1-mo05\.xlsx» открыт снова и заменил прежний с тем же именем\.$/);
        await waitForText(checkStatus(fourth), /^Проверено файлов: 3$/);
        const table = fourth.getByRole('table', { name: 'Проверенные файлы' });
        const files = async () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-file')));
        expect(await files()).toEqual(names);

        const filesBecome = async (expected: string[]) => {
          for (let i = 0; i < 50 && JSON.stringify(await files()) !== JSON.stringify(expected); i++) await sleep(100);
          expect(await files()).toEqual(expected);
        };
        const withErrors = names.filter((n) => card(n).errors > 0);
        expect(withErrors.length).toBeGreaterThan(0);
        expect(withErrors.length).toBeLessThan(names.length);
        await fourth.getByRole('checkbox', { name: 'только с ошибками' }).check();
        await filesBecome(withErrors);
        await fourth.getByRole('checkbox', { name: 'только с ошибками' }).uncheck();
        await filesBecome(names);

        const zip = await download(fourth, downloads, () => fourth.getByRole('button', { name: 'Скачать все книги с замечаниями' }).click());
        expect(zip.name).toBe('Книги с замечаниями.zip');
        const inZip = zipEntries(zip.bytes);
        expect(inZip).toEqual(
          names
            .filter((n) => card(n).errors + card(n).warnings > 0)
            .map((n) => n.replace(/\.xlsx$/, ' — замечания.xlsx'))
            .sort(),
        );
        await waitForText(
          fourth.getByTestId('check-note'),
          new RegExp(`^Скачан архив «Книги с замечаниями\\.zip»: ${inZip.length}\u00a0книг[аи]? с замечаниями\\.$`),
        );
        const annotated = new ExcelJS.Workbook();
        await annotated.xlsx.load(new PizZip(zip.bytes).file('F1-mo05 — замечания.xlsx')!.asUint8Array() as unknown as ArrayBuffer);
        expect((annotated.getWorksheet(CARD_SHEET)!.getCell('C20').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFC7CE');

        await fourth.getByRole('button', { name: 'Убрать файл «F1-mo02.xlsx» из списка' }).click();
        await waitForText(fourth.getByTestId('check-note'), /^Файл «F1-mo02\.xlsx» убран из списка\.$/);
        await filesBecome(['F1-mo01.xlsx', 'F1-mo05.xlsx']);
        await shot(fourth, 'file-list-removed');

        await fourth.getByRole('button', { name: 'Очистить' }).click();
        await waitForText(fourth.getByTestId('check-note'), /^Список файлов очищен\.$/);
        expect(await fourth.getByRole('table', { name: 'Проверенные файлы' }).count()).toBe(0);
        await shot(fourth, 'file-list-cleared');
      } finally {
        await fourth.close();
      }
    });

    it('asked the network for nothing but its own files and the office.js script, only with GET, and broke no CSP rule', async () => {
      const foreign = foreignRequests(watch.requests, pane.server.origin);
      expect(foreign).toEqual([]);
      expect(watch.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(watch.requests.filter((r) => r.url === OFFICE_JS_CDN).length).toBeGreaterThan(0);
      if (blocked) expect([...aborted]).toEqual([OFFICE_JS_CDN]);
      expect(watch.cspViolations).toEqual([]);
      expect(unexpectedConsoleErrors(watch.consoleErrors)).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(pane.server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(pane.server.requests.filter((r) => r.status !== 200)).toEqual([]);
    });
  });
});
