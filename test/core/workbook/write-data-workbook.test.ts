import ExcelJS from 'exceljs';
import { emptyDataset, type Dataset } from '../../../core/model/schemas';
import { DATA_SHEETS } from '../../../core/workbook/data-sheets';
import { readDataWorkbook } from '../../../core/workbook/read-data-workbook';
import { DATE_FORMAT, INSTRUCTION_SHEET, listValidationFormula, VALIDATED_ROWS, writeDataWorkbook } from '../../../core/workbook/write-data-workbook';

type Validation = ExcelJS.DataValidation;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function validationAt(ws: ExcelJS.Worksheet, address: string): Validation | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, Validation | undefined> } }).dataValidations.model[address];
}

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

function smallDataset(): Dataset {
  const dataset = emptyDataset();
  dataset.organisations.push({
    id: 'minobr74',
    fullName: 'МИНИСТЕРСТВО\nОБРАЗОВАНИЯ И НАУКИ\nЧЕЛЯБИНСКОЙ ОБЛАСТИ',
    address: 'площадь Революции, д. 4, Челябинск, 454113',
  });
  dataset.people.push({ id: 'kouzova', lastName: 'Коузова', firstName: 'Елена', middleName: 'Александровна' });
  dataset.documents.push({
    id: 'd5112',
    organisationId: 'minobr74',
    kind: 'письмо',
    template: 'letter',
    date: '2022-05-31',
    number: '5112',
    signatoryId: 'kouzova',
    attachmentSheets: 2,
  });
  dataset.events.push({ id: 'sem2022', title: 'Итоговый семинар', date: '2022-12-06' });
  return dataset;
}

describe('writeDataWorkbook', () => {
  let blank: ExcelJS.Workbook;
  let filled: ExcelJS.Workbook;
  let filledBytes: Uint8Array;

  beforeAll(async () => {
    blank = await load(await writeDataWorkbook(emptyDataset(), { blank: true }));
    filledBytes = await writeDataWorkbook(smallDataset());
    filled = await load(filledBytes);
  });

  it('opens with the instruction, then one sheet per DATA_SHEETS entry in order', () => {
    expect(blank.worksheets.map((w) => w.name)).toEqual([INSTRUCTION_SHEET, ...DATA_SHEETS.map((s) => s.sheet)]);
  });

  it('gives every sheet exactly its headers, in order, bold and frozen', () => {
    for (const spec of DATA_SHEETS) {
      const ws = blank.getWorksheet(spec.sheet)!;
      const headers = spec.columns.map((_, i) => ws.getRow(1).getCell(i + 1).value);
      expect(headers).toEqual(spec.columns.map((c) => c.header));
      expect(ws.getRow(1).getCell(spec.columns.length + 1).value).toBeNull();
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      spec.columns.forEach((column, i) => {
        const cell = ws.getRow(1).getCell(i + 1);
        expect(cell.font?.bold).toBe(true);
        expect(ws.getColumn(i + 1).width).toBe(column.width ?? 16);
      });
    }
  });

  it('marks required headers by fill, without touching their text', () => {
    const ws = blank.getWorksheet('Школы')!;
    const fill = (col: number) => (ws.getRow(1).getCell(col).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(ws.getCell('A1').value).toBe('Код');
    expect(fill(1)).not.toBe(fill(4)); // «Код» is required, «Краткое наименование» is not
    expect(fill(1)).toBe(fill(3));
  });

  it('puts a dropdown on every choice column, down to the validated rows', () => {
    for (const spec of DATA_SHEETS) {
      const ws = blank.getWorksheet(spec.sheet)!;
      spec.columns.forEach((column, i) => {
        if (column.type !== 'choice') return;
        for (const row of [2, VALIDATED_ROWS + 1]) {
          const v = validationAt(ws, `${letter(i + 1)}${row}`);
          expect(v?.type).toBe('list');
          const formula = String(v?.formulae[0]);
          for (const choice of column.choices ?? []) expect(formula).toContain(choice);
          expect(v?.error).toMatch(/Выберите одно из значений/);
        }
      });
    }
  });

  it('checks whole numbers and dates, with Russian messages', () => {
    const lists = blank.getWorksheet('Списки школ')!;
    expect(validationAt(lists, 'A2')).toMatchObject({ type: 'whole', errorTitle: 'Нужно целое число' });
    const events = blank.getWorksheet('Мероприятия')!;
    expect(validationAt(events, 'C500')).toMatchObject({ type: 'date', operator: 'between' });
    expect(validationAt(events, 'C500')?.error).toMatch(/ДД\.ММ\.ГГГГ/);
    expect(events.getColumn(3).numFmt).toBe(DATE_FORMAT);
  });

  it('offers the codes of the referred sheet and shows hints as input messages', () => {
    const schools = blank.getWorksheet('Школы')!;
    const ref = validationAt(schools, 'B2');
    expect(ref).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(String(ref?.formulae[0])).toBe("'Муниципалитеты'!$A$2:$A$1001");
    const orgs = blank.getWorksheet('Организации')!;
    expect(validationAt(orgs, 'B2')?.prompt).toContain('Переносы строк (Alt+Enter)');
    expect(validationAt(orgs, 'B1')?.prompt).toContain('Переносы строк (Alt+Enter)');
  });

  it('writes no records into the blank workbook', () => {
    for (const spec of DATA_SHEETS) expect(blank.getWorksheet(spec.sheet)!.actualRowCount).toBe(1);
  });

  it('explains every sheet and column on the instruction sheet', () => {
    const ws = blank.getWorksheet(INSTRUCTION_SHEET)!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    const all = text.join('\n');
    expect(all).toContain('ДД.ММ.ГГГГ');
    for (const spec of DATA_SHEETS) {
      expect(all).toContain(`Лист «${spec.sheet}»`);
      expect(all).toContain(spec.description);
      for (const column of spec.columns) expect(text).toContain(column.header);
    }
    expect(all).toContain('«ШНОР»; «НСУ»; «необъективность ВПР»; «школа-лидер»');
    expect(all).toContain('код из листа «Муниципалитеты»');
  });

  it('stores ISO dates as real dates shown DD.MM.YYYY, numbers as numbers, line breaks kept', () => {
    const docs = filled.getWorksheet('Документы')!;
    const date = docs.getCell('E2');
    expect(date.value).toEqual(new Date(Date.UTC(2022, 4, 31)));
    expect(date.numFmt).toBe(DATE_FORMAT);
    expect(docs.getCell('F2').value).toBe('5112');
    expect(docs.getCell('Q2').value).toBe(2);
    expect(filled.getWorksheet('Организации')!.getCell('B2').value).toBe('МИНИСТЕРСТВО\nОБРАЗОВАНИЯ И НАУКИ\nЧЕЛЯБИНСКОЙ ОБЛАСТИ');
  });

  it('reads back, through the reader, into the same dataset without issues', async () => {
    const back = await readDataWorkbook(filledBytes, 'sample.xlsx');
    expect(back.issues).toEqual([]);
    expect(back.dataset).toEqual(smallDataset());
  });

  it('gives the same bytes for the same data', async () => {
    expect(Buffer.from(await writeDataWorkbook(smallDataset())).equals(Buffer.from(filledBytes))).toBe(true);
  });
});

describe('listValidationFormula', () => {
  it('keeps a short list inline', () => {
    expect(listValidationFormula(['м', 'ж'])).toBe('"м,ж"');
  });

  it('sends long lists and lists with commas to the hidden sheet', () => {
    expect(listValidationFormula(Array.from({ length: 60 }, (_, i) => `вариант ${i}`))).toBeUndefined();
    expect(listValidationFormula(['да, конечно', 'нет'])).toBeUndefined();
  });
});
