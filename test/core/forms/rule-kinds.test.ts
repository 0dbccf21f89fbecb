import { validateForm } from '../../../core/forms/validate';
import { book, defOf, sheetOf, smallData, type Cell } from './helpers';

/** A small form written inline: a card «Анкета» (keys 1…9) and a table «Школы». */
const def = defOf({
  id: 'T',
  version: 2024,
  title: 'Проверочная форма',
  params: { cap: 1 },
  layouts: [
    { kind: 'card', id: 'card', sheet: 'Анкета', keyHeader: '№', labelHeader: 'Вопрос', valueHeader: 'Ответ' },
    { kind: 'table', id: 'tab', sheet: 'Школы' },
  ],
  lists: [{ id: 'yn3', options: [{ value: 'да' }, { value: 'частично' }, { value: 'нет' }] }],
  fields: [
    { id: 'muni', label: 'Муниципалитет', layout: 'card', key: '1', ref: 'municipality', required: 'да' },
    { id: 'total', label: 'Всего', layout: 'card', key: '2', type: 'integer', min: 0, max: 100 },
    { id: 'part', label: 'Из них', layout: 'card', key: '3', type: 'integer' },
    { id: 'has_act', label: 'Есть акт', layout: 'card', key: '4', type: 'yesno' },
    { id: 'act_no', label: 'Номер акта', layout: 'card', key: '5', relevant: 'has_act = true', required: 'да' },
    { id: 'act_date', label: 'Дата акта', layout: 'card', key: '6', type: 'date' },
    {
      id: 'share',
      label: 'Доля',
      layout: 'card',
      key: '7',
      type: 'percent',
      constraint: '. >= 10',
      constraintMessage: 'доля меньше 10 % — проверьте.',
    },
    { id: 'mode', label: 'Режим', layout: 'card', key: '8', type: 'choice', list: 'yn3' },
    { id: 'shnor', label: 'ШНОР', layout: 'card', key: '9', type: 'integer' },
    { id: 'ratio', label: 'Отношение', calculate: 'if(total > 0, part / total * 100, 0)' },
    { id: 'school', label: 'Школа', layout: 'tab', column: 'Школа', ref: 'school' },
    { id: 'rank', label: 'Ранг', layout: 'tab', column: 'Ранг', type: 'integer' },
    { id: 'curator', label: 'Куратор', layout: 'tab', column: 'Куратор' },
  ],
  checks: [
    { id: 'c1', kind: 'compare', field: 'part', op: '<=', value: 'total' },
    { id: 'c2', kind: 'period', field: 'act_date', from: 'date(2024, 1, 1)', to: 'date(2024, 12, 31)' },
    { id: 'c3', kind: 'ranks', field: 'rank' },
    { id: 'c4', kind: 'unique', field: 'school' },
    { id: 'c5', kind: 'covers', field: 'school', list: 'ШНОР', year: '2024', municipality: 'muni' },
    { id: 'c6', kind: 'cap', field: 'curator', value: 'cap' },
    { id: 'c7', kind: 'listCount', field: 'shnor', list: 'ШНОР', year: '2024', municipality: 'muni' },
    { id: 'c8', kind: 'belongs', field: 'school', municipality: 'muni' },
  ],
});

const GOOD_CARD: Record<string, Cell> = { 1: 'mo01', 2: 10, 3: 5, 4: 'да', 5: '12-од', 6: '08.02.2024', 7: 50, 8: 'частично', 9: 2 };
const GOOD_TABLE: Cell[][] = [
  ['s1', 1, 'Орлов'],
  ['s2', 2, 'Сидоров'],
];

function run(card: Record<string, Cell> = {}, table: Cell[][] = GOOD_TABLE) {
  const answers = { ...GOOD_CARD, ...card };
  const rows: Cell[][] = [['Анкета'], [], ['№', 'Вопрос', 'Ответ'], ...Object.keys(GOOD_CARD).map((k) => [k, `вопрос ${k}`, answers[k]])];
  const snap = book(sheetOf('Анкета', rows), sheetOf('Школы', [['Школы'], [], ['Школа', 'Ранг', 'Куратор'], ...table]));
  const r = validateForm(def, snap, { data: smallData() });
  return {
    r,
    found: r.issues.map((i) => [
      i.code,
      i.location.kind === 'cell' ? `${i.location.sheet}!${i.location.address}` : 'sheet' in i.location ? i.location.sheet : '',
    ]),
  };
}

// Card key k is on row k + 3 (value in column C); table row i is on row i + 4.
test('the correct form passes every rule', () => {
  const { r } = run();
  expect(r.issues).toEqual([]);
  expect(r.values.ratio).toBe(50);
});

const FAILS: Array<[string, Record<string, Cell>, Cell[][] | undefined, Array<[string, string]>]> = [
  ['type (integer)', { 2: 'десять' }, undefined, [['FORM_NOT_NUMBER', 'Анкета!C5']]],
  ['type (да/нет)', { 4: 'возможно' }, undefined, [['FORM_NOT_YESNO', 'Анкета!C7']]],
  ['type (date)', { 6: 'вчера' }, undefined, [['FORM_NOT_DATE', 'Анкета!C9']]],
  ['type (date): a day that does not exist', { 6: '31.02.2024' }, undefined, [['FORM_DATE_MISSING_DAY', 'Анкета!C9']]],
  ['type (percent)', { 7: '150 %' }, undefined, [['FORM_NOT_PERCENT', 'Анкета!C10']]],
  ['type (choice)', { 8: 'иногда' }, undefined, [['FORM_NOT_CHOICE', 'Анкета!C11']]],
  ['range', { 2: 101, 3: 5 }, undefined, [['FORM_OUT_OF_RANGE', 'Анкета!C5']]],
  ['required', { 1: null }, undefined, [['FORM_REQUIRED', 'Анкета!C4']]],
  ['required when relevant', { 5: null }, undefined, [['FORM_REQUIRED', 'Анкета!C8']]],
  ['relevant', { 4: 'нет' }, undefined, [['FORM_NOT_RELEVANT', 'Анкета!C8']]],
  ['constraint with its own message', { 7: 5 }, undefined, [['FORM_CONSTRAINT', 'Анкета!C10']]],
  ['cross-field: numerator ≤ denominator', { 3: 11 }, undefined, [['FORM_COMPARE', 'Анкета!C6']]],
  ['cross-field: date inside the period', { 6: '31.12.2023' }, undefined, [['FORM_DATE_OUTSIDE', 'Анкета!C9']]],
  [
    'cross-field: ranks 1..N without ties',
    {},
    [
      ['s1', 1, 'Орлов'],
      ['s2', 1, 'Сидоров'],
    ],
    [['FORM_RANK_INVALID', 'Школы!B5']],
  ],
  [
    'cross-field: unique',
    {},
    [
      ['s1', 1, 'Орлов'],
      ['s1', 2, 'Сидоров'],
      ['s2', 3, 'Петров'],
    ],
    [['FORM_DUPLICATE_VALUE', 'Школы!A5']],
  ],
  [
    'cross-field: cap per value',
    {},
    [
      ['s1', 1, 'Орлов'],
      ['s2', 2, 'Орлов'],
    ],
    [['FORM_CAP_EXCEEDED', 'Школы!C5']],
  ],
  ['reference: unknown record', { 1: 'Нетакойский' }, undefined, [['FORM_REF_UNKNOWN', 'Анкета!C4']]],
  ['reference: every school of the list present', {}, [['s1', 1, 'Орлов']], [['FORM_LIST_NOT_COVERED', 'Школы']]],
  ['reference: count matches the list', { 9: 3 }, undefined, [['FORM_COUNT_MISMATCH', 'Анкета!C12']]],
  [
    'reference: the school belongs to the municipality',
    {},
    [
      ['s1', 1, 'Орлов'],
      ['s2', 2, 'Сидоров'],
      ['s3', 3, 'Петров'],
    ],
    [['FORM_WRONG_MUNICIPALITY', 'Школы!A6']],
  ],
  ['formula error', { 2: { error: '#REF!' } }, undefined, [['FORM_FORMULA_ERROR', 'Анкета!C5']]],
];

test.each(FAILS)('%s fails with its code at its cell', (_name, card, table, expected) => {
  expect(run(card, table).found).toEqual(expected);
});

test('calculated fields follow the answers', () => {
  expect(run({ 2: 4, 3: 1 }).r.values.ratio).toBe(25);
  expect(run({ 2: 0, 3: 0 }).r.values.ratio).toBe(0);
});

test('a percent formatted cell (0,5 shown as 50 %) reads as 50', () => {
  const snap = book(
    sheetOf('Анкета', [
      ['Анкета'],
      [],
      ['№', 'Вопрос', 'Ответ'],
      ...Object.keys(GOOD_CARD).map((k) => [k, `вопрос ${k}`, k === '7' ? 0.5 : GOOD_CARD[k]]),
    ]),
    sheetOf('Школы', [['Школы'], [], ['Школа', 'Ранг', 'Куратор'], ...GOOD_TABLE]),
  );
  snap.sheets[0]!.percentCells = ['C10'];
  const r = validateForm(def, snap, { data: smallData() });
  expect(r.issues).toEqual([]);
  expect(r.values.share).toBe(50);
});
