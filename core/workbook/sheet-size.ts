/**
 * How many cells exceljs would build for one worksheet, counted from the sheet's XML before
 * exceljs sees it: every `<c>` and `<row>` element, plus the area of every merged range and of
 * every data-validation range (exceljs makes an object per cell of both). A small file can
 * declare a million rows or a merge over the whole sheet; this count is what refuses it.
 */

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const COLON = 0x3a; // :

const utf8 = new TextDecoder('utf-8');

function isNameEnd(b: number | undefined): boolean {
  return b === undefined || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH;
}

/** The element's local name (after any `x:` prefix) starting at `at` (just after `<`), and where it ends. */
function localNameAt(xml: Uint8Array, at: number): { start: number; end: number } {
  let start = at;
  let end = at;
  while (end < xml.length && !isNameEnd(xml[end])) {
    if (xml[end] === COLON) start = end + 1;
    end++;
  }
  return { start, end };
}

function nameIs(xml: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (xml[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** The value of attribute `attr` in the tag starting at `from`, read up to the tag's `>`. */
function attributeValue(xml: Uint8Array, from: number, attr: string): string | undefined {
  let end = from;
  while (end < xml.length && xml[end] !== GT) end++;
  const tag = utf8.decode(xml.subarray(from, end));
  const match = new RegExp(`\\s${attr}\\s*=\\s*["']([^"']*)["']`).exec(tag);
  return match?.[1];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells in a space-separated list of references such as «A1:B2 C5»; at most the whole sheet each. */
export function rangeArea(refs: string): number {
  let area = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref);
    if (!m) continue;
    const c1 = columnNumber(m[1]!.toUpperCase());
    const r1 = Number(m[2]);
    const c2 = m[3] ? columnNumber(m[3].toUpperCase()) : c1;
    const r2 = m[4] ? Number(m[4]) : r1;
    area += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return area;
}

/**
 * The number of cells (and rows) exceljs would create for this worksheet XML. Stops counting
 * once past `stopAt`, so a hostile sheet costs no more than a legitimate one.
 */
export function countSheetCells(xml: Uint8Array, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let i = xml.indexOf(LT);
  while (i >= 0 && count <= stopAt) {
    const next = xml[i + 1];
    // Fast path: `<c ` / `<c>` / `<c/>` and `<row` are by far the most frequent tags.
    if (next !== SLASH && next !== 0x3f && next !== 0x21) {
      const { start, end } = localNameAt(xml, i + 1);
      const len = end - start;
      if (len === 1 && xml[start] === 0x63) count++;
      else if (len === 3 && nameIs(xml, start, end, 'row')) count++;
      else if (len === 9 && nameIs(xml, start, end, 'mergeCell')) count += rangeArea(attributeValue(xml, end, 'ref') ?? '');
      else if (len === 14 && nameIs(xml, start, end, 'dataValidation')) count += rangeArea(attributeValue(xml, end, 'sqref') ?? '');
      i = end;
    }
    i = xml.indexOf(LT, i + 1);
  }
  return count;
}
