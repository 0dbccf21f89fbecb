import { FALLBACK_FILE_NAME, MAX_FILE_NAME_BYTES, fileNameKey, planFileNames, safeFileName, shortenAtWord } from '../../../core/format/file-names';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const name = (base: string, ext = 'docx', taken = new Set<string>()): string => safeFileName(base, ext, taken);

describe('имена файлов документов', () => {
  test('кавычки в названии школы становятся «ёлочками»', () => {
    expect(name('МБОУ "СОШ № 12"')).toBe('МБОУ «СОШ № 12».docx');
    expect(name('"Лицей" г. Тверь')).toBe('«Лицей» г. Тверь.docx');
  });

  test('«ёлочки» и № сохраняются как есть', () => {
    expect(name('МБОУ «СОШ № 12»')).toBe('МБОУ «СОШ № 12».docx');
  });

  test('дробь в номере письма становится дефисом', () => {
    expect(name('Письмо № 04/335')).toBe('Письмо № 04-335.docx');
    expect(name('a\\b|c')).toBe('a-b-c.docx');
  });

  test.each([':', '*', '?', '<', '>'])('запрещённый символ «%s» заменяется на «_»', (ch) => {
    expect(name(`Итоги${ch}2024`)).toBe('Итоги_2024.docx');
  });

  test('управляющие символы и переводы строк становятся пробелом, пробелы схлопываются', () => {
    expect(name('Приказ\nо\tназначении\u0000  \u007f ответственных')).toBe('Приказ о назначении ответственных.docx');
    expect(name('  Справка   по   итогам  ')).toBe('Справка по итогам.docx');
  });

  test('без точек и пробелов в конце и точек в начале', () => {
    expect(name('Справка. . .')).toBe('Справка.docx');
    expect(name('...скрытый')).toBe('скрытый.docx');
    expect(name('Итоги.', '')).toBe('Итоги');
  });

  test.each(['CON', 'con', 'Prn', 'AUX', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'nul.2024'])(
    'имя устройства Windows «%s» получает «_» в начале',
    (device) => expect(name(device)).toBe(`_${device}.docx`),
  );

  test('имя устройства без расширения тоже', () => {
    expect(name('CON', '')).toBe('_CON');
  });

  test.each(['CONSOLE', 'COM10', 'LPT0', 'Конспект'])('«%s» не имя устройства', (base) => {
    expect(name(base)).toBe(`${base}.docx`);
  });

  test('расширение можно дать с точкой', () => {
    expect(name('Письмо', '.pdf')).toBe('Письмо.pdf');
  });

  test('пустое или из одних пробелов и точек → «документ»', () => {
    expect(name('')).toBe(`${FALLBACK_FILE_NAME}.docx`);
    expect(name('  . . ')).toBe('документ.docx');
    expect(name('\n\t')).toBe('документ.docx');
  });

  test('длинное русское имя укорачивается до 150 байт UTF-8 вместе с расширением', () => {
    const long = 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12»';
    const result = name(long);
    expect(bytes(result)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(result.endsWith('.docx')).toBe(true);
    const kept = result.slice(0, -'….docx'.length);
    expect(result.endsWith('….docx')).toBe(true);
    expect(long.startsWith(kept)).toBe(true);
    expect(long.charAt(kept.length)).toBe(' '); // cut between words, not inside one
  });

  test('обрезка не разрывает суррогатную пару и букву с диакритикой', () => {
    const emoji = '😀'.repeat(100); // 4 bytes each, 2 UTF-16 units each
    const result = name(emoji, 'pdf');
    expect(bytes(result)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(result).toBe(`${'😀'.repeat(35)}….pdf`); // 35 × 4 + 3 («…») + 4 = 147
    expect(result).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const accented = 'е\u0301'.repeat(100); // «е́»: 2 + 2 bytes, one character
    const cut = name(accented, 'pdf');
    expect(bytes(cut)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(cut.replace('….pdf', '').endsWith('\u0301')).toBe(true);
  });

  test('й, набранная двумя знаками, приводится к одному', () => {
    expect(name('Чукотскии\u0306')).toBe('Чукотский.docx');
  });

  test('повторы получают « (2)», « (3)», без учёта регистра', () => {
    const taken = new Set<string>();
    expect(safeFileName('Письмо', 'docx', taken)).toBe('Письмо.docx');
    expect(safeFileName('ПИСЬМО', 'docx', taken)).toBe('ПИСЬМО (2).docx');
    expect(safeFileName('письмо', 'DOCX', taken)).toBe('письмо (3).DOCX');
    expect(safeFileName('Письмо', 'pdf', taken)).toBe('Письмо.pdf');
    expect(taken.has(fileNameKey('Письмо (2).docx'))).toBe(true);
  });

  test('заранее занятые имена (ключи fileNameKey) учитываются', () => {
    const taken = new Set([fileNameKey('Справка.docx')]);
    expect(safeFileName('справка', 'docx', taken)).toBe('справка (2).docx');
  });

  test('счётчик у длинного имени тоже помещается в 150 байт', () => {
    const taken = new Set<string>();
    const long = 'Ж'.repeat(200);
    const first = safeFileName(long, 'docx', taken);
    const second = safeFileName(long, 'docx', taken);
    expect(second.endsWith(' (2).docx')).toBe(true);
    expect(bytes(first)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(bytes(second)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });
});

describe('shortenAtWord', () => {
  it('keeps a short title as it is', () => {
    expect(shortenAtWord('Дорожная карта', 60)).toBe('Дорожная карта');
  });

  it('cuts a long title after a whole word and marks the cut, within the limit', () => {
    const title = 'Карта мониторинга наличия и реализации муниципальной программы адресной поддержки школ';
    const short = shortenAtWord(title, 60);
    expect(short).toBe('Карта мониторинга наличия и реализации муниципальной…');
    expect(short.length).toBeLessThanOrEqual(60);
  });

  it('leaves no dangling punctuation before the mark and cuts a single long word when it must', () => {
    expect(shortenAtWord('Распределение школ, кураторов и сроков', 20)).toBe('Распределение школ…');
    expect(shortenAtWord('Сверхдлинноеслововсамомначале', 10)).toBe('Сверхдлин…');
  });

  test('пакет: совпавшие имена получают номер, совпадение сообщается с записями', () => {
    const planned = planFileNames(
      [
        { record: 'd1 / Ашинский', fileBase: 'Письмо — Ашинский' },
        { record: 'd2 / Ашинский', fileBase: 'Письмо — Ашинский' },
        { record: 'd3', fileBase: 'Письмо — Брединский' },
      ],
      'docx',
    );
    expect(planned.names).toEqual(['Письмо — Ашинский.docx', 'Письмо — Ашинский (2).docx', 'Письмо — Брединский.docx']);
    expect(planned.collisions).toEqual([{ name: 'Письмо — Ашинский.docx', records: ['d1 / Ашинский', 'd2 / Ашинский'] }]);
  });
});
