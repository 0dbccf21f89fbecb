/**
 * F7 with names typed in: a school is found by code, or by name within the row's municipality;
 * curators are people of «Люди» matched by normalised ФИО; duplicates name both cells and the
 * school; unassigned ШНОР are listed with their codes.
 */
import { defaultDefinitions } from '../../fixtures/forms';
import { buildReferenceData, personKey } from '../../../core/forms/reference-data';
import { validateForm } from '../../../core/forms/validate';
import { book, sheetOf, smallDataset, type Cell } from './helpers';

const f7 = defaultDefinitions().find((d) => d.id === 'F7')!;
const HEAD = ['№ п/п', 'Муниципалитет', 'Школа (ШНОР)', 'Куратор', 'Школа-лидер'];
const info = sheetOf('Сведения', [['Сведения'], [], ['№', 'Сведения', 'Значение'], ['1', 'Год', 2024], ['2', 'Муниципалитет', '']]);

/** The small region plus Чебаркуль: a городской округ and a муниципальный район, each with its «МОУ СОШ № 1», both ШНОР. */
function region() {
  const d = smallDataset();
  d.municipalities.push(
    {
      id: 'mo03',
      name: 'Чебаркульский городской округ',
      kind: 'городской округ',
      authority: 'Управление образования Чебаркульского городского округа',
    },
    {
      id: 'mo04',
      name: 'Чебаркульский муниципальный район',
      kind: 'муниципальный район',
      authority: 'Управление образования Чебаркульского муниципального района',
    },
  );
  d.schools.push(
    { id: 's31', municipalityId: 'mo03', name: 'МОУ СОШ № 1' },
    { id: 's41', municipalityId: 'mo04', name: 'МОУ СОШ № 1' },
    { id: 's42', municipalityId: 'mo04', name: 'МОУ СОШ № 2' },
  );
  d.schoolLists.push({ year: 2024, schoolId: 's31', list: 'ШНОР' }, { year: 2024, schoolId: 's41', list: 'ШНОР' });
  return d;
}

const check = (rows: Cell[][], cap?: number) =>
  validateForm(
    cap ? { ...f7, params: { ...f7.params, curator_cap: cap } } : f7,
    book(info, sheetOf('Распределение', [['Распределение'], [], HEAD, ...rows])),
    { file: 'F7.xlsx', data: buildReferenceData(region()) },
  );

const ALL: Cell[][] = [
  ['1', 'Кыштымский городской округ', 's1', 'Сидорова Светлана Сергеевна', 's4'],
  ['2', 'Кыштымский городской округ', 'МОУ "СОШ № 2" г. Кыштыма', 'Сидорова С.С.', 's4'],
  ['3', 'Миасский городской округ', 's3', 'Орлов О.О.', 's4'],
  ['4', 'Чебаркульский городской округ', 'МОУ СОШ № 1', 'Антонова Алена Андреевна', 's4'],
  ['5', 'Чебаркульский муниципальный район', 'МОУ СОШ № 1', 'антонова  а. а.', 'МОУ СОШ № 2'],
];

describe('F7 references', () => {
  test('«МОУ СОШ № 1» is found within each row’s own Чебаркуль: no «не найден(а)», no false «не указана в форме»', () => {
    const r = check(ALL);
    expect(r.issues.map((i) => i.message)).toEqual([]);
    expect(r.values['school']).toEqual(['s1', 's2', 's3', 's31', 's41']);
    expect(r.values['leader']).toEqual(['s4', 's4', 's4', 's4', 's42']);
  });

  test('curators are people: «Сидорова С.С.», «Сидорова С. С.» and the full name are one person for the cap', () => {
    const rows = ALL.map((row) => [...row]);
    rows[2]![3] = 'Сидорова  С. С.';
    const r = check(rows, 2);
    expect(r.values['curator']).toEqual(['p1', 'p1', 'p1', 'p3', 'p3']);
    expect(r.issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : '', i.message])).toEqual([
      ['FORM_CAP_EXCEEDED', 'D6', '«Куратор»: у «Сидорова Светлана Сергеевна» 3, допускается не больше 2.'],
    ]);
  });

  test('a curator not in «Люди» is named with the cell', () => {
    const rows = ALL.map((row) => [...row]);
    rows[0]![3] = 'Петров П.П.';
    expect(check(rows).issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : '', i.message])).toEqual([
      ['FORM_REF_UNKNOWN', 'D4', '«Куратор»: человек «Петров П.П.» не найден(а) в данных. Выберите из списка или проверьте написание.'],
    ]);
  });

  test('a ШНОР given twice: both cells and the school named; the one left out listed with its code', () => {
    const rows = ALL.map((row) => [...row]);
    rows[1] = ['2', 'Кыштымский городской округ', 's1', 'Сидорова С.С.', 's4'];
    expect(check(rows).issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : i.location.kind, i.message])).toEqual([
      [
        'FORM_DUPLICATE_VALUE',
        'C5',
        '«Школа (ШНОР)»: «МОУ "СОШ № 1" г. Кыштыма» указано дважды — в ячейках C4 и C5: каждая ШНОР указывается ровно один раз.',
      ],
      ['FORM_LIST_NOT_COVERED', 'sheet', 'школа «МОУ "СОШ № 2" г. Кыштыма» (код s2) из списка «ШНОР» не указана в форме.'],
    ]);
  });

  test('normalised ФИО: spaces, ё/е, initials', () => {
    expect(personKey('Антонова  Алёна Андреевна')).toBe(personKey('антонова алена андреевна'));
    expect(personKey('Иванова А. С.')).toBe(personKey('Иванова А.С.'));
    expect(personKey('Иванова А.С')).toBe(personKey('Иванова А.С.'));
    expect(personKey('Иванова А.С.')).not.toBe(personKey('Иванова А.Е.'));
  });
});
