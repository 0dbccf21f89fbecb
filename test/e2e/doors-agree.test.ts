/**
 * One engine behind every door: the task pane in a browser (real Chromium, dist/ served locally)
 * and `kaskad validate` / `kaskad collect` must say the same about every sample card (all forms
 * under templates/forms/samples) and the sample data workbook — the same findings (code,
 * severity, location, message), the same scores, and the same svod and справка, compared field
 * by field. The pane is driven as a user drives it: open all cards, click each one; open the
 * data workbook beside them (the cards are checked again against it), click each one again;
 * download the svod and the справка.
 *
 * Needs `npm run build:addin` (npm test builds first) and Chromium (see served-pane.ts).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { FormScore } from '../../core/forms/score';
import { formatNumber } from '../../core/format/numbers';
import { formatIssue, type Issue } from '../../core/issues';
import { docxParagraphs } from '../helpers/docx-paragraphs';
import { describeViolations, isSerious, runAxe } from './axe';
import { ROOT } from './chromium';
import { collectJson, REGION_XLSX, sampleCards, validateJson, type CliCollect, type CliFile } from './cli-doors';
import { describeInBrowser, servePane } from './served-pane';

jest.setTimeout(600_000);

const ARTIFACTS = path.join(ROOT, 'artifacts', 'e2e', 'doors');

/** A finding as both doors can state it; the pane groups findings by sheet, so lists are compared sorted. */
interface Finding {
  code: string;
  severity: string;
  location: unknown;
  message: string;
}

/** What the pane shows of one checked file. */
interface Shown {
  findings: Finding[];
  score?: { total: string; level?: string; sections: string[][]; flags: string[] };
}

const sorted = (findings: Finding[]): Finding[] => [...findings].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const asFinding = (i: Issue): Finding => ({ code: i.code, severity: i.severity, location: i.location, message: i.message });

/** The score card's text as ScoreCard renders a FormScore: the CLI's numbers, formatted. */
function expectedScore(score: FormScore): Shown['score'] {
  return {
    total: `Итого: ${formatNumber(score.total)} из ${formatNumber(score.max)}${score.percent !== null ? ` (${formatNumber(score.percent)} %)` : ''}`,
    level: score.level
      ? `Уровень: «${score.level.title}»${score.levelValue !== null ? `, показатель ${formatNumber(score.levelValue)} %` : ''}`
      : undefined,
    sections: score.sections.map((s) => [s.title, `${formatNumber(s.points)} из ${formatNumber(s.max)}`]),
    flags: score.flags.map((f) => `Красный флаг: ${f.message}`),
  };
}

const expectedShown = (file: CliFile): Shown => ({
  findings: sorted(file.issues.map(asFinding)),
  ...(file.kind === 'form' && file.score ? { score: expectedScore(file.score) } : {}),
});

async function shownFile(page: Page, name: string): Promise<Shown> {
  const region = page.getByRole('region', { name: `Проверка файла «${name}»` });
  await region.waitFor();
  const findings = await region.locator('li[data-testid=finding]').evaluateAll((items) =>
    items.map((li) => ({
      code: li.getAttribute('data-code') ?? '',
      severity: li.getAttribute('data-severity') ?? '',
      location: JSON.parse(li.getAttribute('data-location') ?? 'null') as unknown,
      message: li.querySelector('[data-testid=finding-message]')?.textContent ?? '',
    })),
  );
  const card = region.locator('[data-testid=score-card]');
  if ((await card.count()) === 0) return { findings: sorted(findings) };
  const level = card.locator('[data-testid=score-level]');
  return {
    findings: sorted(findings),
    score: {
      total: (await card.locator('[data-testid=score-total]').innerText()).trim(),
      level: (await level.count()) ? (await level.innerText()).trim() : undefined,
      sections: await card
        .locator('tr[data-testid=score-section]')
        .evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))),
      flags: await card.locator('ul[aria-label="Красные флаги"] li').allInnerTexts(),
    },
  };
}

/** Every cell value of every sheet, by sheet name. */
async function workbookValues(bytes: Uint8Array): Promise<Record<string, unknown[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return Object.fromEntries(workbook.worksheets.map((w) => [w.name, w.getSheetValues()]));
}

describeInBrowser('test/e2e/doors-agree.test.ts')('the pane in a browser and `kaskad validate`/`collect` agree on every sample', () => {
  const cards = sampleCards();
  let plain: CliFile[];
  let withData: CliFile[];
  let collected: CliCollect;
  const pane = servePane(async () => {
    plain = await validateJson([...cards, REGION_XLSX]);
    withData = await validateJson([...cards, REGION_XLSX], REGION_XLSX);
    collected = await collectJson([...cards, REGION_XLSX], REGION_XLSX);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  it('gives identical findings, scores, svod and справка for every card of F1, F2, F3, F7 and the data workbook', async () => {
    // What is compared: all four forms, the data workbook, findings on both sides.
    expect(new Set(plain.filter((f) => f.kind === 'form').map((f) => f.form?.id))).toEqual(new Set(['F1', 'F2', 'F3', 'F7']));
    expect(plain.map((f) => f.kind)).toEqual([...cards.map(() => 'form'), 'data']);
    expect(plain.filter((f) => f.issues.length > 0).length).toBeGreaterThan(0);
    expect(collected.form).toEqual({ id: 'F1', version: 2024 });
    expect(collected.code).toBe(1);
    expect(collected.issues.map((i) => i.code)).toContain('COLLECT_OTHER_FORM');

    const context = await pane.browser.newContext({ acceptDownloads: true, locale: 'ru-RU', viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${pane.server.origin}/taskpane.html`);
      await page.locator('#root[data-mode="browser"]').waitFor({ timeout: 30_000 });
      const status = page.locator('[data-testid=check-status][data-busy="false"]');
      const table = page.getByRole('table', { name: 'Проверенные файлы' });
      const picker = page.getByLabel('Открыть книгу Excel…', { exact: true });

      const compareAll = async (expected: readonly CliFile[]) => {
        const rows = await table
          .locator('tbody tr')
          // The first cell shows the card's municipality (the file is on hover and in data-file).
          .evaluateAll((trs) =>
            trs.map((tr) => [
              tr.getAttribute('data-file') ?? '',
              ...[...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent?.trim() ?? ''),
            ]),
          );
        expect(rows.map(([name, , errors, warnings, score]) => ({ name, errors: Number(errors), warnings: Number(warnings), score }))).toEqual(
          expected.map((f) => ({
            name: f.file,
            errors: f.issues.filter((i) => i.severity === 'error').length,
            warnings: f.issues.filter((i) => i.severity === 'warning').length,
            score: f.score ? `${formatNumber(f.score.total)} из ${formatNumber(f.score.max)}` : '',
          })),
        );
        const shown: Record<string, Shown> = {};
        for (const file of expected) {
          await table.locator(`tbody tr[data-file="${file.file}"] button`).first().click();
          shown[file.file] = await shownFile(page, file.file);
        }
        expect(shown).toEqual(Object.fromEntries(expected.map((f) => [f.file, expectedShown(f)])));
      };

      // Every card alone: `kaskad validate <cards>`; the count moves while they are read.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { kaskadStatusSeen: string[] }).kaskadStatusSeen = seen;
        const element = document.querySelector('[data-testid=check-status]');
        if (element)
          new MutationObserver(() => seen.push(`${element.getAttribute('data-busy')}|${element.textContent ?? ''}`)).observe(element, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
      });
      await picker.setInputFiles(cards);
      await status.filter({ hasText: new RegExp(`^Проверено файлов: ${cards.length}$`) }).waitFor({ timeout: 300_000 });
      const seen = await page.evaluate(() => (window as unknown as { kaskadStatusSeen: string[] }).kaskadStatusSeen);
      expect(seen).toContainEqual(expect.stringMatching(new RegExp(`^true\\|Проверено \\d+ из ${cards.length}…$`)));
      await compareAll(plain.slice(0, cards.length));
      await page.screenshot({ path: path.join(ARTIFACTS, '01-cards.png'), fullPage: true });

      // The data workbook beside them: its own findings as `kaskad validate sample-region.xlsx`, and
      // every card checked again against it as `kaskad validate --data sample-region.xlsx`.
      await picker.setInputFiles(REGION_XLSX);
      await status.filter({ hasText: new RegExp(`^Проверено файлов: ${cards.length + 1}$`) }).waitFor({ timeout: 300_000 });
      await compareAll([...withData.slice(0, cards.length), plain[cards.length]!]);
      expect(withData[cards.length]).toEqual(plain[cards.length]);
      await table.locator('tbody tr[data-file="F1-mo01.xlsx"] button').first().click();
      expect((await page.getByTestId('checked-with').innerText()).trim()).toBe(
        'Муниципалитеты, школы и люди сверены с книгой данных «sample-region.xlsx».',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, '02-cards-with-data.png'), fullPage: true });

      // The svod and the справка: `kaskad collect --data … --report …` over the same files (F1, the form of most).
      const panel = page.getByTestId('svod-panel');
      const [svodDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Скачать свод (.xlsx)' }).click()]);
      const svodBytes = readFileSync((await svodDownload.path())!);
      expect(await workbookValues(svodBytes)).toEqual(await workbookValues(collected.svod));
      const svodIssues = collected.issues.filter((i) => i.code.startsWith('COLLECT_'));
      expect(await panel.getByRole('list', { name: 'Замечания свода' }).locator('li').allInnerTexts()).toEqual(svodIssues.map(formatIssue));
      const [reportDownload] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Скачать справку (.docx)' }).click(),
      ]);
      expect(reportDownload.suggestedFilename()).toBe('Справка по результатам мониторинга (F1, 2024).docx');
      expect(docxParagraphs(readFileSync((await reportDownload.path())!))).toEqual(docxParagraphs(collected.report));
      await page.screenshot({ path: path.join(ARTIFACTS, '03-svod.png'), fullPage: true });
      const serious = (await runAxe(page)).filter(isSerious);
      if (serious.length) throw new Error(`axe on every sample with the svod:\n${describeViolations(serious)}`);
    } finally {
      await context.close();
    }
  });
});
