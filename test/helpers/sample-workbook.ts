/** Fixtures built from the shipped sample: a copy of sample-region.xlsx with a few cells changed, in a temp folder. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLE_XLSX = join(ROOT, 'templates', 'data', 'sample-region.xlsx');
export const SAMPLE_JSON = join(ROOT, 'templates', 'data', 'sample-region.json');

export function templateFile(id: string): string {
  return join(ROOT, 'templates', 'documents', `${id}.docx`);
}

/** A fresh folder under the system temp dir; remove it with removeTempDir. */
export function makeTempDir(label = 'kaskad-test-'): string {
  return mkdtempSync(join(tmpdir(), label));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every entry of a folder (hidden ones too), or [] when the folder does not exist. */
export function listFolder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export async function loadSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(SAMPLE_XLSX) as unknown as ArrayBuffer);
  return workbook;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`the sample has no sheet «${name}»`);
  return ws;
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The column number of a header on row 1. */
export function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (found === 0 && cell.value === header) found = col;
  });
  if (found === 0) throw new Error(`no header «${header}» on «${ws.name}»`);
  return found;
}

/** Row numbers whose cell under `header` equals `value`. */
export function rowsWhere(ws: ExcelJS.Worksheet, header: string, value: string): number[] {
  const col = columnOf(ws, header);
  const rows: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(col).value ?? '') === value) rows.push(r);
  return rows;
}

/** The address («E2») of the cell under `header` in the first row whose `keyHeader` is `key`. */
export function addressOf(ws: ExcelJS.Worksheet, keyHeader: string, key: string, header: string): string {
  const row = rowsWhere(ws, keyHeader, key)[0];
  if (row === undefined) throw new Error(`no row «${key}» on «${ws.name}»`);
  return `${columnLetter(columnOf(ws, header))}${row}`;
}

/** Writes a copy of the sample, changed by `edit`, as `dir/name`; returns its path. */
export async function sampleWith(dir: string, edit: (workbook: ExcelJS.Workbook) => void, name = 'data.xlsx'): Promise<string> {
  const workbook = await loadSampleWorkbook();
  edit(workbook);
  const file = join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** The bytes of a copy of the sample changed by `edit`, for readers that take bytes. */
export async function sampleBytesWith(edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await loadSampleWorkbook();
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
