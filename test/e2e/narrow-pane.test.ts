/**
 * The pane as wide as Excel opens it (350 px): every view with its content in it — three cards
 * checked (the file table, the svod panel, the score card), a template's documents with the
 * preview open, the blanks, a finished distribution — and nowhere does the page scroll sideways
 * or an element stick out past the right edge (a wide table scrolls inside its own box).
 * Screenshots go to artifacts/e2e-narrow/ for a person to look at.
 *
 * Needs `npm run build:addin` and Chromium; without Chromium the tests are skipped with a warning,
 * unless CI is set: then they fail.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './chromium';
import { F1_SAMPLES, REGION_XLSX } from './cli-expectations';
import { describeInBrowser, servePane } from './served-pane';

jest.setTimeout(240_000);

const WIDTH = 350;
const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e-narrow');

interface Overflow {
  /** The page's own horizontal scroll width. */
  scrollWidth: number;
  /** Visible elements whose right edge passes the viewport, outside any box that scrolls or clips. */
  sticking: string[];
}

/** What sticks out of a `width`-px page: read in the page, after layout. */
async function overflowOf(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
      }
      return false;
    };
    const sticking: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 0.5 || clipped(el)) continue;
      const text = (el.textContent ?? '').trim().slice(0, 40);
      sticking.push(`<${el.tagName.toLowerCase()}> right ${Math.round(box.right)} «${text}»`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, sticking: sticking.slice(0, 10) };
  });
}

describeInBrowser('test/e2e/narrow-pane.test.ts')(`the pane at ${WIDTH} px`, () => {
  const pane = servePane(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await pane.browser.newContext({ locale: 'ru-RU', viewport: { width: WIDTH, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  const open = async (view: string) => {
    await page.goto(`${pane.server.origin}/taskpane.html?view=${view}`);
    await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
  };

  const expectFits = async (name: string) => {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    const overflow = await overflowOf(page);
    expect(overflow.sticking).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(WIDTH);
  };

  it('«Проверка» with three cards: the tabs, the file table, the svod and the score card fit', async () => {
    await open('check');
    await page
      .getByLabel('Открыть книгу Excel…', { exact: true })
      .setInputFiles(['F1-mo01.xlsx', 'F1-mo02.xlsx', 'F1-mo05.xlsx'].map((n) => path.join(F1_SAMPLES, n)));
    await page
      .getByTestId('check-status')
      .filter({ hasText: /^Проверено файлов: 3$/ })
      .waitFor({ timeout: 90_000 });
    await page.getByRole('table', { name: 'Проверенные файлы' }).waitFor();
    await expectFits('check-three-cards');
  });

  it('«Документы» with the data opened and the first document previewed', async () => {
    await open('documents');
    await page.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(REGION_XLSX);
    await page.locator('[data-testid=template-select]').selectOption('mailing');
    await page
      .locator('[data-testid=documents-status]')
      .filter({ hasText: /^Готово: / })
      .waitFor({ timeout: 90_000 });
    await page.locator('[data-testid=preview-toggle] summary').click();
    await page.locator('[data-testid=preview-toggle] .docx-wrapper section.docx').first().waitFor({ timeout: 60_000 });
    await expectFits('documents-preview');
  });

  it('«Бланки»', async () => {
    await open('blanks');
    await page.getByRole('button', { name: 'Скачать бланк', exact: true }).first().waitFor({ timeout: 20_000 });
    await expectFits('blanks');
  });

  it('«Распределение» with the plan made', async () => {
    await open('distribution');
    await page.getByLabel('Открыть книгу данных…', { exact: true }).setInputFiles(REGION_XLSX);
    await page.locator('[data-testid=distribution-plan]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=distribution-plan]').click();
    await page.locator('[data-testid=distribution-summary]').waitFor({ timeout: 120_000 });
    await expectFits('distribution');
  });
});
