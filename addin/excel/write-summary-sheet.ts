import { cellAddress } from '../../core/forms/snapshot';
import type { RequestContext, Worksheet } from './office-types';
import { DEFAULT_MAX_REQUEST_BYTES } from './read-snapshot';

/** Excel keeps at most 32 767 characters in a cell and refuses a longer value. */
export const MAX_CELL_CHARS = 32_767;

export interface SummarySheetOptions {
  /** Show the sheet once written; by default the user stays on the sheet they are on. */
  activate?: boolean;
  /** Fit the column widths to the text (ExcelApi 1.2, always there where 1.4 is). Default true. */
  autofit?: boolean;
  /** Budget for one request: a summary larger than this is written in more syncs, never refused. */
  maxRequestBytes?: number;
}

export interface SummarySheetResult {
  /** False when a sheet of that name was there and has been cleared. */
  created: boolean;
  /** «A1:D12», the written block; undefined when there were no rows. */
  address: string | undefined;
  /** Cells cut to 32 767 characters. */
  truncatedCells: number;
}

/** A text cut to what a cell holds, ending in «…»; a surrogate pair is never split. */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let end = MAX_CELL_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A text Excel will keep as text whatever it looks like: «=…», «+…», «-…» and «@…» would be taken
 * for a formula (the «@» number format is not promised to prevent it through the API), and a leading
 * apostrophe would be eaten; a leading apostrophe of our own makes the rest literal text (Excel shows
 * and stores the text without it, as when a user types «'=1+1»).
 */
export function literalText(text: string): string {
  return /^[=+\-@']/.test(text) ? `'${text}` : text;
}

/** Request bytes of one row of values plus its «@» formats, over-counted (Cyrillic is 2 bytes in UTF-8). */
function rowBytes(row: readonly string[]): number {
  let bytes = 4;
  for (const text of row) bytes += text.length * 2 + 10;
  return bytes;
}

/** Consecutive row blocks of at most maxBytes each (a single larger row is a block of its own). */
function rowBlocks(grid: readonly string[][], maxBytes: number): Array<{ first: number; count: number }> {
  const blocks: Array<{ first: number; count: number }> = [];
  let first = 0;
  let used = 0;
  grid.forEach((row, r) => {
    const bytes = rowBytes(row);
    if (r > first && used + bytes > maxBytes) {
      blocks.push({ first, count: r - first });
      first = r;
      used = 0;
    }
    used += bytes;
  });
  if (grid.length > first) blocks.push({ first, count: grid.length - first });
  return blocks;
}

/**
 * Writes the summary sheet: the first row is the header (bold), the rest are findings. Creates the
 * sheet, or clears it when it exists, and fills it as text: the «@» format, so «12.05» is not
 * taken for a date, and literalText, so card text like «=1+1» or «+7 (351)…» never becomes a formula. Syncs: 1) does the sheet exist (ExcelApi 1.4), 2) clear or add,
 * values, header, widths. Only a summary over the request budget takes one more sync per block.
 * Ragged rows are padded with empty cells.
 */
export async function writeSummarySheet(
  context: RequestContext,
  sheetName: string,
  rows: readonly (readonly string[])[],
  options: SummarySheetOptions = {},
): Promise<SummarySheetResult> {
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(sheetName).load('name');
  await context.sync();

  const created = existing.isNullObject;
  const sheet: Worksheet = created ? worksheets.add(sheetName) : existing;
  if (!created) sheet.getRange().clear();

  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  let truncatedCells = 0;
  const grid =
    width === 0
      ? []
      : rows.map((row) =>
          Array.from({ length: width }, (_, c) => {
            const text = row[c] ?? '';
            const fitted = fitCellText(text);
            if (fitted !== text) truncatedCells++;
            return fitted;
          }),
        );
  const address = grid.length === 0 ? undefined : `A1:${cellAddress(grid.length, width)}`;

  const blocks = rowBlocks(grid, options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES);
  for (const [i, { first, count }] of blocks.entries()) {
    const part = grid.slice(first, first + count);
    const range = sheet.getRange(`${cellAddress(first + 1, 1)}:${cellAddress(first + count, width)}`);
    range.numberFormat = part.map((row) => row.map(() => '@'));
    range.values = part.map((row) => row.map(literalText));
    if (i === 0) sheet.getRange(`A1:${cellAddress(1, width)}`).format.font.bold = true;
    if (i < blocks.length - 1) await context.sync();
  }
  if (address && options.autofit !== false) sheet.getRange(address).format.autofitColumns();
  if (options.activate) sheet.activate();
  await context.sync();
  return { created, address, truncatedCells };
}
