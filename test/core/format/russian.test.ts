import { formatDateLong, formatDateNumeric } from '../../../core/format/dates';
import { genderOf, initialsFirst, surnameFirst, surnameIn } from '../../../core/format/names';
import { countOf, formatNumber, SCHOOL_FORMS } from '../../../core/format/numbers';
import { cleanText } from '../../../core/format/text';
import type { Person } from '../../../core/model/schemas';

const person = (lastName: string, firstName: string, middleName?: string, extra: Partial<Person> = {}): Person => ({
  id: 'p',
  lastName,
  firstName,
  middleName,
  ...extra,
});

describe('даты по ГОСТ Р 7.0.97', () => {
  test('цифровая и словесно-цифровая формы', () => {
    expect(formatDateNumeric('2024-02-08')).toBe('08.02.2024');
    expect(formatDateLong('2024-02-08')).toBe('8 февраля 2024\u00a0г.');
    expect(formatDateLong('2022-12-23')).toBe('23 декабря 2022\u00a0г.');
  });
});

describe('числа и согласование', () => {
  test.each([
    [1, 'школа'],
    [2, 'школы'],
    [5, 'школ'],
    [11, 'школ'],
    [21, 'школа'],
    [22, 'школы'],
    [218, 'школ'],
  ])('%d %s', (n, word) => {
    expect(countOf(n, SCHOOL_FORMS)).toBe(`${n}\u00a0${word}`);
  });
  test('разряды отделяются неразрывным пробелом', () => expect(formatNumber(12345.5)).toBe('12\u00a0345,5'));
});

describe('фамилии в падежах: пол по отчеству, столбец-исправление главнее', () => {
  test.each([
    [person('Ильясов', 'Дамир', 'Фаритович'), 'genitive', 'Ильясова'],
    [person('Севрюкова', 'Анна', 'Александровна'), 'genitive', 'Севрюковой'],
    [person('Севрюкова', 'Анна', 'Александровна'), 'dative', 'Севрюковой'],
    [person('Донской', 'Алексей', 'Геннадьевич'), 'genitive', 'Донского'],
    [person('Борченко', 'Андрей', 'Александрович'), 'genitive', 'Борченко'],
    [person('Сахно', 'Олег', 'Анатольевич'), 'genitive', 'Сахно'],
    [person('Черных', 'Ирина', 'Петровна'), 'dative', 'Черных'],
    [person('Шевчук', 'Иван', 'Иванович'), 'dative', 'Шевчуку'],
    [person('Шевчук', 'Анна', 'Ивановна'), 'dative', 'Шевчук'],
    [person('Петрова-Водкина', 'Мария', 'Ивановна'), 'genitive', 'Петровой-Водкиной'],
  ] as const)('%o → %s: %s', (p, grammaticalCase, expected) => expect(surnameIn(p, grammaticalCase)).toBe(expected));

  test('исправление из столбца «Фамилия (род. п.)» побеждает', () => {
    expect(surnameIn(person('Ильясов', 'Дамир', 'Фаритович', { lastNameGenitive: 'Ильясова-особо' }), 'genitive')).toBe('Ильясова-особо');
  });
  test('без отчества пол не определить — фамилия не склоняется, столбец «Пол» помогает', () => {
    expect(genderOf(person('Мамедова', 'Лейла'))).toBeUndefined();
    expect(surnameIn(person('Иванова', 'Лейла'), 'dative')).toBe('Иванова');
    expect(surnameIn(person('Иванова', 'Лейла', undefined, { gender: 'ж' }), 'dative')).toBe('Ивановой');
  });
  test('инициалы привязаны к фамилии неразрывным пробелом', () => {
    const p = person('Коузова', 'Елена', 'Александровна');
    expect(initialsFirst(p)).toBe('Е.А.\u00a0Коузова');
    expect(surnameFirst(person('Ильясов', 'Дамир', 'Фаритович'), 'genitive')).toBe('Ильясова\u00a0Д.Ф.');
  });
});

describe('очистка текста для XML', () => {
  test('запрещённые символы убраны, вертикальная табуляция — перенос строки, NFC', () => {
    expect(cleanText('a\u0001b\uffffc\u000bd')).toBe('abc\nd');
    expect(cleanText('е\u0308')).toBe('ё');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('😀 & <b>')).toBe('😀 & <b>');
  });
  test('«№» привязан к номеру неразрывным пробелом, кавычки как набраны', () => {
    expect(cleanText('письмо № 12865 и "СОШ № 1"')).toBe('письмо №\u00a012865 и "СОШ №\u00a01"');
  });
});
