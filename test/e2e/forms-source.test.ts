/**
 * Acceptance (issue 8): the files a methodologist edits are what the pane checks by. The build
 * copies templates/forms into dist/forms/ with an index; the page compiles them at start. A
 * methodologist's edited F1 definition (test/helpers/edited-f1.ts) then applies in the page both
 * when it is opened beside a card and when it replaces dist/forms/F1-2024.xlsx on the server —
 * with the findings, cells and score `kaskad validate --forms` gives.
 *
 * Needs `npm run build:addin` and Chromium (skipped with a warning without it, unless CI is set).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { buildBlankForm } from '../../core/forms/blank-form';
import { pickDefinition } from '../../core/forms/catalogue';
import { formatNumber } from '../../core/format/numbers';
import { loadDefinitions } from '../../generator/forms/load-definitions';
import { validateFiles, type FileOutcome } from '../../generator/forms/validate-files';
import { GOOD_F1 } from '../core/forms/helpers';
import { fillCard } from '../core/forms/workbook-helpers';
import { NEW_FIELD, writeEditedF1 } from '../helpers/edited-f1';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium, ROOT } from './chromium';
import { snapshotDist } from './dist-files';
import { startStaticServer, type StaticServer } from './static-server';

jest.setTimeout(180_000);

const IN_CI = Boolean(process.env.CI);
const HAVE_CHROMIUM = chromiumInstalled();
if (!HAVE_CHROMIUM && !IN_CI)
  console.warn(`SKIPPED test/e2e/forms-source.test.ts: no Chromium at ${CHROMIUM_PATH}. With CI set these tests fail instead.`);
const describeInBrowser = HAVE_CHROMIUM || IN_CI ? describe : describe.skip;
const FORMS = path.join(ROOT, 'templates', 'forms');

/** Findings as «CODE@ADDRESS», as the page marks them. */
async function shownFindings(page: Page): Promise<string[]> {
  return page
    .locator('li[data-testid=finding]')
    .evaluateAll((items) => items.map((li) => `${li.getAttribute('data-code') ?? ''}@${li.getAttribute('data-address') ?? ''}`));
}

type FormOutcome = Extract<FileOutcome, { kind: 'form' }>;
function asForm(o: FileOutcome): FormOutcome {
  if (o.kind !== 'form') throw new Error(`${o.file} was not checked as a form card: ${o.kind}`);
  return o;
}
const cellFindings = (o: FileOutcome): string[] => o.issues.map((i) => `${i.code}@${i.location.kind === 'cell' ? i.location.address : ''}`);

describeInBrowser('the pane checks by the definition files (dist/forms, or one opened beside a card)', () => {
  let work: string;
  let dist: { root: string; remove(): void } | undefined;
  let server: StaticServer;
  let browser: Browser;
  let editedForms: string;
  let card: string;
  let byEdited: FormOutcome;
  let byShipped: FormOutcome;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error('no Chromium; CI is set, so the e2e tests fail rather than skip');
    work = mkdtempSync(path.join(tmpdir(), 'kaskad-forms-source-'));
    editedForms = path.join(work, 'forms');
    await writeEditedF1(editedForms);
    // A card filled on the edited form's blank: 85 % trained (the new constraint wants 90), row 2.7 empty.
    const edited = await loadDefinitions(editedForms);
    const def = pickDefinition(edited.definitions, 'F1');
    if (!def) throw new Error('the edited F1 did not compile');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildBlankForm(def)) as unknown as ArrayBuffer);
    fillCard(wb.getWorksheet('Карта мониторинга')!, GOOD_F1);
    card = path.join(work, 'Кыштым F1.xlsx');
    writeFileSync(card, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    byEdited = asForm((await validateFiles([card], { definitions: edited.definitions }))[0]!);
    byShipped = asForm((await validateFiles([card], { definitions: (await loadDefinitions()).definitions }))[0]!);
    dist = await snapshotDist();
    [server, browser] = await Promise.all([startStaticServer(dist.root), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dist?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Opens the page, gives it the files in one choice, and shows the card's check. */
  async function checkInPage(files: string[]): Promise<{ page: Page; findings: string[]; score: string }> {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
    await page.getByLabel('Открыть книгу Excel…', { exact: true }).setInputFiles(files);
    await page
      .locator('[data-testid=check-status][data-busy="false"]')
      .filter({ hasText: new RegExp(`^Проверено файлов: ${files.length}$`) })
      .waitFor({ timeout: 60_000 });
    const name = path.basename(card);
    if (files.length > 1) {
      await page.getByRole('table', { name: 'Проверенные файлы' }).locator(`tbody tr[data-file="${name}"] button`).first().click();
      await page.getByRole('region', { name: `Проверка файла «${name}»` }).waitFor();
    }
    return { page, findings: await shownFindings(page), score: await page.locator('[data-testid=score-card]').innerText() };
  }

  it("dist/forms holds templates/forms' definition files as they are, listed in forms/index.json", () => {
    const expected = readdirSync(FORMS)
      .filter((f) => /\.(xlsx|json)$/.test(f))
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['F1-2024.xlsx', 'F1-2024.json', 'F7-2024.xlsx']));
    const index = JSON.parse(readFileSync(path.join(dist!.root, 'forms', 'index.json'), 'utf8')) as { files: string[] };
    expect(index.files).toEqual(expected);
    for (const f of expected) expect(readFileSync(path.join(dist!.root, 'forms', f)).equals(readFileSync(path.join(FORMS, f)))).toBe(true);
    expect(readdirSync(path.join(dist!.root, 'forms')).some((f) => f === 'samples' || f === 'blank')).toBe(false);
  });

  it('the CLI finds the edited rules on the card: the new constraint at 2.3, the new field 2.7 unanswered, the new band', () => {
    expect(byEdited.issues.map((i) => i.code)).toEqual(['FORM_CONSTRAINT', 'FORM_REQUIRED']);
    expect(byShipped.issues).toEqual([]);
    expect(byEdited.score?.explanations.find((e) => e.field === 'events')?.points).toBe(1);
    expect(byEdited.score?.explanations.some((e) => e.field === NEW_FIELD.id)).toBe(true);
  });

  it('by the shipped catalogue the page finds what `kaskad validate` finds with templates/forms: nothing', async () => {
    const { page, findings, score } = await checkInPage([card]);
    expect(findings).toEqual(cellFindings(byShipped));
    expect(score).toContain(`Итого: ${formatNumber(byShipped.score!.total)} из ${formatNumber(byShipped.score!.max)}`);
    await page.close();
  });

  it('with the edited definition opened beside the card, the page checks and scores by it, as `kaskad validate --forms`', async () => {
    const { page, findings, score } = await checkInPage([path.join(editedForms, 'F1-2024.xlsx'), card]);
    expect(findings).toEqual(cellFindings(byEdited));
    expect(findings).toHaveLength(2);
    expect(score).toContain(`Итого: ${formatNumber(byEdited.score!.total)} из ${formatNumber(byEdited.score!.max)}`);
    const table = page.getByRole('table', { name: 'Проверенные файлы' });
    expect(await table.innerText()).toContain('определение F1 (2024)');
    await page.close();
  });

  it("with the edited definition copied over dist/forms/F1-2024.xlsx (the server's copy), the page uses it at start", async () => {
    copyFileSync(path.join(editedForms, 'F1-2024.xlsx'), path.join(dist!.root, 'forms', 'F1-2024.xlsx'));
    const { page, findings, score } = await checkInPage([card]);
    expect(findings).toEqual(cellFindings(byEdited));
    expect(score).toContain(`Итого: ${formatNumber(byEdited.score!.total)} из ${formatNumber(byEdited.score!.max)}`);
    await page.close();
  });

  it('a broken definition in dist/forms is listed on «Бланки» with its cell; the other forms still load', async () => {
    const f3 = new ExcelJS.Workbook();
    await f3.xlsx.load(readFileSync(path.join(FORMS, 'F3-2024.xlsx')) as unknown as ArrayBuffer);
    f3.getWorksheet('Проверки')!.getCell('B2').value = 'сравненье';
    writeFileSync(path.join(dist!.root, 'forms', 'F3-2024.xlsx'), new Uint8Array((await f3.xlsx.writeBuffer()) as ArrayBuffer));
    const page = await browser.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Бланки' }).click();
    const problems = page.getByTestId('catalogue-issues');
    await problems.waitFor({ timeout: 30_000 });
    expect(await problems.innerText()).toContain(
      'Файл «F3-2024.xlsx», лист «Проверки», ячейка B2: в столбце «Вид» введено «сравненье», а допустимо: «сравнение»',
    );
    // F3 still comes from F3-2024.json (the same form and version), so every form keeps its blank.
    expect(await page.getByRole('button', { name: 'Скачать бланк', exact: true }).count()).toBe(4);
    await page.close();
  });
});
