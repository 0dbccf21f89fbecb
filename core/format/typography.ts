/**
 * Russian typography for text that comes from the data (never the template's own text): what a
 * clerk would otherwise retouch by hand before signing. Only quotes, dashes and spaces change —
 * never a word — so a document still reads word for word like the seed it reproduces.
 *
 * - straight quotes become «ёлочки», quotes inside quotes „лапки“: МБОУ "СОШ "Лидер"" → МБОУ «СОШ „Лидер“»;
 * - a no-break space after «№» and «§», between initials and between initials and surname
 *   (А. А. Иванов, Иванов А.А.), before «г.»/«гг.», inside «т. е.», «т. д.», «т. п.», «т. к.», and
 *   between a number and its unit (25 %, 3 л., 150 руб.);
 * - a spaced hyphen between words is an em dash tied to the word before it («Челябинск - город» →
 *   «Челябинск — город»; a typed «–» or «—» keeps its shape and is tied likewise); a range of years takes an en dash without spaces
 *   («2024-2025» → «2024–2025»). Hyphens in words, phone numbers and document numbers stay.
 */

import { cleanText, mapStrings } from './text';

const NBSP = '\u00a0';

const OPENING_CONTEXT = /[\s([{«„\u00a0/-]/;

/** Straight quotes by position and depth: the outer pair «», the inner „“ (also inside typed «»). */
function quotes(text: string): string {
  if (!text.includes('"')) return text;
  let depth = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '«' || ch === '„') depth++;
    else if ((ch === '»' || ch === '“') && depth > 0) depth--;
    if (ch !== '"') {
      out += ch;
      continue;
    }
    const before = i > 0 ? out.charAt(out.length - 1) : '';
    const opens = before === '' || OPENING_CONTEXT.test(before) || (depth === 0 && !/[\p{L}\p{N}.,!?…)»“]/u.test(before));
    if (opens) {
      out += depth === 0 ? '«' : '„';
      depth++;
    } else if (depth > 0) {
      out += depth >= 2 ? '“' : '»';
      depth--;
    } else {
      out += '»';
    }
  }
  return out;
}

const INITIAL = '(?<![\\p{L}\\p{N}])[А-ЯЁ]\\.';
const SURNAME = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const UNITS = [
  '%',
  '‰',
  '°C',
  '°',
  'руб\\.',
  'коп\\.',
  'тыс\\.',
  'млн',
  'млрд',
  'чел\\.',
  'шт\\.',
  'экз\\.',
  'л\\.',
  'стр\\.',
  'ч\\.',
  'мин\\.',
  'км',
  'см',
  'мм',
  'кг',
  'га',
  'ед\\.',
  'балл(?:а|ов)?',
  'класс(?:а|ов)?',
];

const RULES: Array<[RegExp, string]> = [
  // № 5, §3, №№ 1–3
  [/([№§])[ \t\u00a0]*(?=[^\s№§])/g, `$1${NBSP}`],
  [/№[ \t\u00a0]+№/g, '№№'],
  // А. А. Иванов: initials joined; А.А. Иванов: the surname tied to them; Иванов А.А.: likewise.
  [new RegExp(`(${INITIAL})[ \\t]+(?=[А-ЯЁ]\\.)`, 'gu'), `$1${NBSP}`],
  [new RegExp(`(${INITIAL})[ \\t]+(?=${SURNAME}(?![\\p{L}.]))`, 'gu'), `$1${NBSP}`],
  [new RegExp(`(?<![\\p{L}])(${SURNAME})[ \\t]+(?=[А-ЯЁ]\\.(?:[ \\t\\u00a0]?[А-ЯЁ]\\.)?)`, 'gu'), `$1${NBSP}`],
  // 2024 г., 2023–2024 гг.
  [/(\d)[ \t]+(гг?\.)/g, `$1${NBSP}$2`],
  // т. е., т. д., т. п., т. к. (and «т.е.» gets its space)
  [/(?<![\p{L}])т\.[ \t]*([едпк])\./gu, `т.${NBSP}$1.`],
  [/(?<![\p{L}])и[ \t]+т\.\u00a0/gu, `и${NBSP}т.${NBSP}`],
  // a number and its unit
  [new RegExp(`(\\d)[ \\t]+(${UNITS.join('|')})(?![\\p{L}])`, 'gu'), `$1${NBSP}$2`],
  // years: 2024-2025 → 2024–2025
  [/(?<!\d)((?:1[89]|20)\d\d)[ \t]*[-–][ \t]*((?:1[89]|20)\d\d)(?!\d)/g, '$1–$2'],
  // days: 17-18 сентября → 17–18 сентября
  [
    /(?<!\d)(\d{1,2})[ \t]*[-–][ \t]*(\d{1,2})(?=[ \t\u00a0]+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря))/g,
    '$1–$2',
  ],
  // a dash between words, tied to the word before it: a typed hyphen becomes an em dash, a typed
  // en or em dash is the author's choice (the seeds use «–») and keeps its shape
  [/[ \t\u00a0]+-{1,2}[ \t]+/g, `${NBSP}— `],
  [/[ \t\u00a0]+([–—])[ \t]+/g, `${NBSP}$1 `],
  [/([\p{L}\p{N}])--([\p{L}\p{N}])/gu, `$1${NBSP}— $2`],
];

/**
 * Every rule above needs one of these characters (the quotes a «"», the rules a «№», «§», «.»,
 * a digit or a dash): text without any of them is already typeset, and is spared the regexes.
 */
const TRIGGERS = /["№§.0-9\-–—]/;

/** Applies the rules to one text value from the data. Idempotent: typeset text stays as it is. */
export function typeset(text: string): string {
  if (!TRIGGERS.test(text)) return text;
  let out = quotes(text);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Typesets every string of a template's data (objects, arrays). Values under `rawKeys` are raw
 * WordprocessingML ({@levelCell}): their straight quotes are XML syntax and stay as they are.
 */
export function typesetDeep<T>(value: T, rawKeys: ReadonlySet<string> = new Set()): T {
  return mapStrings(value, typeset, rawKeys, (text) => text);
}

/**
 * Cleaned and typeset strings, remembered: the same names, dates and phrases come back document
 * after document. Both steps are pure, so a remembered result is the result. Bounded: at most
 * MAX_REMEMBERED strings (then it starts over), none longer than MAX_REMEMBERED_LENGTH (a whole
 * paragraph rarely repeats: made each time, never held).
 */
const remembered = new Map<string, string>();
const MAX_REMEMBERED = 50_000;
const MAX_REMEMBERED_LENGTH = 1_000;

function cleanAndTypeset(text: string): string {
  if (text.length > MAX_REMEMBERED_LENGTH) return typeset(cleanText(text));
  let out = remembered.get(text);
  if (out === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    out = typeset(cleanText(text));
    remembered.set(text, out);
  }
  return out;
}

/**
 * `typesetDeep(cleanDeep(value), rawKeys)` in one walk, each distinct string done once: what
 * every document's data goes through before rendering. Raw values are cleaned, not typeset.
 */
export function cleanAndTypesetDeep<T>(value: T, rawKeys: ReadonlySet<string> = new Set()): T {
  return mapStrings(value, cleanAndTypeset, rawKeys, cleanText);
}
