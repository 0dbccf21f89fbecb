import { parseRussianDate } from '../../workbook/cell-values';

/**
 * Roadmap terms as people write them: «08.02.2024», «01.02.2024–31.03.2024», «до 01.06.2024»,
 * «декабрь 2024», «IV квартал 2024», or a recurring phrase such as «ежемесячно».
 */
export type TermKind = 'date' | 'range' | 'phrase' | '';

const PHRASES = [
  'ежемесячно',
  'ежеквартально',
  'ежегодно',
  'еженедельно',
  'постоянно',
  'в течение года',
  'в течение учебного года',
  'в течение периода',
  'по мере необходимости',
  'по отдельному графику',
  'по графику',
  'систематически',
];
const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function clean(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/ё/g, 'е')
    .trim();
}

/** The last day by which the term is due, or undefined (a phrase, or not a term at all). */
export function termEnd(text: string): string | undefined {
  const t = clean(text)
    .replace(/^до\s+/, '')
    .replace(/\s*г(од)?\.?$/, '');
  const single = parseRussianDate(t);
  if (single) return single;
  const parts = t.split(/\s*[-–—]\s*|\s+по\s+/);
  if (parts.length === 2) {
    const end = termEnd(parts[1]!);
    if (end && parts[0]!.trim()) return end;
  }
  const wholeYear = /^(?:в течение\s+)?(\d{4})(?:\s+года?)?$/.exec(t);
  if (wholeYear) return lastDay(Number(wholeYear[1]), 12);
  const month = /^(?:(\d{1,2})\s+)?([а-я]+)\s+(\d{4})$/.exec(t);
  if (month) {
    const m = MONTHS.findIndex((p) => month[2]!.startsWith(p) && (p !== 'ма' || /^ма[йя]$/.test(month[2]!)));
    if (m >= 0 && !month[1]) return lastDay(Number(month[3]), m + 1);
    if (m >= 0) return parseRussianDate(`${month[1]}.${m + 1}.${month[3]}`);
  }
  const quarter = /^(i{1,3}|iv|[1-4])\s+квартал[а-я]*\s+(\d{4})$/.exec(t);
  if (quarter) return lastDay(Number(quarter[2]), QUARTERS[quarter[1]!]! * 3);
  return undefined;
}

export function termKind(text: string): TermKind {
  const t = clean(text);
  if (!t) return '';
  if (PHRASES.some((p) => t === p || t.startsWith(`${p} `) || t.startsWith(`${p},`))) return 'phrase';
  if (parseRussianDate(t.replace(/^до\s+/, '').replace(/\s*г(од)?\.?$/, ''))) return 'date';
  return termEnd(t) ? 'range' : '';
}
