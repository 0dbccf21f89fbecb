import ExcelJS from 'exceljs';
import { makeIssue, type Issue } from '../issues';
import { writeZip } from '../zip/write-zip';
import { unpackWorkbook } from './unpack-workbook';

export { MAX_RATIO, MAX_SHEET_CELLS, MAX_UNPACKED_MB } from './unpack-workbook';

export type OpenedWorkbook = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; issues: Issue[] };

/**
 * Opens an .xlsx given as bytes for exceljs: the parts unpacked within the caps
 * (unpack-workbook.ts), handed to exceljs stored, for it to read without inflating.
 */
export async function openWorkbook(bytes: Uint8Array, file: string): Promise<OpenedWorkbook> {
  const location = { kind: 'file' as const, file };
  const unpacked = unpackWorkbook(bytes, file);
  if (!unpacked.ok) return unpacked;
  const stored = writeZip(unpacked.parts.map((p) => ({ ...p, compress: false })));
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs accepts any ArrayBuffer view; its typings name Node's Buffer.
    await workbook.xlsx.load(stored as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [makeIssue('FILE_DAMAGED', location, { detail })] };
  }
  return { ok: true, workbook };
}
