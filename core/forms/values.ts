import { formatNumber } from '../format/numbers';

/**
 * Typed answers of a form. Dates are ISO strings (YYYY-MM-DD), да/нет is a boolean, a multi-choice
 * answer is a list of option values, and a table or matrix column is a list with one value per row.
 */
export type Value = null | number | string | boolean | Value[];

/** Values of one filled form: scalar fields by id, table and matrix columns as lists by field id. */
export type FormValues = Record<string, Value>;

export function isEmptyValue(v: Value | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** «12,5» and «1 234» shown the Russian way (Intl, ru-RU); dates as ДД.ММ.ГГГГ; lists joined with «; ». */
export function displayValue(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return v.map(displayValue).join('; ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('.');
  return v;
}
