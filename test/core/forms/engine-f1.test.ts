import { defaultDefinitions } from '../../fixtures/forms';
import { scoreForm } from '../../../core/forms/score';
import { validateForm } from '../../../core/forms/validate';
import { book, cardAddress, cardSheet, GOOD_F1, smallData, type Cell } from './helpers';

const f1 = defaultDefinitions().find((d) => d.id === 'F1')!;
const SHEET = 'Карта мониторинга';

function check(changes: Record<string, Cell | [Cell, Cell]>) {
  const snapshot = book(cardSheet(f1, 'card', { ...GOOD_F1, ...changes }));
  return validateForm(f1, snapshot, { data: smallData(), file: 'mo01.xlsx' });
}

function codesAt(result: ReturnType<typeof check>) {
  return result.issues.map((i) => ({
    code: i.code,
    sheet: 'sheet' in i.location ? i.location.sheet : undefined,
    address: i.location.kind === 'cell' ? i.location.address : undefined,
  }));
}

describe('F1 monitoring card', () => {
  test('a correct card has no findings and typed values', () => {
    const r = check({});
    expect(r.issues).toEqual([]);
    expect(r.values.municipality).toBe('mo01');
    expect(r.values.fill_date).toBe('2025-01-15');
    expect(r.values.roadmap_pct).toBe(95.5);
    expect(r.values.curated_share).toBe(100);
    expect(r.values.support_forms).toEqual(['наставничество', 'стажировки', 'консультирование']);
  });

  test('score: sections, total, percent, level and explanations', () => {
    const r = check({});
    const s = scoreForm(f1, r, smallData());
    expect(s.sections.map((x) => [x.id, x.points, x.max])).toEqual([
      ['s1', 10, 10],
      ['s2', 11, 12],
      ['s3', 8, 8],
      ['s4', 8, 8],
    ]);
    expect(s.total).toBe(37);
    expect(s.max).toBe(38);
    expect(s.percent).toBe(97.4);
    expect(s.level?.title).toBe('высокий');
    expect(s.flags).toEqual([]);
    const partnered = s.explanations.find((e) => e.field === 'partnered_share')!;
    expect(partnered.points).toBe(1);
    expect(partnered.reason).toContain('50');
  });

  test('N/A rescales the maximum when a municipality has no ШНОР', () => {
    const r = check({ '0.5': 0, '2.1': null, '2.2': null, '2.3': null, '4.1': null, '4.2': null, '4.3': null });
    const s = scoreForm(f1, r);
    expect(s.max).toBe(38 - 6 * 2);
    expect(s.explanations.find((e) => e.field === 'curated_share')!.points).toBeNull();
  });

  test('red flags show regardless of the total', () => {
    const r = check({ '1.1': ['нет', 'программа в разработке'], '1.2': null, '1.3': null, '2.1': 1, '3.5': 40 });
    const s = scoreForm(f1, r);
    expect(s.flags.map((f) => f.id)).toEqual(['no_program_act', 'shnor_without_curator', 'roadmap_below_50']);
  });

  test('type rules: number, integer, percent, date, choice, multi-choice, да/нет', () => {
    const r = check({ '0.5': 'два', '2.1': 1.5, '2.3': 120, '0.3': 'вчера', '1.6': 'иногда', '2.5': 'наставничество; пикник', '1.4': 'может быть' });
    expect(codesAt(r)).toEqual(
      expect.arrayContaining([
        { code: 'FORM_NOT_NUMBER', sheet: SHEET, address: cardAddress(f1, 'card', '0.5') },
        { code: 'FORM_NOT_INTEGER', sheet: SHEET, address: cardAddress(f1, 'card', '2.1') },
        { code: 'FORM_NOT_PERCENT', sheet: SHEET, address: cardAddress(f1, 'card', '2.3') },
        { code: 'FORM_NOT_DATE', sheet: SHEET, address: cardAddress(f1, 'card', '0.3') },
        { code: 'FORM_NOT_CHOICE', sheet: SHEET, address: cardAddress(f1, 'card', '1.6') },
        { code: 'FORM_NOT_CHOICE', sheet: SHEET, address: cardAddress(f1, 'card', '2.5') },
        { code: 'FORM_NOT_YESNO', sheet: SHEET, address: cardAddress(f1, 'card', '1.4') },
      ]),
    );
  });

  test('Russian input habits: «12,5» and «12.5», a date typed as text or an Excel serial, stray spaces, ДА', () => {
    const r = check({ '3.5': ' 95.5 ', '0.3': 45672, '1.2': { date: '2024-02-08' }, '1.1': ' ДА ', '1.6': 'Частично' });
    expect(r.issues).toEqual([]);
    expect(r.values.roadmap_pct).toBe(95.5);
    expect(r.values.fill_date).toBe('2025-01-15');
    expect(r.values.program_act).toBe(true);
    expect(r.values.site).toBe('частично');
  });

  test('required: act date and number when the programme is adopted; a comment when the answer gives 0', () => {
    const r = check({ '1.2': null, '1.3': null, '1.4': 'нет' });
    expect(codesAt(r)).toEqual([
      { code: 'FORM_REQUIRED', sheet: SHEET, address: cardAddress(f1, 'card', '1.2') },
      { code: 'FORM_REQUIRED', sheet: SHEET, address: cardAddress(f1, 'card', '1.3') },
      { code: 'FORM_REQUIRED', sheet: SHEET, address: cardAddress(f1, 'card', '1.4', 'D') },
    ]);
  });

  test('relevant: act details given though no programme is adopted are flagged and ignored', () => {
    const r = check({ '1.1': ['нет', 'в разработке'] });
    expect(codesAt(r)).toEqual([
      { code: 'FORM_NOT_RELEVANT', sheet: SHEET, address: cardAddress(f1, 'card', '1.2') },
      { code: 'FORM_NOT_RELEVANT', sheet: SHEET, address: cardAddress(f1, 'card', '1.3') },
    ]);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(r.values.act_date).toBeNull();
  });

  test('range: min/max of the definition', () => {
    const r = check({ '0.2': 1999 });
    expect(codesAt(r)).toContainEqual({ code: 'FORM_OUT_OF_RANGE', sheet: SHEET, address: cardAddress(f1, 'card', '0.2') });
  });

  test('cross-field: numerator ≤ denominator', () => {
    const r = check({ '2.1': 3 });
    expect(codesAt(r)).toEqual([{ code: 'FORM_COMPARE', sheet: SHEET, address: cardAddress(f1, 'card', '2.1') }]);
    expect(r.issues[0]!.message).toContain('не может быть больше');
  });

  test('cross-field: dates inside the period', () => {
    const r = check({ '3.2': '01.12.2022', '1.2': '16.01.2025' });
    expect(codesAt(r)).toEqual([
      { code: 'FORM_DATE_OUTSIDE', sheet: SHEET, address: cardAddress(f1, 'card', '1.2') },
      { code: 'FORM_DATE_OUTSIDE', sheet: SHEET, address: cardAddress(f1, 'card', '3.2') },
    ]);
  });

  test('reference: the municipality must exist; the ШНОР count must match the list', () => {
    expect(codesAt(check({ '0.1': 'Нетакойский район' }))).toEqual([
      { code: 'FORM_REF_UNKNOWN', sheet: SHEET, address: cardAddress(f1, 'card', '0.1') },
    ]);
    expect(codesAt(check({ '0.5': 3, '2.1': 3, '2.2': 1, '4.1': 1 }))).toEqual([
      { code: 'FORM_COUNT_MISMATCH', sheet: SHEET, address: cardAddress(f1, 'card', '0.5') },
    ]);
  });

  test('formula errors are findings at the cell', () => {
    const r = check({ '2.3': { error: '#DIV/0!' }, '2.4': { error: '#REF!' } });
    expect(codesAt(r)).toEqual([
      { code: 'FORM_FORMULA_ERROR', sheet: SHEET, address: cardAddress(f1, 'card', '2.3') },
      { code: 'FORM_FORMULA_ERROR', sheet: SHEET, address: cardAddress(f1, 'card', '2.4') },
    ]);
  });
});
