import { formatIssue } from '../../../core/issues';
import { missingDay } from '../../../core/workbook/cell-values';
import { openWorkbook } from '../../../core/workbook/open-workbook';
import { writeZip } from '../../../core/zip/write-zip';
import { defaultDefinitions } from '../../fixtures/forms';
import { validateForm } from '../../../core/forms/validate';
import { book, sheetOf } from '../forms/helpers';

const SAVE_AS =
  'Сохраните её как .xlsx: в Excel — «Файл → Сохранить как», тип «Книга Excel (*.xlsx)»; в LibreOffice Calc — «Файл → Сохранить как», тип «Excel 2007-365 (.xlsx)»; в Р7-Офис — «Файл → Сохранить как» (или «Скачать как»), формат XLSX.';

describe('.xls and .ods are named, with how to save them as .xlsx', () => {
  test('an Excel 97–2003 workbook (OLE2 signature)', async () => {
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const opened = await openWorkbook(xls, 'карта.xls');
    expect(opened.ok ? [] : opened.issues.map(formatIssue)).toEqual([
      `✖ Файл «карта.xls»: это книга Excel 97–2003 (.xls), а Каскад читает книги .xlsx. ${SAVE_AS}`,
    ]);
  });

  test('an OpenDocument spreadsheet (even renamed to .xlsx)', async () => {
    const enc = new TextEncoder();
    const ods = writeZip([
      { name: 'mimetype', data: enc.encode('application/vnd.oasis.opendocument.spreadsheet'), compress: false },
      { name: 'content.xml', data: enc.encode('<office:document-content/>') },
      { name: 'META-INF/manifest.xml', data: enc.encode('<manifest/>') },
    ]);
    for (const name of ['карта.ods', 'карта.xlsx']) {
      const opened = await openWorkbook(ods, name);
      expect(opened.ok ? [] : opened.issues.map(formatIssue)).toEqual([
        `✖ Файл «${name}»: это таблица OpenDocument (.ods), а Каскад читает книги .xlsx. ${SAVE_AS}`,
      ]);
    }
  });
});

describe('an impossible date says the day does not exist', () => {
  test.each([
    ['31.02.2022', 'в феврале 2022 года 28 дней'],
    ['29.02.2023', 'в феврале 2023 года 28 дней'],
    ['31.04.2024', 'в апреле 2024 года 30 дней'],
    ['12.13.2024', 'месяца 13 нет, месяцы — от 1 до 12'],
  ])('%s: %s', (text, why) => expect(missingDay(text)).toBe(why));
  test('real dates and other text are not «missing days»', () => {
    expect(missingDay('29.02.2024')).toBeUndefined();
    expect(missingDay('вчера')).toBeUndefined();
  });

  test('in a form: «31.02.2022» is not «должна быть дата в виде ДД.ММ.ГГГГ»', () => {
    const f3 = defaultDefinitions().find((d) => d.id === 'F3')!;
    const info = sheetOf('Сведения', [
      ['Сведения'],
      [],
      ['№', 'Сведения', 'Значение'],
      ['1', 'Муниципалитет или организация', 'Кыштым'],
      ['2', 'Год', 2022],
      ['3', 'Отчётная дата', '31.02.2022'],
    ]);
    const r = validateForm(f3, book(info), {});
    expect(r.issues.filter((i) => i.code.includes('DATE')).map((i) => [i.code, i.message])).toEqual([
      ['FORM_DATE_MISSING_DAY', '«Отчётная дата»: даты «31.02.2022» не существует — такого дня нет в календаре.'],
    ]);
  });
});
