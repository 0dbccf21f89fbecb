import ExcelJS from 'exceljs';
import type { Dataset } from '../model/schemas';
import { readZipEntries } from '../zip/read-zip';
import { writeZip } from '../zip/write-zip';
import { DATA_SHEETS, type AnySheetSpec, type ColumnSpec } from './data-sheets';
import { columnLetter } from '../sheet/address';

export interface WriteDataWorkbookOptions {
  /** Headers, styles and validation only: the blank workbook users start from. */
  blank?: boolean;
  /** Stamped as the workbook's created/modified; fixed by default, so equal data gives equal bytes. */
  timestamp?: Date;
}

/** Rows below the header that carry validation and input messages, at least. */
export const VALIDATED_ROWS = 1000;
/** Excel refuses an inline list («a,b,c») longer than this; longer lists go to the hidden sheet. */
export const INLINE_LIST_LIMIT = 255;
export const INSTRUCTION_SHEET = 'Инструкция';
export const LISTS_SHEET = 'Списки';
export const DATE_FORMAT = 'DD.MM.YYYY';
const DEFAULT_TIMESTAMP = new Date(Date.UTC(2024, 0, 1));
const FIRST_DATE = new Date(Date.UTC(2000, 0, 1));
const LAST_DATE = new Date(Date.UTC(2100, 11, 31));
/** Excel's limits on a validation's texts. */
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

const FILL_REQUIRED = 'FFFCE4D6';
const FILL_OPTIONAL = 'FFEDEDED';
const FILL_SECTION = 'FFDDEBF7';

/** Everything the workbook says to its reader, in one place. */
const TEXT = {
  title: 'Книга данных «Каскад»: как её заполнять',
  intro: [
    'Эта книга — единый источник данных для документов и проверок «Каскада»: профили организаций (реквизиты бланка), муниципалитеты и их органы управления образованием, школы и их списки по годам, люди, дорожные карты, мероприятия с докладами и графиками, исходящие письма и приказы с их текстами и приложениями.',
    'Каждый лист — одна таблица: первая строка — заголовки, каждая следующая строка — одна запись. Не переименовывайте листы и заголовки столбцов: по ним «Каскад» находит данные. Порядок столбцов можно менять, лишние столбцы не мешают.',
    'Заголовки обязательных столбцов выделены жирным шрифтом и оранжевой заливкой (серая заливка — необязательный столбец): в каждой заполненной строке такой столбец должен иметь значение.',
    'Коды связывают листы. У записей листов «Организации», «Муниципалитеты», «Школы», «Люди», «Мероприятия», «Документы» есть столбец «Код» — короткое обозначение без пробелов (например, mo01, sch001, kouzova), которое не повторяется на листе. Другие листы ссылаются на запись по её коду: в листе «Школы» столбец «Муниципалитет (код)» содержит код из листа «Муниципалитеты», в листе «Тексты» столбец «Документ (код)» — код из листа «Документы». Наименования кодами не являются: два муниципалитета могут называться одинаково, но коды у них разные.',
    'Даты вводите в виде ДД.ММ.ГГГГ, например 08.02.2024.',
    'Если у столбца есть список допустимых значений, выбирайте значение в раскрывающемся списке ячейки. При выборе ячейки появляется подсказка к столбцу.',
    'Перенос строки внутри ячейки (Alt+Enter) сохраняется там, где он важен: в наименовании организации на бланке и в строке адресата. В листе «Тексты» один абзац — одна строка; пункт маркированного списка вводится без начального тире, с оформлением «список».',
  ],
  tableHeaders: ['Лист / столбец', 'Обязательно', 'Допустимые значения', 'Пояснение'],
  sheetRow: (sheet: string) => `Лист «${sheet}»`,
  sheetRequired: (required: boolean) => (required ? 'лист обязателен' : 'лист можно не заполнять'),
  unique: (headers: readonly string[]) =>
    headers.length === 1
      ? `Значение столбца «${headers[0]}» не должно повторяться.`
      : `Сочетание столбцов ${headers.map((h) => `«${h}»`).join(', ')} не должно повторяться.`,
  yes: 'да',
  no: 'нет',
  allowed: {
    choice: (choices: readonly string[]) => choices.map((c) => `«${c}»`).join('; '),
    date: 'дата ДД.ММ.ГГГГ',
    integer: 'целое число',
    ref: (sheet: string) => `код из листа «${sheet}»`,
    ownId: 'код записи, без повторов',
    id: 'код',
    text: 'текст',
  },
  prompt: {
    required: 'Обязательный столбец.',
    choice: 'Выберите значение из списка.',
    date: 'Дата в виде ДД.ММ.ГГГГ.',
    integer: 'Целое число.',
    ref: (sheet: string) => `Код записи из листа «${sheet}».`,
  },
  error: {
    choiceTitle: 'Значение не из списка',
    choice: (choices: readonly string[]) => `Выберите одно из значений: ${choices.join(', ')}.`,
    integerTitle: 'Нужно целое число',
    integer: 'Введите целое число без дробной части (0 или больше), например 2024.',
    dateTitle: 'Нужна дата',
    date: 'Введите дату в виде ДД.ММ.ГГГГ, например 08.02.2024 (от 01.01.2000 до 31.12.2100).',
    refTitle: 'Неизвестный код',
    ref: (sheet: string) => `Такого кода нет на листе «${sheet}». Выберите код из списка или сначала добавьте запись на тот лист.`,
  },
} as const;

type Row = Record<string, unknown>;

/** exceljs 4.4 has range validations (`A2:A1001` in one entry) but its typings omit them. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as RangeValidations).dataValidations.add(range, validation);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Choice lists too long (or too comma-laden) to stand inline, gathered for the hidden «Списки» sheet. */
class ListSheet {
  readonly columns: Array<readonly string[]> = [];

  formulaFor(choices: readonly string[]): string {
    const inline = listValidationFormula(choices);
    if (inline !== undefined) return inline;
    let index = this.columns.findIndex((c) => c.length === choices.length && c.every((v, i) => v === choices[i]));
    if (index < 0) index = this.columns.push(choices) - 1;
    const letter = columnLetter(index + 1);
    return `${quoteSheet(LISTS_SHEET)}!$${letter}$1:$${letter}$${choices.length}`;
  }
}

/** The inline form of a dropdown list, or undefined when Excel would not accept it inline. */
export function listValidationFormula(choices: readonly string[]): string | undefined {
  if (choices.some((c) => c.includes(',') || c.includes('"'))) return undefined;
  const formula = `"${choices.join(',')}"`;
  return formula.length <= INLINE_LIST_LIMIT ? formula : undefined;
}

function sheetOf(collection: string): AnySheetSpec | undefined {
  return DATA_SHEETS.find((s) => s.collection === collection);
}

/** The range of a sheet's code column, for dropdowns of codes on the sheets that refer to it. */
function idRangeOf(spec: AnySheetSpec, lastRow: number): string | undefined {
  const col = spec.columns.findIndex((c) => c.key === spec.idKey);
  if (col < 0) return undefined;
  const letter = columnLetter(col + 1);
  return `${quoteSheet(spec.sheet)}!$${letter}$2:$${letter}$${lastRow}`;
}

function describeAllowed(spec: AnySheetSpec, column: ColumnSpec): string {
  if (column.type === 'choice') return TEXT.allowed.choice(column.choices ?? []);
  if (column.type === 'date') return TEXT.allowed.date;
  if (column.type === 'integer') return TEXT.allowed.integer;
  if (column.ref) return TEXT.allowed.ref(sheetOf(column.ref)?.sheet ?? column.ref);
  if (column.type === 'id') return column.key === spec.idKey ? TEXT.allowed.ownId : TEXT.allowed.id;
  return TEXT.allowed.text;
}

function promptFor(column: ColumnSpec): string {
  const parts: string[] = [];
  if (column.required) parts.push(TEXT.prompt.required);
  if (column.type === 'choice') parts.push(TEXT.prompt.choice);
  if (column.type === 'date') parts.push(TEXT.prompt.date);
  if (column.type === 'integer') parts.push(TEXT.prompt.integer);
  if (column.ref) parts.push(TEXT.prompt.ref(sheetOf(column.ref)?.sheet ?? column.ref));
  if (column.hint) parts.push(column.hint);
  return clip(parts.join(' '), PROMPT_MAX);
}

function validationFor(column: ColumnSpec, lists: ListSheet, lastRow: number): ExcelJS.DataValidation {
  const prompt = promptFor(column);
  const message = { showInputMessage: prompt !== '', promptTitle: clip(column.header, PROMPT_TITLE_MAX), prompt, showErrorMessage: true };
  if (column.type === 'choice') {
    const choices = column.choices ?? [];
    return {
      type: 'list',
      allowBlank: true,
      formulae: [lists.formulaFor(choices)],
      ...message,
      errorStyle: 'stop',
      errorTitle: TEXT.error.choiceTitle,
      error: clip(TEXT.error.choice(choices), ERROR_MAX),
    };
  }
  if (column.type === 'integer') {
    return {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      ...message,
      errorStyle: 'stop',
      errorTitle: TEXT.error.integerTitle,
      error: TEXT.error.integer,
    };
  }
  if (column.type === 'date') {
    return {
      type: 'date',
      operator: 'between',
      allowBlank: true,
      formulae: [FIRST_DATE, LAST_DATE],
      ...message,
      errorStyle: 'stop',
      errorTitle: TEXT.error.dateTitle,
      error: TEXT.error.date,
    };
  }
  const target = column.ref ? sheetOf(column.ref) : undefined;
  const range = target ? idRangeOf(target, lastRow) : undefined;
  if (target && range) {
    // A warning, not a stop: the clerk may fill this sheet before the one the code points to.
    return {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      ...message,
      errorStyle: 'warning',
      errorTitle: TEXT.error.refTitle,
      error: clip(TEXT.error.ref(target.sheet), ERROR_MAX),
    };
  }
  // exceljs writes type «any» (no check, input message only), though its typings do not list it.
  return { type: 'any' as ExcelJS.DataValidation['type'], formulae: [], ...message, showErrorMessage: false };
}

function headerFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const INSTRUCTION_WIDTHS = [36, 16, 44, 90] as const;

/** Not every spreadsheet fits a row to wrapped text on opening: give the row the lines its longest cell needs. */
function fitHeight(row: ExcelJS.Row): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const width = INSTRUCTION_WIDTHS[col - 1] ?? 16;
    lines = Math.max(lines, Math.ceil(String(cell.value ?? '').length / (width * 0.95)));
  });
  row.height = 15 * lines;
}

function writeInstruction(ws: ExcelJS.Worksheet): void {
  ws.columns = INSTRUCTION_WIDTHS.map((width) => ({ width }));
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  const title = ws.addRow([TEXT.title]);
  title.font = { bold: true, size: 14 };
  for (const line of TEXT.intro) {
    const row = ws.addRow([line]);
    ws.mergeCells(row.number, 1, row.number, 4);
    row.alignment = wrap;
    // Excel does not fit merged cells' height to their text: about 140 characters to a line.
    row.height = Math.max(15, Math.ceil(line.length / 140) * 15);
  }
  ws.addRow([]);
  const head = ws.addRow([...TEXT.tableHeaders]);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = headerFill(FILL_OPTIONAL);
  });
  for (const spec of DATA_SHEETS) {
    const uniqueKeys = spec.idKey ? [spec.idKey] : (spec.uniqueKeys ?? []);
    const uniqueHeaders = uniqueKeys.map((k) => spec.columns.find((c) => c.key === k)?.header ?? k);
    const note = [spec.description, uniqueHeaders.length > 0 ? TEXT.unique(uniqueHeaders) : ''].filter(Boolean).join(' ');
    const sheetRow = ws.addRow([TEXT.sheetRow(spec.sheet), TEXT.sheetRequired(spec.required), '', note]);
    sheetRow.font = { bold: true };
    sheetRow.alignment = wrap;
    sheetRow.eachCell((cell) => {
      cell.fill = headerFill(FILL_SECTION);
    });
    fitHeight(sheetRow);
    for (const column of spec.columns) {
      const row = ws.addRow([column.header, column.required ? TEXT.yes : TEXT.no, describeAllowed(spec, column), column.hint ?? '']);
      row.alignment = wrap;
      fitHeight(row);
      if (column.required) row.getCell(1).font = { bold: true };
    }
  }
}

function writeCell(cell: ExcelJS.Cell, column: ColumnSpec, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  if (column.type === 'date' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) {
      cell.value = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      cell.numFmt = DATE_FORMAT;
      return;
    }
  }
  if (column.type === 'integer' && typeof value === 'number') {
    cell.value = value;
    return;
  }
  const text = String(value);
  cell.value = text;
  if (text.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
}

function writeDataSheet(ws: ExcelJS.Worksheet, spec: AnySheetSpec, rows: readonly Row[], lists: ListSheet, lastRow: number): void {
  spec.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = column.width ?? 16;
    if (column.type === 'date') col.numFmt = DATE_FORMAT;
    // Text format keeps codes and numbers like «04/335» or «001» from turning into dates and numbers.
    if (column.type === 'text' || column.type === 'id') col.numFmt = '@';
  });
  const header = ws.getRow(1);
  spec.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true, ...(column.required ? { color: { argb: 'FF833C0B' } } : {}) };
    cell.fill = headerFill(column.required ? FILL_REQUIRED : FILL_OPTIONAL);
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.height = 32;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };

  rows.forEach((record, r) => {
    const row = ws.getRow(r + 2);
    spec.columns.forEach((column, i) => writeCell(row.getCell(i + 1), column, record[column.key]));
  });

  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const validation = validationFor(column, lists, lastRow);
    addValidation(ws, `${letter}2:${letter}${lastRow}`, validation);
    if (validation.showInputMessage) {
      addValidation(ws, `${letter}1`, {
        type: 'any' as ExcelJS.DataValidation['type'],
        formulae: [],
        showInputMessage: true,
        promptTitle: validation.promptTitle,
        prompt: validation.prompt,
      });
    }
  });
}

function writeListSheet(workbook: ExcelJS.Workbook, lists: ListSheet): void {
  if (lists.columns.length === 0) return;
  const ws = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.columns.forEach((choices, c) => {
    choices.forEach((choice, r) => {
      ws.getCell(r + 1, c + 1).value = choice;
    });
    ws.getColumn(c + 1).width = Math.min(60, Math.max(12, ...choices.map((s) => s.length)));
  });
}

/**
 * The data workbook as .xlsx bytes: «Инструкция», then one sheet per DATA_SHEETS entry (bold,
 * frozen headers, required ones filled, dropdowns, number and date checks with Russian messages),
 * filled with the dataset's records unless `blank`. Equal input gives byte-equal output.
 */
export async function writeDataWorkbook(dataset: Dataset, options: WriteDataWorkbookOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const stamp = options.timestamp ?? DEFAULT_TIMESTAMP;
  workbook.creator = 'Каскад';
  workbook.lastModifiedBy = 'Каскад';
  workbook.created = stamp;
  workbook.modified = stamp;
  writeInstruction(workbook.addWorksheet(INSTRUCTION_SHEET));
  const collections = dataset as unknown as Record<string, readonly Row[] | undefined>;
  const longest = options.blank ? 0 : Math.max(0, ...DATA_SHEETS.map((s) => collections[s.collection]?.length ?? 0));
  const lastRow = 1 + Math.max(VALIDATED_ROWS, longest + VALIDATED_ROWS / 2);
  const lists = new ListSheet();
  for (const spec of DATA_SHEETS) {
    const rows = options.blank ? [] : (collections[spec.collection] ?? []);
    writeDataSheet(workbook.addWorksheet(spec.sheet), spec, rows, lists, lastRow);
  }
  writeListSheet(workbook, lists);
  const buffer = await workbook.xlsx.writeBuffer();
  // exceljs zips with the current time; repacking with a fixed one makes the bytes reproducible.
  const bytes = new Uint8Array(buffer as unknown as ArrayBuffer);
  return writeZip(readZipEntries(bytes).map((entry) => ({ name: entry.name, copy: entry })));
}
