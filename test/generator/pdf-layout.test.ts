import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import PizZip from 'pizzip';
import { runDemo, type DemoResult } from '../../generator/demo';
import { mkdirSync, readdirSync } from 'node:fs';
import { generate } from '../../generator/generate';
import { convertToPdf, findSoffice } from '../../generator/io/pdf';
import { headerWords } from '../helpers/document-lint';

/** LibreOffice is installed by .ci/run: in CI this suite must run, never skip. */
const soffice = findSoffice();
const suite = soffice || process.env.CI ? describe : describe.skip;

suite('каждый документ примера открывается в LibreOffice и сохраняется в PDF', () => {
  let out: string;
  let demo: DemoResult;
  let docx: string[];
  let pdfs: string[];

  beforeAll(async () => {
    expect(soffice).toBeDefined();
    out = mkdtempSync(path.join(tmpdir(), 'kaskad-pdf-'));
    demo = await runDemo(out);
    docx = demo.steps.flatMap((s) => s.result.made).filter((f) => f.endsWith('.docx'));
    const pdfDir = path.join(out, 'pdf');
    const converted = await convertToPdf(docx, pdfDir, { chunkSize: 30 });
    expect(converted.issues).toEqual([]);
    pdfs = converted.made;
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  const pdfOf = (docxName: string) => pdfs.find((p) => path.basename(p, '.pdf') === path.basename(docxName, '.docx'));

  test('все .docx стали PDF', () => {
    expect(docx.length).toBeGreaterThanOrEqual(54);
    expect(pdfs).toHaveLength(docx.length);
  });

  test('письмо № 5112 помещается на одну страницу, его текст в PDF', () => {
    const pdf = pdfOf('Письмо № 5112 от 31.05.2022.docx')!;
    expect(pages(pdf)).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Уважаемые коллеги!');
    expect(text).toContain('Е.А. Коузова');
  });

  test('приказ с приложениями многостраничный, номера страниц со второй', () => {
    const pdf = pdfOf('Приказ № 04-335 от 08.02.2024.docx')!;
    const n = pages(pdf);
    expect(n).toBeGreaterThan(2);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(first.trim().startsWith('МИНИСТЕРСТВО')).toBe(true);
    expect(second.trim().startsWith('2')).toBe(true);
  });

  test('шрифт — Times New Roman (в LibreOffice метрически равный Liberation Serif)', () => {
    const fonts = execFileSync('pdffonts', [pdfOf('Письмо № 5112 от 31.05.2022.docx')!], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSerif|TimesNewRoman/);
  });

  test('поля и кегль по ГОСТ Р 7.0.97: слева 20, справа 10, сверху и снизу 20 мм; текст 14 пт; абзацный отступ 1,25 см', () => {
    const zip = new PizZip(readFileSync(docx.find((f) => f.includes('5112'))!));
    const document = zip.file('word/document.xml')!.asText();
    const margin = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    const mm = (t: number) => Math.round((t / 1440) * 25.4);
    expect([mm(twips('left')), mm(twips('right')), mm(twips('top')), mm(twips('bottom'))]).toEqual([20, 10, 20, 20]);
    expect(document).toContain('w:firstLine="709"');
    const styles = zip.file('word/styles.xml')!.asText();
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    expect(document).toContain('<w:titlePg/>');
  });

  test('ни одно слово заголовка таблицы не разорвано переносом строки в PDF (pdftotext)', () => {
    const broken: string[] = [];
    for (const file of docx) {
      const words = headerWords(new PizZip(readFileSync(file)).file('word/document.xml')!.asText());
      if (words.length === 0) continue;
      const pdf = pdfOf(path.basename(file));
      const tokens = new Set(execFileSync('pdftotext', ['-raw', pdf!, '-'], { encoding: 'utf8' }).split(/[\s\u00a0/]+/));
      for (const word of words) if (!tokens.has(word)) broken.push(`${path.basename(file)}: ${word}`);
    }
    expect(broken).toEqual([]);
  });

  test('первая страница каждого документа — PNG в artifacts/ (для глаз и для CI)', () => {
    const dir = path.join(__dirname, '..', '..', 'artifacts', 'documents');
    mkdirSync(dir, { recursive: true });
    for (const pdf of pdfs) {
      const base = path.join(dir, path.basename(pdf, '.pdf'));
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
    }
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(pdfs.length);
    for (const pdf of pdfs) expect(pngs).toContain(`${path.basename(pdf, '.pdf')}.png`);
  });
});

suite('kaskad generate --pdf --merge: один PDF на всю рассылку', () => {
  test('43 письма МОУО: в общем PDF столько страниц, сколько во всех отдельных вместе, по порядку', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kaskad-merge-'));
    try {
      const data = path.join(__dirname, '..', '..', 'templates', 'data', 'sample-region.xlsx');
      const result = await generate({ template: 'mailing', data, outDir: out, pdf: true, merge: true });
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      const docxs = result.made.filter((f) => f.endsWith('.docx'));
      const separate = result.made.filter((f) => f.endsWith('.pdf') && f !== result.merged);
      expect(docxs).toHaveLength(43);
      expect(separate).toHaveLength(43);
      expect(result.merged).toBeDefined();
      expect(pages(result.merged!)).toBe(separate.reduce((sum, f) => sum + pages(f), 0));
      // The first page of the merged PDF is the first letter's.
      const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', result.merged!, '-'], { encoding: 'utf8' });
      const firstLetter = execFileSync(
        'pdftotext',
        ['-f', '1', '-l', '1', separate.find((f) => path.basename(f, '.pdf') === path.basename(docxs[0]!, '.docx'))!, '-'],
        { encoding: 'utf8' },
      );
      expect(first).toBe(firstLetter);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);

  test('--merge без --pdf — ошибка вызова (код 2) с понятным сообщением', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kaskad-merge-'));
    try {
      const data = path.join(__dirname, '..', '..', 'templates', 'data', 'sample-region.xlsx');
      const result = await generate({ template: 'letter', data, outDir: out, merge: true });
      expect(result.exitCode).toBe(2);
      expect(result.issues.map((i) => i.code)).toEqual(['MERGE_NEEDS_PDF']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
