import { makeIssue, type Issue } from '../issues';
import { readZipEntries, ZipFormatError, type ZipEntry } from '../zip/read-zip';
import { newBudget, unpackEntry, ZipLimitError } from '../zip/unpack';
import { zipCodec } from '../zip/codec';
import { countSheetCells } from './sheet-size';
import { unprefixedXml } from './xml-prefix';

/**
 * A workbook's parts inflated within the caps, before anything reads them: both readers (exceljs
 * in open-workbook.ts, the direct snapshot reader in read-workbook-snapshot.ts) start here, so
 * every refusal is the same whichever reads the file.
 */

/** A monitoring card or data workbook unpacks to a few MB; past this it is refused, counted while inflating. */
export const MAX_UNPACKED_MB = 100;
/** Inflated bytes per compressed byte of one part (past 1 MB): real sheets stay far below, bombs far above. */
export const MAX_RATIO = 500;
/**
 * Cells (and rows, merged and validated cells) exceljs may build for one sheet. exceljs spends
 * about 1 KB per cell, so this keeps a workbook under 1 GB; the largest real card (F7, 50 000
 * rows of 10 columns) has half as many.
 */
export const MAX_SHEET_CELLS = 800_000;

/** The signature of an OLE2 compound file: Excel 97–2003 (.xls) workbooks. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

function isWorksheet(name: string): boolean {
  return name.startsWith('xl/worksheets/') && name.endsWith('.xml');
}

/** The sheet's name as the workbook shows it, for the message (the part name when unknown). */
function sheetTitle(partName: string, workbookXml: Uint8Array | undefined, relsXml: Uint8Array | undefined): string {
  const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : '');
  const target = partName.replace(/^xl\//, '');
  const rel = new RegExp(
    `Id="([^"]+)"[^>]*Target="/?(?:xl/)?${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"|Target="/?(?:xl/)?${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*Id="([^"]+)"`,
  ).exec(text(relsXml));
  const id = rel?.[1] ?? rel?.[2];
  if (!id) return partName;
  const sheet = new RegExp(`<sheet [^>]*name="([^"]*)"[^>]*r:id="${id}"|<sheet [^>]*r:id="${id}"[^>]*name="([^"]*)"`).exec(text(workbookXml));
  return sheet?.[1] ?? sheet?.[2] ?? partName;
}

export interface UnpackedPart {
  name: string;
  data: Uint8Array;
  crc32: number;
}

type Unpacked = { ok: true; parts: UnpackedPart[] } | { ok: false; issues: Issue[] };

/**
 * Every part inflated within the limits (a byte counter, not the declared sizes), each sheet's
 * cells counted from its XML.
 */
function unpackParts(entries: readonly ZipEntry[], file: string): Unpacked {
  const location = { kind: 'file' as const, file };
  const budget = newBudget({ maxBytes: MAX_UNPACKED_MB * 1024 * 1024, maxRatio: MAX_RATIO });
  const parts: UnpackedPart[] = [];
  const oversized: string[] = [];
  for (const entry of entries) {
    const inflated = unpackEntry(entry, budget);
    const unprefixed = isXmlPart(entry.name) ? unprefixedXml(inflated) : undefined;
    const data = unprefixed ?? inflated;
    if (isWorksheet(entry.name) && countSheetCells(data, MAX_SHEET_CELLS) > MAX_SHEET_CELLS) oversized.push(entry.name);
    parts.push({ name: entry.name, data, crc32: unprefixed ? zipCodec().crc32(data) : entry.crc32 });
  }
  if (oversized.length > 0) {
    const workbookXml = parts.find((p) => p.name === 'xl/workbook.xml')?.data;
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')?.data;
    return {
      ok: false,
      issues: oversized.map((part) =>
        makeIssue('SHEET_TOO_MANY_CELLS', location, { sheet: sheetTitle(part, workbookXml, rels), limit: MAX_SHEET_CELLS }),
      ),
    };
  }
  return { ok: true, parts };
}

/**
 * The parts of an .xlsx given as bytes. Empty, non-zip and truncated files are judged from the
 * zip's directory; then every part is inflated under a byte counter (total and ratio caps) and
 * every sheet's cells are counted, so no file can take more than the caps.
 */
export function unpackWorkbook(bytes: Uint8Array, file: string): Unpacked {
  const location = { kind: 'file' as const, file };
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, issues: [makeIssue('FILE_XLS', location, {})] };
  try {
    const entries = readZipEntries(bytes);
    if (entries.some((e) => e.name === 'mimetype') && entries.some((e) => e.name === 'content.xml')) {
      return { ok: false, issues: [makeIssue('FILE_ODS', location, {})] };
    }
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      return { ok: false, issues: [makeIssue('FILE_NOT_WORKBOOK', location, {})] };
    }
    return unpackParts(entries, file);
  } catch (error) {
    if (error instanceof ZipLimitError) {
      if (error.kind === 'ratio') return { ok: false, issues: [makeIssue('FILE_RATIO_TOO_HIGH', location, { limit: MAX_RATIO })] };
      return { ok: false, issues: [makeIssue('FILE_TOO_LARGE', location, { limitMb: MAX_UNPACKED_MB })] };
    }
    if (error instanceof ZipFormatError) {
      if (error.problem === 'empty') return { ok: false, issues: [makeIssue('FILE_EMPTY', location, {})] };
      if (error.problem === 'not-zip') return { ok: false, issues: [makeIssue('FILE_NOT_WORKBOOK', location, {})] };
      return { ok: false, issues: [makeIssue('FILE_DAMAGED', location, { detail: error.message })] };
    }
    throw error;
  }
}
