import type { CellValue } from './cell-values';
import { readCellValue } from './cell-values';
import type { Issue } from '../issues';
import type { SheetSnapshot, WorkbookSnapshot } from '../forms/snapshot';
import { unpackWorkbook } from './unpack-workbook';

/**
 * The snapshot of an .xlsx read straight from its XML: the workbook's sheet list, the shared
 * strings, the number formats of the cell styles, and each sheet's cells and merged ranges —
 * nothing else (no fonts, fills, validations or drawings, which exceljs builds a model of). A
 * value is what exceljs would give and readSnapshot would make of it: the same rules for shared
 * and inline strings, rich text, formulas' cached results, dates by number format (1900 and 1904
 * systems), percents, errors and merged cells (test/core/workbook/read-workbook-snapshot.test.ts
 * compares both readers on every workbook of the repository). The parts are unpacked under the
 * same caps as for exceljs.
 */
export type ReadWorkbookSnapshot = { ok: true; snapshot: WorkbookSnapshot } | { ok: false; issues: Issue[] };

export function readWorkbookSnapshot(bytes: Uint8Array, file: string): ReadWorkbookSnapshot {
  const unpacked = unpackWorkbook(bytes, file);
  if (!unpacked.ok) return unpacked;
  const parts = new Map(unpacked.parts.map((p) => [p.name, p.data]));
  return { ok: true, snapshot: snapshotOfParts(parts) };
}

const utf8 = new TextDecoder('utf-8');

/** Entities and character references, after XML's end-of-line normalisation (as a parser reports text). */
function xmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** exceljs's second decoding of a formula's or «str» cell's text (utils.xmlDecode). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (whole, name: string) => ENTITIES[name] ?? whole);
}

/** «_x000D_» escapes in shared and rich text (exceljs decodes upper-case hex only). */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The attributes of a start tag's inside («r="A1" s="3" t="s"»), values decoded. */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(m[1]!, xmlText(m[2] ?? m[3] ?? ''));
  return found;
}

/** The text of every `<t>` in `xml` (text runs), joined; undefined when there is none. */
function runTexts(xml: string): string[] {
  const texts: string[] = [];
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g)) texts.push(xmlText(m[1] ?? ''));
  return texts;
}

/** A shared string: plain text, or rich text (its runs' text) as exceljs keeps it. */
type SharedString = string | { richText: Array<{ text: string }> };

function readSharedStrings(xml: string | undefined): SharedString[] {
  if (!xml) return [];
  const strings: SharedString[] = [];
  for (const m of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    // Phonetic runs (<rPh>) are not part of the value.
    const inner = (m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    const runs = [...inner.matchAll(/<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g)];
    if (runs.length > 0) strings.push({ richText: runs.map((r) => ({ text: unescapeOoxml(runTexts(r[1]!).join('')) })) });
    else strings.push(unescapeOoxml(runTexts(inner).join('')));
  }
  return strings;
}

/** exceljs's built-in number formats that have a format code (defaultnumformats.js). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's utils.isDateFmt: a date or time code outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface CellFormat {
  date: boolean;
  percent: boolean;
}

/** The number format of each cell style (cellXfs, by index). */
function readCellFormats(xml: string | undefined): CellFormat[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const numFmts = /<numFmts\b[\s\S]*?<\/numFmts>/.exec(xml)?.[0] ?? '';
  for (const m of numFmts.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const id = Number(a.get('numFmtId'));
    const code = a.get('formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const formats: CellFormat[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = parseInt(attributes(m[1]!).get('numFmtId') ?? '', 10);
    const format = id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
    formats.push({ date: isDateFormat(format), percent: format !== undefined && format.includes('%') });
  }
  return formats;
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

/** The worksheets in the workbook's order, each with its part (via xl/_rels/workbook.xml.rels). */
function readSheetList(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const part = targets.get(a.get('r:id') ?? '');
    if (!part) continue;
    const state = a.get('state');
    sheets.push({ name: a.get('name') ?? '', hidden: state !== undefined && state !== 'visible', part: normalisePath(part) });
  }
  return sheets;
}

/** «xl/worksheets/../worksheets/sheet1.xml» → «xl/worksheets/sheet1.xml». */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** «B5:C6» → its cells but the top-left one, which holds the value; the range as exceljs names it. */
function mergedRange(ref: string): { range: string; covered: string[] } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const [c1, r1, c2, r2] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3] ?? m[1]!), Number(m[4] ?? m[2])];
  const [top, bottom, left, right] = [Math.min(r1, r2), Math.max(r1, r2), Math.min(c1, c2), Math.max(c1, c2)];
  const covered: string[] = [];
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.push(`${columnLetters(c)}${r}`);
  return { range: `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`, covered };
}

interface Context {
  shared: SharedString[];
  formats: CellFormat[];
  date1904: boolean;
}

/** exceljs's utils.excelToDate, with its coercion of whatever the cached result is. */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/**
 * One `<c>` as exceljs models it (cell-xform.js: parseClose, then reconcile), then reduced by
 * readCellValue as readSnapshot does. undefined: no value (exceljs's Null or Merge cell).
 */
function cellValue(attrs: Map<string, string>, inner: string, ctx: Context): { value: CellValue; percent: boolean } | undefined {
  const t = attrs.get('t');
  const styleId = parseInt(attrs.get('s') ?? '', 10);
  const format = styleId ? ctx.formats[styleId] : undefined;
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
  const formula = f ? xmlText(f[2] ?? '') : '';
  const shareType = f ? attributes(f[1]!).get('t') : undefined;
  let text: string | undefined;
  let rich: Array<{ text: string }> | undefined;
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
  if (v && v[1] !== '') text = xmlText(v[1]!);
  if (t === 'inlineStr') {
    const is = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '';
    const runs = [...is.matchAll(/<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g)];
    if (runs.length > 0) rich = runs.map((r) => ({ text: unescapeOoxml(runTexts(r[1]!).join('')) }));
    else {
      const plain = runTexts(is.replace(/<rPh\b[\s\S]*?<\/rPh>/g, ''));
      if (plain.some((x) => x !== '')) text = (text ?? '') + plain.join('');
    }
  }
  let raw: unknown;
  if (formula || shareType) {
    let result: unknown;
    if (text) {
      if (t === 'str') result = xmlDecodeAgain(text);
      else if (t === 'b') result = parseInt(text, 10) !== 0;
      else if (t === 'e') result = { error: text };
      else result = parseFloat(text);
    }
    if (result !== undefined && format?.date) result = excelToDate(result, ctx.date1904);
    raw = { formula, result };
  } else if (rich) {
    raw = { richText: rich };
  } else if (text !== undefined) {
    if (t === 's') {
      raw = ctx.shared[parseInt(text, 10)];
      if (raw === undefined) return undefined;
    } else if (t === 'str') raw = xmlDecodeAgain(text);
    else if (t === 'inlineStr') raw = text;
    else if (t === 'b') raw = parseInt(text, 10) !== 0;
    else if (t === 'e') raw = { error: text };
    else {
      raw = parseFloat(text);
      if (format?.date) raw = excelToDate(raw, ctx.date1904);
    }
  } else return undefined;
  const value = readCellValue(raw as Parameters<typeof readCellValue>[0]);
  return { value, percent: value.kind === 'number' && Boolean(format?.percent) };
}

function readSheet(entry: SheetEntry, xml: string, ctx: Context): SheetSnapshot {
  const merges: string[] = [];
  const covered = new Set<string>();
  const mergeList = /<mergeCells\b[\s\S]*?<\/mergeCells>/.exec(xml)?.[0] ?? '';
  for (const m of mergeList.matchAll(/<mergeCell\b([^>]*?)\/?>/g)) {
    const merged = mergedRange(attributes(m[1]!).get('ref') ?? '');
    if (!merged) continue;
    merges.push(merged.range);
    for (const a of merged.covered) covered.add(a);
  }
  const cells: Record<string, CellValue> = {};
  const percentCells: string[] = [];
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  const data = start >= 0 && end > start ? xml.slice(start, end) : '';
  let row = 0;
  let col = 0;
  for (const m of data.matchAll(/<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    if (m[1] !== undefined) {
      const r = parseInt(attributes(m[1]).get('r') ?? '', 10);
      row = Number.isFinite(r) ? r : row + 1;
      col = 0;
      continue;
    }
    const attrs = attributes(m[3]!);
    const ref = /^([A-Z]{1,3})(\d+)$/.exec(attrs.get('r') ?? '');
    col = ref ? columnNumber(ref[1]!) : col + 1;
    const address = ref ? `${ref[1]}${ref[2]}` : `${columnLetters(col)}${row}`;
    if (covered.has(address)) continue;
    const read = cellValue(attrs, m[4] ?? '', ctx);
    if (!read || read.value.kind === 'empty') continue;
    // A cell written twice keeps its last value, in the order exceljs met it first.
    cells[address] = read.value;
    if (read.percent && !percentCells.includes(address)) percentCells.push(address);
  }
  return { name: entry.name, hidden: entry.hidden, cells, percentCells, merges };
}

function snapshotOfParts(parts: ReadonlyMap<string, Uint8Array>): WorkbookSnapshot {
  const text = (name: string): string | undefined => {
    const bytes = parts.get(name);
    return bytes ? utf8.decode(bytes) : undefined;
  };
  const workbookXml = text('xl/workbook.xml') ?? '';
  const workbookPr = /<workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const date1904 = workbookPr ? ['1', 'true'].includes(attributes(workbookPr[1]!).get('date1904') ?? '') : false;
  const ctx: Context = {
    shared: readSharedStrings(text('xl/sharedStrings.xml')),
    formats: readCellFormats(text('xl/styles.xml')),
    date1904,
  };
  const sheets: SheetSnapshot[] = [];
  for (const entry of readSheetList(workbookXml, text('xl/_rels/workbook.xml.rels') ?? '')) {
    const xml = text(entry.part);
    if (xml !== undefined) sheets.push(readSheet(entry, xml, ctx));
  }
  return { sheets };
}
