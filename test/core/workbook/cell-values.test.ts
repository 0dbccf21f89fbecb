import { displayCellValue, isoFromExcelSerial, parseRussianDate, parseRussianNumber, readCellValue } from '../../../core/workbook/cell-values';

describe('как читаются значения ячеек, введённые по-русски', () => {
  test.each([
    ['08.02.2024', '2024-02-08'],
    ['8.2.2024', '2024-02-08'],
    ['08.02.24', '2024-02-08'],
    ['2024-02-08', '2024-02-08'],
    [' 31.05.2022 г.', '2022-05-31'],
  ])('дата «%s» → %s', (text, iso) => expect(parseRussianDate(text)).toBe(iso));

  test.each(['31.02.2024', 'вчера', '2024', '12/31/2024'])('«%s» не дата', (text) => expect(parseRussianDate(text)).toBeUndefined());

  test.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 1\u00a0234,5 ', 1234.5],
    ['-3', -3],
  ])('число «%s» → %d', (text, n) => expect(parseRussianNumber(text)).toBe(n));

  test.each(['пять', '1,2,3', ''])('«%s» не число', (text) => expect(parseRussianNumber(text)).toBeUndefined());

  test('серийный номер даты Excel', () => {
    expect(isoFromExcelSerial(45330)).toBe('2024-02-08');
    expect(isoFromExcelSerial(0)).toBeUndefined();
  });

  test('ошибки формул, русские и английские', () => {
    expect(readCellValue('#ДЕЛ/0!')).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(readCellValue({ formula: 'A1/0', result: { error: '#DIV/0!' } } as never)).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(readCellValue({ error: '#REF!' } as never)).toEqual({ kind: 'error', code: '#REF!' });
  });

  test('форматированный текст и формулы дают видимое значение', () => {
    expect(readCellValue({ richText: [{ text: 'МБОУ ' }, { text: '«СОШ № 1»' }] } as never)).toEqual({ kind: 'text', text: 'МБОУ «СОШ № 1»' });
    expect(readCellValue({ formula: 'B1*2', result: 4 } as never)).toEqual({ kind: 'number', value: 4 });
    expect(displayCellValue({ kind: 'date', iso: '2024-02-08' })).toBe('08.02.2024');
    expect(readCellValue('   ')).toEqual({ kind: 'empty' });
  });
});
