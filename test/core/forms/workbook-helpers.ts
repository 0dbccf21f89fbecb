import ExcelJS from 'exceljs';
import { openWorkbook } from '../../../core/workbook/open-workbook';
import { readSnapshot, type WorkbookSnapshot } from '../../../core/forms/snapshot';

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function saveBook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const opened = await openWorkbook(bytes, 'test.xlsx');
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('\n'));
  return readSnapshot(opened.workbook);
}

/** Types answers into a card sheet the way a user would: by the row's key, into the value (or comment) column. */
export function fillCard(ws: ExcelJS.Worksheet, answers: Record<string, unknown>, valueCol = 3, commentCol = 4): Map<string, string> {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const key = row.getCell(1).value;
    if (typeof key === 'string' && n > 3) rows.set(key, n);
  });
  const addresses = new Map<string, string>();
  for (const [key, value] of Object.entries(answers)) {
    const n = rows.get(key);
    if (!n) throw new Error(`no row ${key}`);
    const [v, c] = Array.isArray(value) ? value : [value, undefined];
    ws.getCell(n, valueCol).value = v as ExcelJS.CellValue;
    if (c !== undefined) ws.getCell(n, commentCol).value = c as ExcelJS.CellValue;
    addresses.set(key, ws.getCell(n, valueCol).address);
  }
  return addresses;
}
