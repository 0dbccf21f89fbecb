/**
 * Acceptance: bad inputs, one test each. Every bad input gives a Russian message with its sheet and
 * cell (or template and tag), the documented exit code, valid documents for all good records, and
 * nothing overwritten.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import PizZip from 'pizzip';
import { formatIssue, type Issue } from '../../core/issues';
import { generate, type GenerateResult } from '../../generator/generate';
import { badXmlParts, docxParts, visibleText, xmlError } from '../helpers/docx-xml';
import {
  addressOf,
  columnOf,
  listFolder,
  makeTempDir,
  removeTempDir,
  rowsWhere,
  SAMPLE_JSON,
  SAMPLE_XLSX,
  sampleWith,
  sheetOf,
  templateFile,
} from '../helpers/sample-workbook';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const withCode = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);

/** Each made file is a .docx whose every XML part is well-formed. */
function expectSoundDocuments(result: GenerateResult): void {
  for (const file of result.made) {
    expect(file.endsWith('.docx')).toBe(true);
    expect(badXmlParts(readFileSync(file))).toEqual([]);
  }
}

function documentXmlOf(file: string): string {
  const xml = docxParts(readFileSync(file)).get('word/document.xml');
  if (xml === undefined) throw new Error(`${file} has no word/document.xml`);
  return xml;
}

describe('text where a date belongs («вчера» in «Документы», «Дата» of d5112)', () => {
  let data: string;
  let address: string;
  beforeEach(async () => {
    data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Документы');
      address = addressOf(ws, 'Код', 'd5112', 'Дата');
      ws.getCell(address).value = 'вчера';
    });
  });

  it('reports CELL_DATE at that cell and leaves d5112 out: the letter alone has nothing to make (exit 2)', async () => {
    const result = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
    const dates = withCode(result.issues, 'CELL_DATE');
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({
      severity: 'error',
      location: { kind: 'cell', file: 'data.xlsx', sheet: 'Документы', address },
    });
    expect(dates[0]?.message).toContain('«вчера»');
    expect(dates[0]?.message).toContain('«Дата»');
    expect(formatIssue(dates[0]!)).toContain(`лист «Документы», ячейка ${address}`);
    expect(withCode(result.issues, 'NOTHING_LEFT')).toHaveLength(1);
    expect(result.exitCode).toBe(2);
    expect(result.made).toEqual([]);
    expect(listFolder(join(dir, 'out'))).toEqual([]);
  });

  it("still makes the other templates' documents from the same file, with exit 1 for the bad data", async () => {
    const result = await generate({ template: 'seminar-letter', data, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(1);
    expect(withCode(result.issues, 'CELL_DATE').map((i) => i.location)).toEqual([{ kind: 'cell', file: 'data.xlsx', sheet: 'Документы', address }]);
    expect(result.skipped).toEqual([]);
    expect(result.made).toHaveLength(1);
    expectSoundDocuments(result);
    expect(visibleText(documentXmlOf(result.made[0]!))).toContain('13170');
  });
});

describe('a school pointing at an unknown municipality', () => {
  it('reports REF_UNKNOWN at «Школы», «Муниципалитет (код)», and the per-МОУО mailing still makes 43 letters (exit 1)', async () => {
    let address = '';
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Школы');
      address = addressOf(ws, 'Код', 'sch001', 'Муниципалитет (код)');
      ws.getCell(address).value = 'mo999';
    });
    const result = await generate({ template: 'mailing', data, outDir: join(dir, 'out') });
    const refs = withCode(result.issues, 'REF_UNKNOWN').filter((i) => i.location.kind === 'cell' && i.location.sheet === 'Школы');
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ severity: 'error', location: { kind: 'cell', file: 'data.xlsx', sheet: 'Школы', address } });
    expect(refs[0]?.message).toContain('«mo999»');
    expect(refs[0]?.message).toContain('«Муниципалитеты»');
    expect(result.exitCode).toBe(1);
    expect(result.skipped).toEqual([]);
    expect(result.made).toHaveLength(43);
    expect(new Set(result.made).size).toBe(43);
    expect(listFolder(join(dir, 'out')).filter((f) => f.endsWith('.docx'))).toHaveLength(43);
    expectSoundDocuments(result);
  });
});

describe('a missing required column', () => {
  it('reports COLUMN_MISSING on the sheet «Школы», suggests the renamed header, and makes the letter (exit 1)', async () => {
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Школы');
      ws.getRow(1).getCell(columnOf(ws, 'Наименование')).value = 'Наименованиее';
    });
    const result = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
    const missing = withCode(result.issues, 'COLUMN_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', location: { kind: 'sheet', file: 'data.xlsx', sheet: 'Школы' } });
    expect(missing[0]?.message).toContain('«Наименование»');
    expect(missing[0]?.message).toContain('«Наименованиее»');
    expect(formatIssue(missing[0]!)).toContain('лист «Школы»');
    expect(result.exitCode).toBe(1);
    expect(result.made).toHaveLength(1);
    expectSoundDocuments(result);
  });
});

describe('an empty sheet', () => {
  it('reports SHEET_EMPTY for «Школы» cleared entirely', async () => {
    const data = await sampleWith(dir, (wb) => {
      // Every cell emptied, header row included (exceljs's spliceRows leaves this sheet as it was).
      sheetOf(wb, 'Школы').eachRow((row) =>
        row.eachCell((cell) => {
          cell.value = null;
        }),
      );
    });
    const result = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
    const empty = withCode(result.issues, 'SHEET_EMPTY');
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ severity: 'error', location: { kind: 'sheet', file: 'data.xlsx', sheet: 'Школы' } });
    expect(empty[0]?.message).toContain('«Школы»');
    expect(result.exitCode).toBe(1);
    expect(result.made).toHaveLength(1);
    expectSoundDocuments(result);
  });
});

describe('a file that is not a workbook', () => {
  it('reports FILE_NOT_WORKBOOK for a .txt renamed .xlsx, exit 2, nothing in the output folder', async () => {
    const data = join(dir, 'notes.xlsx');
    writeFileSync(data, 'Это текстовый файл, а не книга Excel.\n', 'utf8');
    const out = join(dir, 'out');
    const result = await generate({ template: 'letter', data, outDir: out });
    expect(result.issues.map((i) => [i.code, i.location])).toEqual([['FILE_NOT_WORKBOOK', { kind: 'file', file: 'notes.xlsx' }]]);
    expect(result.issues[0]?.message).toContain('не является книгой Excel');
    expect(result.exitCode).toBe(2);
    expect(result.made).toEqual([]);
    expect(listFolder(out)).toEqual([]);
  });
});

describe('a truncated workbook', () => {
  it('reports FILE_DAMAGED for the first half of the bytes, exit 2', async () => {
    const bytes = readFileSync(SAMPLE_XLSX);
    const data = join(dir, 'half.xlsx');
    writeFileSync(data, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const out = join(dir, 'out');
    const result = await generate({ template: 'letter', data, outDir: out });
    expect(result.issues.map((i) => [i.code, i.location])).toEqual([['FILE_DAMAGED', { kind: 'file', file: 'half.xlsx' }]]);
    expect(result.issues[0]?.message).toContain('повреждена');
    expect(result.exitCode).toBe(2);
    expect(listFolder(out)).toEqual([]);
  });
});

/** A copy of letter.docx with its document.xml changed by `edit`, written as `dir/name`. */
function brokenLetter(edit: (xml: string) => string, name = 'broken-letter.docx'): string {
  const zip = new PizZip(readFileSync(templateFile('letter')));
  const xml = zip.file('word/document.xml')!.asText();
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  zip.file('word/document.xml', edited);
  const file = join(dir, name);
  writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}

const templateTags = (issues: readonly Issue[]) => issues.map((i) => (i.location.kind === 'template' ? i.location.tag : undefined));

describe('a template with syntax errors', () => {
  it('reports every TEMPLATE_SYNTAX error at once, with the template and the tag, exit 2', async () => {
    const template = brokenLetter((xml) => xml.replace('{subject}', '{subject').replace('{/hasSalutation}', ''));
    const out = join(dir, 'out');

    const result = await generate({ template, data: SAMPLE_XLSX, outDir: out });
    const syntax = withCode(result.issues, 'TEMPLATE_SYNTAX');
    expect(syntax).toHaveLength(2);
    for (const issue of syntax) {
      expect(issue.location).toMatchObject({ kind: 'template', template: 'broken-letter.docx', part: 'word/document.xml' });
    }
    expect(templateTags(syntax).sort()).toEqual(['hasSalutation', 'subject']);
    const unclosed = syntax.find((i) => i.location.kind === 'template' && i.location.tag === 'subject');
    expect(unclosed?.message).toContain('«{subject» не закрыт');
    expect(formatIssue(unclosed!)).toContain('Шаблон «broken-letter.docx», часть word/document.xml, тег {subject}: ');
    const unclosedLoop = syntax.find((i) => i.location.kind === 'template' && i.location.tag === 'hasSalutation');
    expect(unclosedLoop?.message).toContain('{#hasSalutation} не закрыт');
    expect(result.exitCode).toBe(2);
    expect(result.made).toEqual([]);
    expect(listFolder(out)).toEqual([]);
  });

  // docxtemplater gives no `xtag` for a mismatched closing tag, only openingtag/closingtag.
  it('names the section closed by the wrong tag ({#hasExecutor} … {/hasExecutorr})', async () => {
    const template = brokenLetter((xml) => xml.replace('{/hasExecutor}', '{/hasExecutorr}'));
    const result = await generate({ template, data: SAMPLE_XLSX, outDir: join(dir, 'out') });
    const syntax = withCode(result.issues, 'TEMPLATE_SYNTAX');
    expect(result.exitCode).toBe(2);
    expect(syntax).toHaveLength(1);
    expect(templateTags(syntax)).toEqual(['hasExecutor']);
    expect(syntax[0]?.message).toContain('{/hasExecutorr}');
  });
});

describe('template tags named without the text around them', () => {
  it.each([
    ['{{replyToNumber}', (xml: string) => xml.replace('{replyToNumber}', '{{replyToNumber}'), 'replyToNumber', 'двойная «{»'],
    ['{date}}', (xml: string) => xml.replace('{date}', '{date}}'), 'date', 'двойная «}»'],
  ])('%s → the tag and a Russian explanation', async (_label, edit, tag, detail) => {
    const template = brokenLetter(edit, `broken-${tag}.docx`);
    const result = await generate({ template, data: SAMPLE_XLSX, outDir: join(dir, 'out-tags') });
    const syntax = withCode(result.issues, 'TEMPLATE_SYNTAX');
    expect(result.exitCode).toBe(2);
    expect(templateTags(syntax)).toContain(tag);
    expect(syntax.map((i) => i.message).join(' ')).toContain(detail);
  });
});

describe('options of a user template', () => {
  it('--like mailing with --each document is refused with EACH_UNSUPPORTED, not «no such template»', async () => {
    const template = join(dir, 'own.docx');
    writeFileSync(template, readFileSync(templateFile('mailing')));
    const result = await generate({ template, like: 'mailing', data: SAMPLE_XLSX, outDir: join(dir, 'out-like') });
    expect(result.exitCode).toBe(2);
    expect(result.issues.map((i) => i.code)).toEqual(['EACH_UNSUPPORTED']);
    expect(result.issues[0]!.message).toContain('допустимо: municipality');
  });

  it('an unknown --each gives EACH_UNKNOWN from the library too', async () => {
    const result = await generate({ template: 'letter', each: 'village' as never, data: SAMPLE_XLSX, outDir: join(dir, 'out-each') });
    expect(result.exitCode).toBe(2);
    expect(result.issues.map((i) => i.code)).toEqual(['EACH_UNKNOWN']);
  });
});

describe('data with characters XML forbids or escapes', () => {
  const LONG = 'Ж'.repeat(10_000);

  it('makes the letter: well-formed XML, «&amp;» and «&lt;» escaped, the emoji kept, a line break for the vertical tab, no U+0001/U+FFFF', async () => {
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Тексты');
      const rows = rowsWhere(ws, 'Документ (код)', 'd5112');
      const col = columnOf(ws, 'Текст');
      expect(rows.length).toBeGreaterThanOrEqual(3);
      // Excel stores characters XML forbids as _xHHHH_ escapes; exceljs decodes them back on reading.
      ws.getRow(rows[0]!).getCell(col).value = 'Первая строка_x000B_вторая строка';
      ws.getRow(rows[1]!).getCell(col).value = 'Управляющий_x0001_символ и несимвол_xFFFF_ «Рога & Копыта» <b>не тег</b> 📚 книги';
      ws.getRow(rows[2]!).getCell(col).value = LONG;
    });
    const result = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.made).toHaveLength(1);
    const xml = documentXmlOf(result.made[0]!);
    expect(xmlError(xml)).toBeUndefined();
    expect(badXmlParts(readFileSync(result.made[0]!))).toEqual([]);
    expect(xml).toContain('«Рога &amp; Копыта» &lt;b&gt;не тег&lt;/b&gt;');
    expect(xml).toContain('📚');
    expect(xml).not.toMatch(/[\u0001\u000b\uffff]/);
    expect(xml).not.toContain('_x000B_');
    const text = visibleText(xml);
    expect(text).toContain('Первая строка\nвторая строка');
    expect(text).toContain('Управляющийсимвол и несимвол «Рога & Копыта» <b>не тег</b> 📚 книги');
    expect(text).toContain(LONG);
    expect(xml).toMatch(/Первая строка<\/w:t>(<\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?)?<w:br\/>/);
  });
  it('does the same for the raw characters in a .json data file', async () => {
    const data = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8')) as { paragraphs: Array<{ documentId: string; text: string }> };
    const texts = data.paragraphs.filter((p) => p.documentId === 'd5112');
    texts[0]!.text = 'Первая строка\u000bвторая строка';
    texts[1]!.text = 'Управляющий\u0001символ и несимвол\uffff «Рога & Копыта» <b>не тег</b> 📚 книги \ud800';
    texts[2]!.text = LONG;
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(data), 'utf8');
    const result = await generate({ template: 'letter', data: file, outDir: join(dir, 'out') });
    expect(result.issues).toEqual([]);
    expect(result.exitCode).toBe(0);
    const xml = documentXmlOf(result.made[0]!);
    expect(badXmlParts(readFileSync(result.made[0]!))).toEqual([]);
    expect(xml).not.toMatch(/[\u0001\u000b\uffff]/);
    const text = visibleText(xml);
    expect(text).toContain('Первая строка\nвторая строка');
    expect(text).toContain('Управляющийсимвол и несимвол «Рога & Копыта» <b>не тег</b> 📚 книги \ufffd');
    expect(text).toContain(LONG);
  });
});

describe('nothing overwritten', () => {
  it('reports OUTPUT_EXISTS for each file on a second run without --force (exit 1, files untouched); --force replaces them', async () => {
    const out = join(dir, 'out');
    const first = await generate({ template: 'mailing', data: SAMPLE_XLSX, outDir: out, select: ['mo01', 'mo02'] });
    expect(first.exitCode).toBe(0);
    expect(first.made).toHaveLength(2);
    const old = new Date('2020-01-01T00:00:00Z');
    for (const file of first.made) utimesSync(file, old, old);
    const before = first.made.map((file) => ({ bytes: readFileSync(file), mtime: statSync(file).mtimeMs }));

    const second = await generate({ template: 'mailing', data: SAMPLE_XLSX, outDir: out, select: ['mo01', 'mo02'] });
    expect(second.exitCode).toBe(1);
    expect(second.made).toEqual([]);
    expect(second.skipped).toHaveLength(2);
    for (const [i, skipped] of second.skipped.entries()) {
      expect(skipped.issues.map((issue) => issue.code)).toEqual(['OUTPUT_EXISTS']);
      expect(skipped.issues[0]?.location).toEqual({ kind: 'file', file: first.made[i] });
      expect(skipped.issues[0]?.message).toContain(`«${basename(first.made[i]!)}»`);
    }
    first.made.forEach((file, i) => {
      expect(readFileSync(file).equals(before[i]!.bytes)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(before[i]!.mtime);
    });
    expect(listFolder(out)).toEqual(first.made.map((f) => basename(f)).sort());

    const forced = await generate({ template: 'mailing', data: SAMPLE_XLSX, outDir: out, select: ['mo01', 'mo02'], force: true });
    expect(forced.exitCode).toBe(0);
    expect(forced.skipped).toEqual([]);
    expect([...forced.made].sort()).toEqual([...first.made].sort());
    for (const file of forced.made) {
      expect(statSync(file).mtimeMs).toBeGreaterThan(old.getTime());
      expect(badXmlParts(readFileSync(file))).toEqual([]);
    }
    expect(listFolder(out)).toEqual(first.made.map((f) => basename(f)).sort());
  });
});
