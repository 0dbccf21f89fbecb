import { genderOf, surnameFirst, surnameIn } from '../../../core/format/names';
import { undeclinedPeople } from '../../../core/format/undeclined';
import { formatIssue } from '../../../core/issues';
import type { Person } from '../../../core/model/schemas';

const person = (lastName: string, firstName: string, middleName?: string, extra: Partial<Person> = {}): Person => ({
  id: 'p',
  lastName,
  firstName,
  middleName,
  ...extra,
});

describe('declension: gender from the patronymic, else the first name, else «Пол»', () => {
  test('«Смирнова Анна» (no patronymic) → «Смирновой А.»', () => {
    expect(genderOf(person('Смирнова', 'Анна'))).toBe('female');
    expect(surnameFirst(person('Смирнова', 'Анна'), 'genitive')).toBe('Смирновой\u00a0А.');
    expect(surnameIn(person('Смирнова', 'Анна'), 'dative')).toBe('Смирновой');
    expect(surnameIn(person('Ильясов', 'Дамир'), 'genitive')).toBe('Ильясова');
  });

  test('the patronymic decides before the first name; «Пол» corrects both', () => {
    expect(genderOf(person('Иванова', 'Саша', 'Петровна'))).toBe('female');
    expect(genderOf(person('Иванов', 'Саша'))).toBeUndefined();
    expect(surnameIn(person('Иванова', 'Саша', undefined, { gender: 'ж' }), 'dative')).toBe('Ивановой');
  });

  test('still unknown: a warning naming the person’s row; only that surname stays undeclined', () => {
    const sasha = person('Смирнова', 'Саша');
    const anna = person('Смирнова', 'Анна');
    expect(surnameIn(sasha, 'genitive')).toBe('Смирнова');
    expect(surnameIn(anna, 'genitive')).toBe('Смирновой');
    const cells = new WeakMap<object, Record<string, string>>([[sasha, { lastName: 'B7', firstName: 'C7', gender: 'E7' }]]);
    expect(undeclinedPeople([anna, sasha], { file: 'data.xlsx', cells }).map(formatIssue)).toEqual([
      '⚠ Файл «data.xlsx», лист «Люди», ячейка E7: «Смирнова Саша»: пол не определить ни по отчеству, ни по имени, поэтому фамилия «Смирнова» в документах останется несклонённой. Укажите «м» или «ж» в столбце «Пол».',
    ]);
    expect(undeclinedPeople([sasha]).map(formatIssue)).toEqual([
      '⚠ Лист «Люди»: «Смирнова Саша»: пол не определить ни по отчеству, ни по имени, поэтому фамилия «Смирнова» в документах останется несклонённой. Укажите «м» или «ж» в столбце «Пол».',
    ]);
  });
});
