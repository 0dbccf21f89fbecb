import type { CellValue } from '../../core/workbook/cell-values';
import { cellAddress, type SheetSnapshot, type WorkbookSnapshot } from '../../core/forms/snapshot';
import type { ExcelCapabilities } from './capabilities';
import { excelCellValue, isPercentFormat, parseRangeAddress, splitAreas, type RangeBox } from './excel-values';
import type { Range, RangeAreas, RequestContext, Worksheet } from './office-types';

export interface ReadOptions {
  capabilities?: Partial<ExcelCapabilities>;
  /**
   * Budget for one request (one context.sync). Excel on the web refuses payloads over 5 MB
   * per request and per response (RichApi.Error RequestPayloadSizeLimitExceeded /
   * ResponsePayloadSizeLimitExceeded); the default keeps a margin under it.
   */
  maxRequestBytes?: number;
  /** Estimated response bytes per cell for `values` + `numberFormat` («"General",» alone is 10). */
  bytesPerCell?: number;
  /**
   * Told the sheets whose merged areas could not be read (Excel refuses more than 512 merged areas
   * in one range); they are read without merges, which only label lookups use.
   */
  onMergesSkipped?: (sheets: string[]) => void;
}

export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
export const DEFAULT_BYTES_PER_CELL = 32;

/** A row block of one sheet's used range, read with one getRange(...).load. */
export interface ReadBlock {
  sheet: string;
  box: RangeBox;
  bytes: number;
}

/**
 * Cuts the used ranges into row blocks and packs them, in order, into requests of at most
 * maxRequestBytes each: a block takes as many rows as fit in what is left of the current request,
 * so small sheets share a sync and a large one fills the rest. A workbook whose values fit in one
 * request (any form, a 20 000-row roster of a few columns) is read with one.
 */
export function planReadRequests(
  usedRanges: ReadonlyArray<{ sheet: string; box: RangeBox }>,
  maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES,
  bytesPerCell = DEFAULT_BYTES_PER_CELL,
): ReadBlock[][] {
  const requests: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let used = 0;
  for (const { sheet, box } of usedRanges) {
    const rowBytes = box.cols * bytesPerCell;
    for (let first = 0; first < box.rows;) {
      let rows = Math.min(box.rows - first, Math.floor((maxRequestBytes - used) / rowBytes));
      if (rows < 1 && current.length > 0) {
        requests.push(current);
        current = [];
        used = 0;
        continue;
      }
      rows = Math.max(rows, 1); // a single row wider than the budget still has to be read
      current.push({ sheet, box: { row: box.row + first, col: box.col, rows, cols: box.cols }, bytes: rows * rowBytes });
      used += rows * rowBytes;
      first += rows;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

function boxAddress(box: RangeBox): string {
  return `${cellAddress(box.row, box.col)}:${cellAddress(box.row + box.rows - 1, box.col + box.cols - 1)}`;
}

interface SheetRead {
  worksheet: Worksheet;
  snapshot: SheetSnapshot;
  used: Range;
  merged: RangeAreas | undefined;
}

function addBlock(snapshot: SheetSnapshot, box: RangeBox, range: Range): void {
  const { values, numberFormat } = range;
  for (let r = 0; r < box.rows; r++) {
    const row = values[r];
    if (!row) continue;
    const formats = numberFormat[r];
    for (let c = 0; c < box.cols; c++) {
      const format = formats?.[c];
      const value: CellValue = excelCellValue(row[c], format);
      if (value.kind === 'empty') continue;
      const address = cellAddress(box.row + r, box.col + c);
      snapshot.cells[address] = value;
      if (value.kind === 'number' && typeof format === 'string' && isPercentFormat(format)) snapshot.percentCells!.push(address);
    }
  }
}

/** Excel's error code when one request carries too much (the estimate was too low: long texts). */
function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(code);
}

/** The request again as two, each block cut in half by rows. */
function halve(request: ReadBlock[]): ReadBlock[][] {
  const first: ReadBlock[] = [];
  const second: ReadBlock[] = [];
  for (const block of request) {
    const top = Math.ceil(block.box.rows / 2);
    const perRow = block.bytes / block.box.rows;
    first.push({ ...block, box: { ...block.box, rows: top }, bytes: top * perRow });
    if (block.box.rows > top) {
      second.push({ ...block, box: { ...block.box, row: block.box.row + top, rows: block.box.rows - top }, bytes: (block.box.rows - top) * perRow });
    }
  }
  return second.length > 0 ? [first, second] : [first];
}

/**
 * Merged areas of every sheet, each sheet in a sync of its own so that one Excel refuses (over 512
 * areas) costs only that sheet's merges. Returns the sheets skipped.
 */
async function readMergesPerSheet(context: RequestContext, reads: SheetRead[]): Promise<string[]> {
  const skipped: string[] = [];
  for (const read of reads) {
    const merged = read.worksheet.getRange().getMergedAreasOrNullObject().load('address');
    try {
      await context.sync();
      read.merged = merged;
    } catch {
      read.merged = undefined;
      skipped.push(read.snapshot.name);
    }
  }
  return skipped;
}

/**
 * Reads every sheet into the snapshot core validates. Syncs: 1) sheet names, 2) used-range sizes
 * (and merged areas) of all sheets, 3) values and number formats of all sheets. Only a workbook
 * whose values exceed one request's budget takes a further sync per extra request; a request
 * Excel refuses as too large is retried as two halves. When sync 2 fails (a sheet with more than
 * 512 merged areas makes getMergedAreasOrNullObject fail, and with it the whole sync), the used
 * ranges are read again alone and the merges sheet by sheet, each in its own sync; a sheet whose
 * merges Excel refuses is read without them (onMergesSkipped).
 */
export async function readWorkbookSnapshot(context: RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
  await context.sync();

  const withMerges = options.capabilities?.mergedAreas === true;
  const usedOf = (worksheet: Worksheet): Range => worksheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount');
  const reads: SheetRead[] = worksheets.items.map((worksheet) => ({
    worksheet,
    snapshot: { name: worksheet.name, hidden: worksheet.visibility !== 'Visible', cells: {}, percentCells: [], merges: [] },
    used: usedOf(worksheet),
    merged: withMerges ? worksheet.getRange().getMergedAreasOrNullObject().load('address') : undefined,
  }));
  try {
    await context.sync();
  } catch (error) {
    if (!withMerges) throw error;
    for (const read of reads) read.used = usedOf(read.worksheet);
    await context.sync();
    const skipped = await readMergesPerSheet(context, reads);
    if (skipped.length > 0) options.onMergesSkipped?.(skipped);
  }

  const usedRanges: Array<{ sheet: string; box: RangeBox }> = [];
  for (const read of reads) {
    if (read.merged && !read.merged.isNullObject) read.snapshot.merges = splitAreas(read.merged.address);
    if (read.used.isNullObject) continue;
    const box = parseRangeAddress(read.used.address);
    if (box) usedRanges.push({ sheet: read.snapshot.name, box });
  }
  const byName = new Map(reads.map((r) => [r.snapshot.name, r]));
  const requests = planReadRequests(usedRanges, options.maxRequestBytes, options.bytesPerCell);
  for (let request = requests.shift(); request; request = requests.shift()) {
    const loaded = request.map((block) => {
      const read = byName.get(block.sheet)!;
      return { block, read, range: read.worksheet.getRange(boxAddress(block.box)).load('values,numberFormat') };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || request.every((b) => b.box.rows === 1)) throw error;
      requests.unshift(...halve(request));
      continue;
    }
    for (const { block, read, range } of loaded) addBlock(read.snapshot, block.box, range);
  }
  return { sheets: reads.map((r) => r.snapshot) };
}
