import { defaultDefinitions } from '../../fixtures/forms';
import { scoreForm } from '../../../core/forms/score';
import { validateForm } from '../../../core/forms/validate';
import { book, sheetOf, smallData, type Cell } from './helpers';
import { TECH_CARD_PROBLEMS } from '../../../core/model/tech-card';

const defs = defaultDefinitions();
const f2 = defs.find((d) => d.id === 'F2')!;
const f3 = defs.find((d) => d.id === 'F3')!;
const f7 = defs.find((d) => d.id === 'F7')!;

const where = (r: ReturnType<typeof validateForm>) =>
  r.issues.map((i) => [
    i.code,
    i.location.kind === 'cell' ? `${i.location.sheet}!${i.location.address}` : 'sheet' in i.location ? i.location.sheet : '',
  ]);

const info = (rows: Cell[][], labels = 'Сведения') => sheetOf('Сведения', [['Сведения'], [], ['№', labels, 'Значение'], ...rows]);

describe('F2 technology card (matrix)', () => {
  const HEAD = [
    '№',
    'Проблема',
    'Приоритет (1–4)',
    'На уровне ОО',
    'На уровне управления образованием в муниципалитете',
    'На уровне института развития образования',
    'На уровне министерства образования',
    'На уровне ресурсных центров',
    'Иные организации',
    'Уточнение',
  ];
  function card(choices: Record<number, Cell[]>, columns = HEAD) {
    const school = sheetOf('Школа', [
      ['Сведения о школе'],
      [],
      ['№', 'Сведения', 'Значение'],
      ['1', 'Муниципалитет', 'mo01'],
      ['2', 'Школа', 'МОУ "СОШ № 1" г. Кыштыма'],
      ['3', 'Год', 2024],
      ['4', 'Ответственный', 'Петрова П.П.'],
    ]);
    const rows: Cell[][] = TECH_CARD_PROBLEMS.map((p) => {
      const row: Cell[] = [String(p.no), p.title, ...(choices[p.no] ?? [])];
      return columns === HEAD ? row : columns.map((h) => row[HEAD.indexOf(h)]);
    });
    return book(school, sheetOf('Технологическая карта', [['Технологическая карта'], [], columns, ...rows]));
  }
  const run = (snap: ReturnType<typeof card>) => validateForm(f2, snap, { data: smallData() });

  test('a school picks 1–4 problems, ranks them, names measures inside and outside', () => {
    const r = run(card({ 1: [1, 'конкурс', 'подбор кадров', '', '', '', '', 'учитель физики'], 2: [2, 'наставники', '', 'курсы ИПК'] }));
    expect(r.issues).toEqual([]);
    expect(r.values.chosen).toBe(2);
    expect(r.values.priority).toEqual([1, 2, null, null, null, null, null, null, null, null]);
  });

  test('ranks 1..N without ties', () => {
    const r = run(card({ 1: [1, 'a', 'b'], 2: [1, 'c', 'd'], 3: [3, 'e', 'f'] }));
    expect(where(r)).toEqual([['FORM_RANK_INVALID', 'Технологическая карта!C5']]);
    const gap = run(card({ 1: [1, 'a', 'b'], 2: [3, 'c', 'd'] }));
    expect(where(gap)).toEqual([['FORM_RANK_INVALID', 'Технологическая карта!C5']]);
    const five = run(card({ 1: [1, 'a', 'b'], 2: [2, 'c', 'd'], 3: [3, 'a', 'b'], 4: [4, 'a', 'b'], 5: [5, 'a', 'b'] }));
    expect(where(five)).toEqual([['FORM_OUT_OF_RANGE', 'Технологическая карта!C8']]);
  });

  test('a chosen problem needs a school measure and one outside; «Иное» needs a description', () => {
    const r = run(card({ 1: [1, '', 'b'], 2: [2, 'a'], 10: [3, 'a', 'b', '', '', '', '', ''] }));
    expect(where(r)).toEqual([
      ['FORM_CONSTRAINT', 'Технологическая карта!C5'],
      ['FORM_REQUIRED', 'Технологическая карта!D4'],
      ['FORM_REQUIRED', 'Технологическая карта!J13'],
    ]);
  });

  test('no problem chosen', () => {
    expect(where(run(card({})))[0]![0]).toBe('FORM_COMPARE');
  });

  test('columns are found by their headers: a moved column is still read', () => {
    const moved = [HEAD[0]!, HEAD[1]!, HEAD[3]!, HEAD[2]!, ...HEAD.slice(4)];
    const r = run(card({ 1: [1, 'конкурс', 'подбор'] }, moved));
    expect(r.issues).toEqual([]);
    expect(r.cells.priority).toEqual(expect.arrayContaining([{ sheet: 'Технологическая карта', address: 'D4' }]));
  });

  test('reference: the school belongs to the municipality', () => {
    const snap = card({ 1: [1, 'a', 'b'] });
    snap.sheets[0]!.cells.C5 = { kind: 'text', text: 'МАОУ "СОШ № 3" г. Миасса' };
    expect(where(run(snap))).toEqual([['FORM_WRONG_MUNICIPALITY', 'Школа!C5']]);
  });
});

describe('F3 roadmap (repeating table)', () => {
  const HEAD = ['№ п/п', 'Мероприятие', 'Сроки', 'Ответственные', 'Ожидаемый результат', 'Отметка о выполнении'];
  const roadmap = (items: Cell[][], reportDate: Cell = '01.07.2024') =>
    book(
      info([
        ['1', 'Организация', 'Кыштымский городской округ'],
        ['2', 'Год', 2024],
        ['3', 'Отчётная дата', reportDate],
      ]),
      sheetOf('Дорожная карта', [['Мероприятия'], [], HEAD, ...items, [], ['', 'после пустой строки не читается', 'вчера']]),
    );

  test('execution % = done / due by the report date, coloured', () => {
    const items: Cell[][] = [
      ['1', 'Семинар', '08.02.2024', 'УО', 'проведён', 'выполнено'],
      ['2', 'Мониторинг', 'ежемесячно', 'УО', 'справки', 'выполнено'],
      ['3', 'Курсы', '01.03.2024–31.05.2024', 'ИПК', '', 'не выполнено'],
      ['4', 'Итоги', 'декабрь 2024', 'УО', '', ''],
    ];
    const r = validateForm(f3, roadmap(items));
    expect(r.issues).toEqual([]);
    expect(r.values.due).toEqual([1, 1, 1, 0]);
    expect(r.values.exec_pct).toBe(66.7);
    const s = scoreForm(f3, r);
    expect(s.level?.title).toBe('красный');
    expect(s.levelValue).toBe(66.7);
  });

  test('table rows end at the first empty row; a bad term and a missing mark are findings at their cells', () => {
    const r = validateForm(
      f3,
      roadmap([
        ['1', 'Семинар', 'когда-нибудь', 'УО', '', ''],
        ['2', 'Курсы', '01.03.2024', 'УО', '', ''],
      ]),
    );
    expect(where(r)).toEqual([
      ['FORM_CONSTRAINT', 'Дорожная карта!C4'],
      ['FORM_REQUIRED', 'Дорожная карта!F5'],
    ]);
  });
});

describe('F7 distribution', () => {
  const HEAD = ['№ п/п', 'Муниципалитет', 'Школа (ШНОР)', 'Куратор', 'Школа-лидер'];
  const dist = (rows: Cell[][], params?: Record<string, number>) =>
    validateForm(
      params ? { ...f7, params: { ...f7.params, ...params } } : f7,
      book(
        info([
          ['1', 'Год', 2024],
          ['2', 'Муниципалитет', ''],
        ]),
        sheetOf('Распределение', [['Распределение'], [], HEAD, ...rows]),
      ),
      { data: smallData() },
    );
  const OK: Cell[][] = [
    ['1', 'mo01', 's1', 'Сидорова С.С.', 'МОУ "СОШ № 2" г. Кыштыма'.replace('2', '2')],
    ['2', 'mo01', 's2', 'Сидорова С.С.', 's4'],
    ['3', 'mo02', 's3', 'Орлов О.О.', 's4'],
  ];

  test('every ШНОР exactly once, leader schools not ШНОР', () => {
    const rows = OK.map((r) => [...r]);
    rows[0]![4] = 's4';
    expect(dist(rows).issues).toEqual([]);
  });

  test('a leader school that is itself a ШНОР; a ШНОР given twice and another missing', () => {
    const r = dist([
      ['1', 'mo01', 's1', 'Антонова А.А.', 's2'],
      ['2', 'mo01', 's1', 'Борисов Б.', 's4'],
    ]);
    expect(where(r)).toEqual([
      ['FORM_CONSTRAINT', 'Распределение!E4'],
      ['FORM_DUPLICATE_VALUE', 'Распределение!C5'],
      ['FORM_LIST_NOT_COVERED', 'Распределение'],
      ['FORM_LIST_NOT_COVERED', 'Распределение'],
    ]);
  });

  test('curator load ≤ the configurable cap', () => {
    const rows = OK.map((r) => [...r.slice(0, 4), 's4']);
    expect(dist(rows, { curator_cap: 1 }).issues.map((i) => i.code)).toEqual(['FORM_CAP_EXCEEDED']);
    expect(dist(rows, { curator_cap: 2 }).issues).toEqual([]);
  });

  test('the school belongs to the municipality of its row; unknown schools are reported', () => {
    const r = dist([
      ['1', 'mo02', 's1', 'Антонова А.А.', 's4'],
      ['2', 'mo01', 's2', 'Антонова А.А.', 's4'],
      ['3', 'mo02', 'Школа № 999', 'Борисов Б.', 's4'],
    ]);
    expect(where(r)).toEqual([
      ['FORM_REF_UNKNOWN', 'Распределение!C6'],
      ['FORM_LIST_NOT_COVERED', 'Распределение'],
      ['FORM_WRONG_MUNICIPALITY', 'Распределение!C4'],
    ]);
  });
});

test('a renamed table column is reported once, not on every row', () => {
  const HEAD = ['№ п/п', 'Муниципалитет', 'Школа (ШНОР)', 'Куратор ОО', 'Школа-лидер'];
  const r = validateForm(
    f7,
    book(
      info([
        ['1', 'Год', 2024],
        ['2', 'Муниципалитет', ''],
      ]),
      sheetOf('Распределение', [[], [], HEAD, ['1', 'mo01', 's1', 'Антонова А.А.', 's4'], ['2', 'mo01', 's2', 'Борисов Б.', 's4']]),
    ),
    { data: smallData() },
  );
  expect(r.issues.map((i) => i.code)).toEqual(['COLUMN_MISSING', 'FORM_LIST_NOT_COVERED']);
  expect(r.issues[0]!.message).toContain('Возможно, это столбец «Куратор ОО»');
});
