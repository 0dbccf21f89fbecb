import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { collectFiles } from '../../generator/forms/collect-files';
import { listWorkbooks } from '../../generator/forms/io-files';
import { loadReferenceData } from '../../generator/forms/load-data';
import { loadDefinitions } from '../../generator/forms/load-definitions';
import { convertToPdf, findSoffice } from '../../generator/io/pdf';

/** LibreOffice (with Calc) is installed by .ci/run: in CI this suite must run, never skip. */
const soffice = findSoffice();
const suite = soffice || process.env.CI ? describe : describe.skip;
const TEMPLATES = path.join(__dirname, '..', '..', 'templates');

/** Text of a cell as a person reads it (rich text joined). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return v === null || v === undefined ? '' : String(v);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

suite('svod.xlsx, открытый в LibreOffice и напечатанный в PDF', () => {
  let out: string;
  let workbook: ExcelJS.Workbook;
  /** The PDF's text, one string per sheet order as LibreOffice prints it (all pages). */
  let printed: string;
  /** Every word LibreOffice printed, by page, with its box in points. */
  let words_: Array<Array<{ x0: number; y0: number; x1: number; y1: number; text: string }>>;

  beforeAll(async () => {
    expect(soffice).toBeDefined();
    out = mkdtempSync(path.join(tmpdir(), 'kaskad-svod-lo-'));
    const definitions = await loadDefinitions();
    const reference = await loadReferenceData(path.join(TEMPLATES, 'data', 'sample-region.xlsx'));
    const cards = await listWorkbooks([path.join(TEMPLATES, 'forms', 'samples', 'F1')]);
    const file = path.join(out, 'svod.xlsx');
    const collected = await collectFiles(cards.files, { definitions: definitions.definitions, data: reference.data, out: file });
    expect(collected.svod?.rows.length).toBe(42);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const converted = await convertToPdf([file], path.join(out, 'pdf'));
    expect(converted.issues).toEqual([]);
    printed = execFileSync('pdftotext', [converted.made[0]!, '-'], { encoding: 'utf8' }).replace(/\u00ad/g, '');
    const boxes = execFileSync('pdftotext', ['-bbox', converted.made[0]!, '-'], { encoding: 'utf8' });
    words_ = boxes
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: m[5]!,
        })),
      );
    expect(words_.flat().length).toBeGreaterThan(500);
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('ни одно слово не налезает на другое: высота строк вмещает перенесённый текст «Красных флагов» (pdftotext -bbox)', () => {
    const sheet = workbook.worksheets[0]!;
    let flagsCol = 0;
    sheet.getRow(3).eachCell((cell, col) => {
      if (cellText(cell) === 'Красные флаги') flagsCol = col;
    });
    expect(flagsCol).toBeGreaterThan(0);
    const multiLine = [...Array(sheet.rowCount).keys()].filter((r) => cellText(sheet.getCell(r + 1, flagsCol)).includes('\n'));
    expect(multiLine.length).toBeGreaterThan(10);
    // A row too low for its wrapped text is clipped in the sheet, but LibreOffice still places the lines where they
    // would run: over the next row's words. Two words of one page sharing more than half a line's height overlap.
    const overlaps: string[] = [];
    words_.forEach((page, p) => {
      for (let i = 0; i < page.length; i++)
        for (let j = i + 1; j < page.length; j++) {
          const a = page[i]!;
          const b = page[j]!;
          const h = Math.min(a.y1 - a.y0, b.y1 - b.y0);
          if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > h / 2)
            overlaps.push(`стр. ${p + 1}: «${a.text}» и «${b.text}»`);
        }
    });
    expect(overlaps).toEqual([]);
  });

  test('заголовки столбцов не разорваны посреди слова', () => {
    const sheet = workbook.worksheets[0]!;
    const broken: string[] = [];
    sheet.getRow(3).eachCell((cell) => {
      for (const word of words(cellText(cell))) {
        if (word.length < 4) continue;
        // A word cut by the column width prints as two pieces on two lines; pdftotext keeps whole words whole.
        if (!new RegExp(`(^|[\\s(«])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').test(printed)) broken.push(word);
      }
    });
    expect(broken).toEqual([]);
  });

  test('лист «Замечания» по-русски и по муниципалитетам: ни кода вроде FORM_NOT_PERCENT, ни имени файла вместо муниципалитета', () => {
    const notes = workbook.getWorksheet('Замечания');
    expect(notes).toBeDefined();
    const texts: string[] = [];
    notes!.eachRow((row) => row.eachCell((cell) => texts.push(cellText(cell))));
    expect(texts.join('\n')).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(printed).not.toMatch(/\b[A-Z]+_[A-Z_]{3,}\b/);
    expect(printed).toContain('Кыштымский городской округ');
    expect(printed).toContain('Замечани');
  });
});
