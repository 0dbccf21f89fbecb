import type { Issue } from '../../core/issues';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { ExcelCapabilities } from '../excel/capabilities';
import { clearHighlights, writeHighlights, type HighlightRecord } from '../excel/highlights';
import { insertBlankSheets, type InsertSheetsResult } from '../excel/insert-sheets';
import type { RequestContext } from '../excel/office-types';
import { readWorkbookSnapshot } from '../excel/read-snapshot';
import { runExcel, runExcelOn } from '../excel/run';
import { selectCell } from '../excel/select-cell';
import { watchWorkbookChanges, type LaterRun, type WatchHandle, type WorkbookChange } from '../excel/watch-changes';
import { writeSummarySheet } from '../excel/write-summary-sheet';
import { base64FromBytes } from '../excel/base64';

export const SUMMARY_SHEET = 'Итоги проверки';

/** What the pane does with the open workbook; each call is one Excel.run through the gateway. */
export interface ExcelSession {
  readonly capabilities: ExcelCapabilities;
  read(): Promise<WorkbookSnapshot>;
  /** Replaces the pane's previous highlights with these (the form's own fills come back first). */
  highlight(issues: readonly Issue[]): Promise<void>;
  clearHighlights(): Promise<void>;
  readonly highlighted: boolean;
  select(sheet: string, address: string): Promise<void>;
  writeSummary(rows: readonly (readonly string[])[]): Promise<void>;
  watch(onChange: (change: WorkbookChange) => void): Promise<WatchHandle | undefined>;
  insertBlank(bytes: Uint8Array, sheetNames: readonly string[]): Promise<InsertSheetsResult>;
}

type Runner = <T>(batch: (context: RequestContext) => Promise<T>) => Promise<T>;

export function openExcelSession(capabilities: ExcelCapabilities, run: Runner = runExcel, runOn: LaterRun = runExcelOn): ExcelSession {
  let record: HighlightRecord | undefined;
  let watch: WatchHandle | undefined;
  const quietly = async <T>(write: () => Promise<T>): Promise<T> => {
    watch?.pause();
    try {
      return await write();
    } finally {
      watch?.resume();
    }
  };
  const clear = async (): Promise<void> => {
    const previous = record;
    if (!previous) return;
    record = undefined;
    await quietly(() => run((context) => clearHighlights(context, previous)));
  };
  return {
    capabilities,
    get highlighted() {
      return record !== undefined && record.cells.length > 0;
    },
    read: () => run((context) => readWorkbookSnapshot(context, { capabilities })),
    highlight: async (issues) => {
      await clear();
      record = await quietly(() => run((context) => writeHighlights(context, issues, { supportsSetCellProperties: capabilities.setCellProperties })));
    },
    clearHighlights: clear,
    select: (sheet, address) => run((context) => selectCell(context, sheet, address)),
    writeSummary: async (rows) => {
      await quietly(() => run((context) => writeSummarySheet(context, SUMMARY_SHEET, rows, { activate: true })));
    },
    watch: async (onChange) => {
      watch = await run((context) => watchWorkbookChanges(context, onChange, capabilities, [SUMMARY_SHEET], runOn));
      const handle = watch;
      if (!handle) return undefined;
      return {
        mode: handle.mode,
        pause: () => handle.pause(),
        resume: () => handle.resume(),
        stop: async () => {
          if (watch === handle) watch = undefined;
          await handle.stop();
        },
      };
    },
    insertBlank: (bytes, sheetNames) => quietly(() => run((context) => insertBlankSheets(context, { base64: base64FromBytes(bytes), sheetNames }, capabilities))),
  };
}
