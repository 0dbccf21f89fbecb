import type ExcelJS from 'exceljs';

/**
 * A cell's value as Russian users type it, reduced to a few plain kinds. Rich text, hyperlinks and
 * formulas give their text or cached result; «#ДЕЛ/0!» and «#REF!» become errors.
 */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; iso: string }
  | { kind: 'error'; code: string };

const EXCEL_ERRORS = new Set(['#DIV/0!', '#REF!', '#VALUE!', '#NAME?', '#N/A', '#NUM!', '#NULL!', '#SPILL!', '#CALC!']);
const RUSSIAN_ERRORS: Record<string, string> = {
  '#ДЕЛ/0!': '#DIV/0!',
  '#ССЫЛКА!': '#REF!',
  '#ЗНАЧ!': '#VALUE!',
  '#ИМЯ?': '#NAME?',
  '#Н/Д': '#N/A',
  '#ЧИСЛО!': '#NUM!',
  '#ПУСТО!': '#NULL!',
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoFromDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Excel's day serial (1900 system, with its phantom 29.02.1900) to an ISO date. */
export function isoFromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return undefined;
  const days = Math.floor(serial) - (serial >= 61 ? 25569 : 25568);
  return isoFromDate(new Date(days * 86400000));
}

function isValidDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** «08.02.2024», «8.2.2024», «08.02.24», «2024-02-08» → ISO; anything else → undefined. */
const MONTHS_IN = ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'];

/**
 * Why a date written as ДД.ММ.ГГГГ does not exist («31.02.2022»: «в феврале 2022 года 28 дней»),
 * or undefined when it exists or is not written that way.
 */
export function missingDay(text: string): string | undefined {
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(text.trim().replace(/\s*г\.?$/, ''));
  if (!m) return undefined;
  const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const mo = Number(m[2]);
  const d = Number(m[1]);
  if (isValidDate(y, mo, d)) return undefined;
  if (mo < 1 || mo > 12) return `месяца ${mo} нет, месяцы — от 1 до 12`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `в ${MONTHS_IN[mo - 1]} ${y} года ${days} ${days === 31 ? 'день' : 'дней'}`;
}

export function parseRussianDate(text: string): string | undefined {
  const t = text.trim().replace(/\s*г\.?$/, '');
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const mo = Number(m[2]);
    const d = Number(m[1]);
    return isValidDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined;
  }
  return undefined;
}

/** «12,5», «12.5», « 1 234,5 » (with ordinary or non-breaking spaces) → 12.5, 1234.5. */
export function parseRussianNumber(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function errorCode(text: string): string | undefined {
  if (text.length > 12 || !text.includes('#')) return undefined;
  const t = text.trim().toUpperCase();
  if (EXCEL_ERRORS.has(t)) return t;
  return RUSSIAN_ERRORS[t];
}

function fromPrimitive(v: unknown): CellValue {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return { kind: 'date', iso: isoFromDate(v) };
  if (typeof v === 'string') {
    const code = errorCode(v);
    if (code) return { kind: 'error', code };
    return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: v };
  }
  return { kind: 'text', text: String(v) };
}

/** Reduces whatever exceljs holds in a cell to a CellValue. */
export function readCellValue(raw: ExcelJS.CellValue | undefined): CellValue {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw !== 'object' || raw instanceof Date) return fromPrimitive(raw);
  if ('error' in raw && raw.error) return { kind: 'error', code: errorCode(String(raw.error)) ?? String(raw.error) };
  if ('richText' in raw && Array.isArray(raw.richText)) return fromPrimitive(raw.richText.map((r) => r.text).join(''));
  if ('formula' in raw || 'sharedFormula' in raw) {
    const result = (raw as { result?: unknown }).result;
    if (result && typeof result === 'object' && 'error' in result) {
      const code = String((result as { error: unknown }).error);
      return { kind: 'error', code: errorCode(code) ?? code };
    }
    return fromPrimitive(result);
  }
  if ('text' in raw) {
    // A hyperlink: its text may itself be rich text (a link typed with mixed formatting).
    const text = (raw as { text: unknown }).text;
    return text && typeof text === 'object' ? readCellValue(text as ExcelJS.CellValue) : fromPrimitive(text);
  }
  return { kind: 'empty' };
}

/** The cell as the user sees it, for quoting in a message. */
export function displayCellValue(value: CellValue): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'text':
      return value.text.length > 60 ? `${value.text.slice(0, 57)}…` : value.text;
    case 'number':
      return String(value.value).replace('.', ',');
    case 'boolean':
      return value.value ? 'ИСТИНА' : 'ЛОЖЬ';
    case 'date':
      return value.iso.split('-').reverse().join('.');
    case 'error':
      return value.code;
  }
}
