import ExcelJS from 'exceljs';
import { makeIssue, type Issue } from '../issues';
import { readZipEntries, totalUncompressedSize, ZipFormatError } from '../zip/read-zip';

/** A monitoring card or data workbook unpacks to a few MB; anything near this is refused unopened. */
export const MAX_UNPACKED_MB = 200;
/** Deflate cannot do better than about 1 032 : 1; a part claiming more is forged. */
const MAX_RATIO = 1100;

/** The signature of an OLE2 compound file: Excel 97–2003 (.xls) workbooks. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type OpenedWorkbook = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; issues: Issue[] };

/**
 * Opens an .xlsx given as bytes. Empty, non-zip, truncated and oversized files are judged
 * from the zip's directory before exceljs inflates anything.
 */
export async function openWorkbook(bytes: Uint8Array, file: string): Promise<OpenedWorkbook> {
  const location = { kind: 'file' as const, file };
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, issues: [makeIssue('FILE_XLS', location, {})] };
  try {
    const entries = readZipEntries(bytes);
    const total = totalUncompressedSize(entries);
    const forged = entries.some((e) => e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > MAX_RATIO);
    if (total > MAX_UNPACKED_MB * 1024 * 1024 || forged) {
      return { ok: false, issues: [makeIssue('FILE_TOO_LARGE', location, { limitMb: MAX_UNPACKED_MB })] };
    }
    if (entries.some((e) => e.name === 'mimetype') && entries.some((e) => e.name === 'content.xml')) {
      return { ok: false, issues: [makeIssue('FILE_ODS', location, {})] };
    }
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      return { ok: false, issues: [makeIssue('FILE_NOT_WORKBOOK', location, {})] };
    }
  } catch (error) {
    if (error instanceof ZipFormatError) {
      if (error.problem === 'empty') return { ok: false, issues: [makeIssue('FILE_EMPTY', location, {})] };
      if (error.problem === 'not-zip') return { ok: false, issues: [makeIssue('FILE_NOT_WORKBOOK', location, {})] };
      return { ok: false, issues: [makeIssue('FILE_DAMAGED', location, { detail: error.message })] };
    }
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs accepts any ArrayBuffer view; its typings name Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [makeIssue('FILE_DAMAGED', location, { detail })] };
  }
  return { ok: true, workbook };
}
