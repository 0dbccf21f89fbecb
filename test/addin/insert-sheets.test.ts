import { NO_CAPABILITIES, type ExcelCapabilities } from '../../addin/excel/capabilities';
import { base64FromBytes } from '../../addin/excel/base64';
import { insertBlankSheets } from '../../addin/excel/insert-sheets';
import { FakeExcel, type FakeSheetInit } from './fake-excel';

const EXCEL_1_13: ExcelCapabilities = { ...NO_CAPABILITIES, usedRangeOrNullObject: true, insertWorksheetsFromBase64: true, addWorksheets: true };
const BLANK_BASE64 = 'UEsDBBQAAAAIAGJsYW5r';
const BLANK: FakeSheetInit[] = [
  { name: 'Карта мониторинга', cells: { A1: 'Карта мониторинга муниципальной программы', C4: { value: '', numberFormat: 'dd.mm.yyyy' } } },
  { name: 'Списки', visibility: 'Hidden', cells: { A1: 'Да', A2: 'Нет' } },
];
const blank = { base64: BLANK_BASE64, sheetNames: ['Карта мониторинга', 'Списки'] };

function openWorkbook(names: string[]): FakeExcel {
  return new FakeExcel(
    names.map((name) => ({ name })),
    { insertWorksheetsFromBase64: true, files: { [BLANK_BASE64]: BLANK } },
  );
}

describe('insertBlankSheets', () => {
  it("adds the blank's sheets at the end and returns their names, in 2 syncs", async () => {
    const excel = openWorkbook(['Лист1']);
    expect(await insertBlankSheets(excel.context, blank, EXCEL_1_13)).toEqual({ inserted: ['Карта мониторинга', 'Списки'] });
    expect(excel.syncs).toBe(2);
    expect(excel.opsOf('insertSheets')).toEqual([{ sync: 2, op: 'insertSheets', target: 'workbook', detail: 'Карта мониторинга,Списки at End' }]);
    expect(excel.sheetList().map((s) => [s.name, s.visibility])).toEqual([
      ['Лист1', 'Visible'],
      ['Карта мониторинга', 'Visible'],
      ['Списки', 'Hidden'],
    ]);
    expect(excel.cellAt('Карта мониторинга', 'A1')?.value).toBe('Карта мониторинга муниципальной программы');
  });

  it('inserts nothing when a sheet of the blank is already in the workbook, and says which in Russian', async () => {
    const excel = openWorkbook(['Лист1', 'списки']);
    const result = await insertBlankSheets(excel.context, blank, EXCEL_1_13);
    expect(result).toEqual({
      conflict: ['списки'],
      message: 'В книге уже есть лист «списки»: переименуйте или удалите его и добавьте бланк снова. Ничего не добавлено.',
    });
    expect(excel.syncs).toBe(1);
    expect(excel.opsOf('insertSheets')).toHaveLength(0);
    expect(excel.sheetList().map((s) => s.name)).toEqual(['Лист1', 'списки']);
  });

  it('names every clashing sheet at once', async () => {
    const excel = openWorkbook(['Карта мониторинга', 'Списки']);
    const result = await insertBlankSheets(excel.context, blank, EXCEL_1_13);
    expect(result).toEqual({
      conflict: ['Карта мониторинга', 'Списки'],
      message: 'В книге уже есть листы «Карта мониторинга», «Списки»: переименуйте или удалите их и добавьте бланк снова. Ничего не добавлено.',
    });
    expect(excel.sheetList()).toHaveLength(2);
  });

  it('tells a host below ExcelApi 1.13 to download the blank, without a sync', async () => {
    const excel = openWorkbook(['Лист1']);
    const result = await insertBlankSheets(excel.context, blank, { ...EXCEL_1_13, insertWorksheetsFromBase64: false });
    expect(result).toEqual({ unsupported: true, message: 'Добавить бланк прямо в книгу нельзя в этой версии Excel — скачайте бланк файлом.' });
    expect(excel.syncs).toBe(0);
  });

  it('inserts only the named sheets (never «all» unchecked) and does nothing for an empty list', async () => {
    const excel = openWorkbook(['Лист1']);
    expect(await insertBlankSheets(excel.context, { ...blank, sheetNames: ['Списки'] }, EXCEL_1_13)).toEqual({ inserted: ['Списки'] });
    expect(await insertBlankSheets(excel.context, { ...blank, sheetNames: [] }, EXCEL_1_13)).toEqual({ inserted: [] });
    expect(excel.syncs).toBe(2);
  });

  it("lets Excel's own refusal through (a source it cannot insert)", async () => {
    const excel = openWorkbook(['Лист1']);
    await expect(insertBlankSheets(excel.context, { ...blank, base64: 'bm90IGEgd29ya2Jvb2s=' }, EXCEL_1_13)).rejects.toThrow('InvalidArgument');
  });
});

describe('base64FromBytes', () => {
  it("encodes like Node's Buffer for every padding case and across its chunks", () => {
    const sizes = [0, 1, 2, 3, 4, 5, 12_287, 12_288, 12_289, 100_000];
    for (const size of sizes) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 131 + 7) % 256);
      expect(base64FromBytes(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('encodes the zip signature of an .xlsx as Excel expects it', () => {
    expect(base64FromBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBe('UEsDBA==');
    expect(base64FromBytes(new Uint8Array([0xff, 0xfe]))).toBe('//4=');
  });
});
