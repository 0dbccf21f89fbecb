import ExcelJS from 'exceljs';
import { workbookBytes } from '../../core/forms/workbook-stamp';

/** A seeded generator (mulberry32): sample cards come out the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.created = new Date(Date.UTC(2025, 0, 20));
  wb.modified = new Date(Date.UTC(2025, 0, 20));
  return workbookBytes(wb);
}

/** Row of each key in column A of a card sheet (below the header row). */
export function cardRows(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const key = row.getCell(1).value;
    if (typeof key === 'string' && n > 3) rows.set(key, n);
  });
  return rows;
}

/** Types answers by row key: value into column C, a comment into D. */
export function fillCard(ws: ExcelJS.Worksheet, answers: Record<string, ExcelJS.CellValue | [ExcelJS.CellValue, ExcelJS.CellValue]>): void {
  const rows = cardRows(ws);
  for (const [key, answer] of Object.entries(answers)) {
    const n = rows.get(key);
    if (!n) continue;
    const [value, comment] = Array.isArray(answer) ? answer : [answer, undefined];
    ws.getCell(n, 3).value = value;
    if (comment !== undefined) ws.getCell(n, 4).value = comment;
  }
}

/** Column number of a header in row 3 of a grid sheet. */
export function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(3).eachCell((c, n) => {
    if (String(c.value) === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}
