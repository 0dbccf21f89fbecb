import { cleanDeep } from '../../../core/format/text';
import { cleanAndTypesetDeep, typeset, typesetDeep } from '../../../core/format/typography';

const nb = (s: string) => s.replace(/⍽/g, '\u00a0');

describe('типограф: текст из данных печатается по правилам русской типографики', () => {
  test.each([
    ['МБОУ "СОШ № 9"', 'МБОУ «СОШ №⍽9»'],
    ['МБОУ "СОШ "Лидер""', 'МБОУ «СОШ „Лидер“»'],
    ['приказ «О школе "Лидер"»', 'приказ «О школе „Лидер“»'],
    ['"Точка роста", "IT-куб"', '«Точка роста», «IT-куб»'],
    ['("Кванториум")', '(«Кванториум»)'],
  ])('кавычки: %s → %s', (input, expected) => {
    expect(typeset(input)).toBe(nb(expected));
  });

  test.each([
    ['№ 5112', '№⍽5112'],
    ['№5112', '№⍽5112'],
    ['§ 3', '§⍽3'],
    ['Л.П. Тимофеевой', 'Л.П.⍽Тимофеевой'],
    ['А. А. Иванов', 'А.⍽А.⍽Иванов'],
    ['Ильясова Д.Ф., заведующего', 'Ильясова⍽Д.Ф., заведующего'],
    ['Мартынова Ю. А.', 'Мартынова⍽Ю.⍽А.'],
    ['в 2024 г. и в 2023-2024 гг.', 'в 2024⍽г. и в 2023–2024⍽гг.'],
    ['т. е. школы, т.д.', 'т.⍽е. школы, т.⍽д.'],
    ['и т. д.', 'и⍽т.⍽д.'],
    ['доля 25 %, 3 л., 150 руб., 12 баллов', 'доля 25⍽%, 3⍽л., 150⍽руб., 12⍽баллов'],
    ['Челябинск - столица', 'Челябинск⍽— столица'],
    ['17-18 сентября', '17–18 сентября'],
    ['итоги -- выводы', 'итоги⍽— выводы'],
  ])('пробелы и тире: %s → %s', (input, expected) => {
    expect(typeset(input)).toBe(nb(expected));
  });

  test.each([
    'Тел. (351) 263-88-04, факс 263-88-05',
    'Приказ № 04/335',
    'e-mail: info@minobr.ru; www.minobr74.ru',
    'IT-куб и сине-зелёный',
    'ВПР. Министерство',
    '31.05.2022',
  ])('не трогает то, что набрано верно или не про типографику: %s', (input) => {
    expect(typeset(input).replace(/№\u00a0/g, '№ ')).toBe(input);
  });

  test('слова не меняются: только пробелы, кавычки и тире', () => {
    const input = 'МБОУ "СОШ № 9" г. Миасса - школа, т. е. 25 % от Иванов А.А. в 2024-2025 гг.';
    const words = (s: string) =>
      s
        .replace(/[«»„“"—–-]/g, ' ')
        .split(/[\s\u00a0]+/)
        .filter(Boolean);
    expect(words(typeset(input))).toEqual(words(input));
  });

  test('повторное применение ничего не меняет', () => {
    const once = typeset('МБОУ "СОШ "Лидер"" - 2024-2025 гг., Иванов А. А., № 5');
    expect(typeset(once)).toBe(once);
  });

  test('сырой XML ({@…}) не типографируется, остальное — везде в данных', () => {
    const data = { name: 'МБОУ "СОШ"', rows: [{ text: 'Иванов А.А.', levelCell: '<w:shd w:val="clear"/>' }] };
    expect(typesetDeep(data, new Set(['levelCell']))).toEqual({
      name: 'МБОУ «СОШ»',
      rows: [{ text: 'Иванов\u00a0А.А.', levelCell: '<w:shd w:val="clear"/>' }],
    });
  });
});

test('данные документа: очистка и типограф одним обходом — как cleanDeep, затем typesetDeep; сырой XML только очищен', () => {
  const data = {
    school: 'МБОУ "СОШ № 5"\r\nг. Аша',
    people: [{ name: 'Иванов А.А.', note: 'сроки 2024-2025' }, 'т.е.\u0007 всё'],
    levelCell: '<w:t xml:space="preserve">"да"\u000b</w:t>',
    count: 3,
    empty: null,
  };
  const rawKeys = new Set(['levelCell']);
  const expected = typesetDeep(cleanDeep(data), rawKeys);
  expect(cleanAndTypesetDeep(data, rawKeys)).toEqual(expected);
  // Remembered strings give the same result the second time.
  expect(cleanAndTypesetDeep(data, rawKeys)).toEqual(expected);
  expect(expected.school).toBe('МБОУ «СОШ №\u00a05»\nг. Аша');
  expect(expected.levelCell).toBe('<w:t xml:space="preserve">"да"\n</w:t>');
});
