/** Numbers and plurals the Russian way: «1 234,5» with a no-break group separator; «1 школа / 2 школы / 5 школ». */

// Made on first use: loading ICU's Russian data costs tens of milliseconds that `kaskad --help` need not pay.
let numberFormat: Intl.NumberFormat | undefined;
let pluralRules: Intl.PluralRules | undefined;

export interface PluralForms {
  one: string;
  few: string;
  many: string;
}

export function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
  return numberFormat.format(n);
}

/** The noun form agreeing with n: 1 школа, 2 школы, 5 школ, 21 школа, 1,5 школы. */
export function pluralWord(n: number, forms: PluralForms): string {
  pluralRules ??= new Intl.PluralRules('ru-RU');
  const rule = pluralRules.select(n);
  if (rule === 'one') return forms.one;
  if (rule === 'few') return forms.few;
  if (rule === 'many') return forms.many;
  return forms.few; // fractions: «1,5 школы»
}

/** «5 школ» with a no-break space between the number and the noun. */
export function countOf(n: number, forms: PluralForms): string {
  return `${formatNumber(n)}\u00a0${pluralWord(n, forms)}`;
}

export const SCHOOL_FORMS: PluralForms = { one: 'школа', few: 'школы', many: 'школ' };
export const SHEET_FORMS: PluralForms = { one: 'лист', few: 'листа', many: 'листов' };
export const DOCUMENT_FORMS: PluralForms = { one: 'документ', few: 'документа', many: 'документов' };
export const FINDING_FORMS: PluralForms = { one: 'замечание', few: 'замечания', many: 'замечаний' };
