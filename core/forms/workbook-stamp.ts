import type ExcelJS from 'exceljs';
import { readZipEntries } from '../zip/read-zip';
import { writeZip } from '../zip/write-zip';

/** Core reads no clock: workbooks it makes carry a fixed creation date, so the same input makes the same content. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

export function stampWorkbook(wb: ExcelJS.Workbook): void {
  wb.creator = 'Каскад';
  wb.lastModifiedBy = 'Каскад';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
}

/** The workbook's bytes with exceljs's zip timestamps (the clock) replaced by a fixed date: same input, same bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return writeZip(readZipEntries(bytes).map((entry) => ({ name: entry.name, copy: entry })));
}
