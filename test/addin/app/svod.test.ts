import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkFile, type CheckedFile } from '../../../addin/app/use-checked-files';
import { collectSvod, svodWorkbookBytes } from '../../../addin/app/svod';
import { renderMonitoringReport, DOCX_MIME } from '../../../addin/app/documents';
import { docxParagraphs, fold } from '../../helpers/docx-paragraphs';
import { loadSampleDataset } from '../../helpers/sample-dataset';
import { ROOT, templateFile } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane's catalogue, as it loads dist/forms at start.
beforeAll(() => primePaneCatalogue());

const F1_DIR = join(ROOT, 'templates', 'forms', 'samples', 'F1');
const dataset = loadSampleDataset();
let cards: CheckedFile[];

beforeAll(async () => {
  const names = readdirSync(F1_DIR)
    .filter((n) => n.endsWith('.xlsx'))
    .sort();
  cards = [];
  for (const [i, name] of names.entries()) cards.push(await checkFile(i + 1, name, readFileSync(join(F1_DIR, name))));
});

describe('the svod of checked cards in the page (as `kaskad collect` makes it)', () => {
  it('has a row per municipality of the data (names resolved to codes) and reports the second card of one municipality', () => {
    const collected = collectSvod(cards, 'F1', { name: 'sample-region.xlsx', dataset })!;
    expect(collected.definition.id).toBe('F1');
    expect(collected.svod.rows.length).toBe(42);
    expect(collected.svod.rows.every((r) => dataset.municipalities.some((m) => m.id === r.municipalityId && m.name === r.municipality))).toBe(true);
    const missing = collected.svod.issues.filter((i) => i.code === 'COLLECT_MISSING');
    expect(missing.length).toBe(dataset.municipalities.length - 42);
    expect(new Set(collected.svod.rows.map((r) => r.municipalityId)).size).toBe(collected.svod.rows.length);
    const duplicate = collected.svod.issues.find((i) => i.code === 'COLLECT_DUPLICATE');
    // Of two cards of one municipality the later by «Дата заполнения» is taken, whatever the file order:
    // «F1-mo07-повторно» comes first by name but was filled earlier (10.01.2025) than «F1-mo07» (13.01.2025).
    const mo07 = collected.svod.rows.find((r) => r.file === 'F1-mo07.xlsx');
    expect(mo07).toBeDefined();
    expect(collected.svod.rows.some((r) => r.file === 'F1-mo07-повторно.xlsx')).toBe(false);
    expect(duplicate?.location).toEqual({ kind: 'file', file: 'F1-mo07-повторно.xlsx' });
    expect(duplicate?.message).toBe(
      `две карты муниципалитета «${mo07?.municipality}»: «F1-mo07.xlsx» и «F1-mo07-повторно.xlsx»; в свод взята «F1-mo07.xlsx» как более поздняя (по полю «Дата заполнения» в карте: 13.01.2025 позже 10.01.2025).`,
    );
  });

  it('puts cards of two versions of the form on a svod sheet each, with a warning per card, as `kaskad collect`', async () => {
    const [a, b] = cards.filter((c) => c.outcome.kind === 'form').slice(0, 2);
    if (a?.outcome.kind !== 'form' || b?.outcome.kind !== 'form') throw new Error('no F1 cards');
    const next = { ...b, outcome: { ...b.outcome, form: { ...b.outcome.form, version: 2025 } } };
    const collected = collectSvod([a, next], 'F1')!;
    expect(collected.versions.map((v) => [v.version, v.svod.rows.map((r) => r.file)])).toEqual([
      [2024, [a.name]],
      [2025, [b.name]],
    ]);
    expect(collected.svod.rows.map((r) => r.file)).toEqual([b.name]);
    expect(collected.svod.issues.map((i) => [i.code, i.severity, i.location, i.message])).toEqual([
      [
        'COLLECT_VERSION_SHEET',
        'warning',
        { kind: 'file', file: a.name },
        'карта формы F1 версии 2024; среди сводимых карт есть версии 2024, 2025, а карты разных версий считаются по разным методикам — эта карта сведена на лист «Свод 2024».',
      ],
      [
        'COLLECT_VERSION_SHEET',
        'warning',
        { kind: 'file', file: b.name },
        'карта формы F1 версии 2025; среди сводимых карт есть версии 2024, 2025, а карты разных версий считаются по разным методикам — эта карта сведена на лист «Свод 2025».',
      ],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await svodWorkbookBytes(collected)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Свод 2024', 'Свод 2025', 'Замечания']);
    const report = renderMonitoringReport(dataset, collected, new Uint8Array(readFileSync(templateFile('monitoring-report'))));
    expect(report.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'COLLECT_REPORT_NEWEST',
        `справка составлена по картам формы F1 версии 2025 — самой новой среди сводимых; карты других версий считаются по другой методике и в справку не вошли: «${a.name}» (2024). Их баллы — на своих листах свода.`,
      ],
    ]);
  });

  it('takes a card already checked against the same data workbook as it is, without checking it again', () => {
    const data = { name: 'sample-region.xlsx', dataset };
    const full = collectSvod(cards, 'F1', data)!;
    const first = full.svod.rows[0]!;
    // A stand-in outcome: were the card checked again, its real outcome would come back.
    const marked = cards.map((c) =>
      c.name === first.file ? { ...c, checkedWith: data.name, outcome: { kind: 'unreadable' as const, file: c.name, issues: [] } } : c,
    );
    const again = collectSvod(marked, 'F1', data)!;
    expect(again.svod.rows.map((r) => r.file)).not.toContain(first.file);
    expect(again.svod.rows).toHaveLength(full.svod.rows.length - 1);
    const otherData = collectSvod(marked, 'F1', { name: 'другая книга.xlsx', dataset })!;
    expect(otherData.svod.rows.map((r) => r.file)).toContain(first.file);
  });

  it('is not made of forms without scoring or of no cards', () => {
    expect(collectSvod(cards, 'F9')).toBeUndefined();
    expect(collectSvod([], 'F1')?.svod.rows).toEqual([]);
  });

  it('writes svod.xlsx with a row per municipality', async () => {
    const collected = collectSvod(cards, 'F1', { name: 'sample-region.xlsx', dataset })!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await svodWorkbookBytes(collected)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => texts.push(String(row.getCell(2).value ?? row.getCell(1).value ?? '')));
    const first = collected.svod.rows[0]!;
    expect(texts.join('\n')).toContain(first.municipality);
  });

  it("renders the справка with the municipalities, their levels and the data workbook's requisites", () => {
    const collected = collectSvod(cards, 'F1', { name: 'sample-region.xlsx', dataset })!;
    const report = renderMonitoringReport(dataset, collected, new Uint8Array(readFileSync(templateFile('monitoring-report'))));
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.file?.mime).toBe(DOCX_MIME);
    expect(report.file?.name).toBe('Справка по результатам мониторинга (F1, 2024).docx');
    const text = fold(docxParagraphs(report.file!.bytes).join('\n'));
    const row = collected.svod.rows[0]!;
    expect(text).toContain(row.municipality);
    expect(text).toContain(row.score.level!.title);
  });
});
