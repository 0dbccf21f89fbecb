/**
 * «Приложение: 1. … на N л. в 1 экз.» (issue 10, point 4): with `--pdf` the sheets of the
 * appendices in the same document are counted in LibreOffice's PDF; a count the data gives is kept.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { appendixSheets, withAppendixSheets } from '../../core/render/appendix-pages';
import { generate } from '../../generator/generate';
import { findSoffice } from '../../generator/io/pdf';
import { docxParagraphs } from '../helpers/docx-paragraphs';
import { columnOf, makeTempDir, sampleWith, sheetOf } from '../helpers/sample-workbook';

const LIST_1 = 'Список общеобразовательных организаций Челябинской области с низкими образовательными результатами';
const LIST_2 = 'Список общеобразовательных организаций Челябинской области с признаками необъективных результатов всероссийских проверочных работ';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('листы приложений по страницам', () => {
  test('по началам приложений и числу страниц', () => {
    expect(appendixSheets([1, 3], 4)).toEqual([2, 1]);
    expect(appendixSheets([2], 3)).toEqual([1]);
    expect(appendixSheets([], 3)).toBeUndefined();
    expect(appendixSheets([2, 1], 4)).toBeUndefined();
    expect(appendixSheets([1, 4], 4)).toBeUndefined();
  });

  test('в реквизите — листы отрисованных приложений; число из данных главнее; без пары строк — ничего', () => {
    const data = { attachmentLines: [{ title: 'Список А' }, { title: 'Список Б', sheets: 5 }], attachmentNote: 'старое', hasAttachmentNote: true };
    expect(withAppendixSheets(data, [2, 1])).toEqual({
      attachmentLines: [
        { title: 'Список А', sheets: 2 },
        { title: 'Список Б', sheets: 5 },
      ],
      attachmentNote: 'Приложение: 1. Список А на 2 л. в 1 экз.\n2. Список Б на 5 л. в 1 экз.',
      hasAttachmentNote: true,
    });
    expect(withAppendixSheets(data, [2])).toBeUndefined();
    expect(withAppendixSheets({ attachmentLines: [{ title: 'Список', sheets: 11 }] }, [3])).toBeUndefined();
    expect(withAppendixSheets({ attachmentNote: '' }, [1])).toBeUndefined();
  });
});

/** LibreOffice is installed by .ci/run: in CI this suite must run, never skip. */
const suite = findSoffice() || process.env.CI ? describe : describe.skip;

suite('kaskad generate mailing --pdf: «на N л.» из PDF LibreOffice', () => {
  let out: string;
  let made: string[];

  beforeAll(async () => {
    out = makeTempDir('kaskad-appendix-');
    // 40 more ШНОР of 2023 for Chelyabinsk (mo15, 28 in the sample): its first appendix runs over two pages.
    const data = await sampleWith(out, (workbook) => {
      const schools = sheetOf(workbook, 'Школы');
      const lists = sheetOf(workbook, 'Списки школ');
      for (let n = 1; n <= 40; n++) {
        const school = schools.addRow([]);
        school.getCell(columnOf(schools, 'Код')).value = `extra${n}`;
        school.getCell(columnOf(schools, 'Муниципалитет (код)')).value = 'mo15';
        school.getCell(columnOf(schools, 'Наименование')).value =
          `Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № ${200 + n} г. Челябинска»`;
        const entry = lists.addRow([]);
        entry.getCell(columnOf(lists, 'Год')).value = 2023;
        entry.getCell(columnOf(lists, 'Школа (код)')).value = `extra${n}`;
        entry.getCell(columnOf(lists, 'Список')).value = 'ШНОР';
      }
    });
    const result = await generate({ template: 'mailing', data, outDir: path.join(out, 'made'), select: ['mo15', 'mo01'], pdf: true });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    made = result.made;
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** Where each «Приложение № N» caption stands in the PDF, page by page (pdftotext, 1-based). */
  function captionPages(pdf: string): number[] {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    const found: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const text = plain(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }));
      if (/^\s*Приложение № \d+\s*$/m.test(text)) found.push(page);
    }
    return [...found, pages + 1];
  }

  test.each([
    ['Челябинский городской округ', 'mo15'],
    ['Верхнеуфалейский городской округ', 'mo01'],
  ])('%s: в .docx и в PDF — листы каждого приложения, как их насчитал pdftotext', (municipality) => {
    const docx = made.find((f) => f.endsWith(`— ${municipality}.docx`));
    const pdf = made.find((f) => f.endsWith(`— ${municipality}.pdf`));
    if (!docx || !pdf) throw new Error(`no documents for ${municipality}: ${made.map((f) => path.basename(f)).join(', ')}`);
    const bounds = captionPages(pdf);
    expect(bounds).toHaveLength(3);
    const sheets = [bounds[1]! - bounds[0]!, bounds[2]! - bounds[1]!];
    const requisite = `Приложение: 1. ${LIST_1} на ${sheets[0]} л. в 1 экз.\n2. ${LIST_2} на ${sheets[1]} л. в 1 экз.`;
    expect(docxParagraphs(readFileSync(docx)).map(plain)).toContain(requisite);
    const pdfText = plain(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
    expect(pdfText).toContain(requisite.replace(/\s+/g, ' '));
    if (municipality.startsWith('Челябинский')) expect(sheets[0]).toBeGreaterThan(1);
  });
});
