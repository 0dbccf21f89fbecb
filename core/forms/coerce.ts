import type { MessageCode } from '../messages';
import { displayCellValue, isoFromExcelSerial, missingDay, parseRussianDate, parseRussianNumber, type CellValue } from '../workbook/cell-values';
import type { Field, FormList } from './definition';
import type { Value } from './values';

/** The type rule's codes: FORM_NOT_NUMBER for «пять», FORM_NOT_DATE for «вчера», … */
export type TypeCode = Extract<
  MessageCode,
  | 'FORM_NOT_NUMBER'
  | 'FORM_NOT_INTEGER'
  | 'FORM_NOT_PERCENT'
  | 'FORM_NOT_DATE'
  | 'FORM_DATE_MISSING_DAY'
  | 'FORM_NOT_YESNO'
  | 'FORM_NOT_CHOICE'
  | 'FORM_FORMULA_ERROR'
>;

/** A cell turned into a typed answer, or the type rule's finding. */
export type Coerced = { ok: true; value: Value } | { ok: false; code: TypeCode; shown: string; allowed?: string };

const YES = new Set(['да', 'д', 'yes', 'y', '1', 'истина', 'true', '+', 'есть', 'имеется']);
const NO = new Set(['нет', 'н', 'no', 'n', '0', 'ложь', 'false', '-', '—', 'отсутствует']);

function clean(s: string): string {
  return s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function key(s: string): string {
  return clean(s).toLowerCase().replace(/ё/g, 'е').replace(/[«»"]/g, '');
}

function asNumber(cell: CellValue): number | undefined {
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'text') return parseRussianNumber(cell.text.replace(/%$/, ''));
  return undefined;
}

/** The option a typed text means: by value or label, ignoring case, «ё», quotes and stray spaces. */
export function matchOption(list: FormList | undefined, text: string): string | undefined {
  if (!list) return undefined;
  return optionIndex(list).get(key(text));
}

/** Each list's normalised values and labels → option value, built once per list (the first option wins). */
const optionIndexes = new WeakMap<FormList, Map<string, string>>();

function optionIndex(list: FormList): Map<string, string> {
  let index = optionIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const o of list.options) {
      const byValue = key(o.value);
      if (!index.has(byValue)) index.set(byValue, o.value);
      if (o.label !== undefined) {
        const byLabel = key(o.label);
        if (!index.has(byLabel)) index.set(byLabel, o.value);
      }
    }
    optionIndexes.set(list, index);
  }
  return index;
}

/**
 * Reads one cell as the field's type. Russian habits are understood: «12,5» and «12.5»,
 * «08.02.2024» typed as text or an Excel date serial, «да/нет», 50 % formatted or typed.
 */
export function coerceCell(field: Field, cell: CellValue, list: FormList | undefined, percentFormatted = false): Coerced {
  const shown = displayCellValue(cell);
  /** The whole text as typed (displayCellValue shortens long texts for messages). */
  const typed = cell.kind === 'text' ? cell.text : shown;
  if (cell.kind === 'empty') return { ok: true, value: null };
  if (cell.kind === 'error') return { ok: false, code: 'FORM_FORMULA_ERROR', shown };
  switch (field.type) {
    case 'text':
      return { ok: true, value: cell.kind === 'date' ? cell.iso : clean(typed) };
    case 'number':
    case 'integer':
    case 'percent': {
      let n = asNumber(cell);
      if (n === undefined) return { ok: false, code: 'FORM_NOT_NUMBER', shown };
      if (field.type === 'integer' && !Number.isInteger(n)) return { ok: false, code: 'FORM_NOT_INTEGER', shown };
      if (field.type === 'percent') {
        const typedPercent = cell.kind === 'text' && /%\s*$/.test(cell.text);
        if (percentFormatted && !typedPercent) n *= 100;
        if (n < 0 || n > 100) return { ok: false, code: 'FORM_NOT_PERCENT', shown: percentFormatted ? `${displayNumber(n)} %` : shown };
      }
      return { ok: true, value: Math.round(n * 1e9) / 1e9 };
    }
    case 'date': {
      if (cell.kind === 'date') return { ok: true, value: cell.iso };
      const iso = cell.kind === 'number' ? isoFromExcelSerial(cell.value) : cell.kind === 'text' ? parseRussianDate(clean(cell.text)) : undefined;
      if (iso) return { ok: true, value: iso };
      return { ok: false, code: cell.kind === 'text' && missingDay(clean(cell.text)) ? 'FORM_DATE_MISSING_DAY' : 'FORM_NOT_DATE', shown };
    }
    case 'yesno': {
      const k = cell.kind === 'boolean' ? (cell.value ? 'да' : 'нет') : key(typed);
      if (YES.has(k)) return { ok: true, value: true };
      if (NO.has(k)) return { ok: true, value: false };
      return { ok: false, code: 'FORM_NOT_YESNO', shown };
    }
    case 'choice': {
      if (!list) return { ok: true, value: clean(typed) };
      const v = matchOption(list, typed);
      return v !== undefined ? { ok: true, value: v } : { ok: false, code: 'FORM_NOT_CHOICE', shown, allowed: allowedText(list) };
    }
    case 'multi': {
      const parts = typed
        .split(/[;\n]+/)
        .map(clean)
        .filter(Boolean);
      if (!list) return { ok: true, value: parts };
      const values: string[] = [];
      for (const p of parts) {
        const v = matchOption(list, p);
        if (v === undefined) return { ok: false, code: 'FORM_NOT_CHOICE', shown: p, allowed: allowedText(list) };
        if (!values.includes(v)) values.push(v);
      }
      return { ok: true, value: values };
    }
  }
}

function displayNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

export function allowedText(list: FormList): string {
  const names = list.options.map((o) => `«${o.label ?? o.value}»`);
  return names.length > 8 ? `${names.slice(0, 8).join(', ')} …` : names.join(', ');
}
