import type { Issue } from '../../core/issues';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { ExcelCapabilities } from '../excel/capabilities';
import { clearHighlights, loadHighlightRecord, writeHighlights, type ClearResult, type HighlightRecord } from '../excel/highlights';
import { insertBlankSheets, type InsertSheetsResult } from '../excel/insert-sheets';
import type { RequestContext } from '../excel/office-types';
import { readWorkbookSnapshot } from '../excel/read-snapshot';
import { runExcel, runExcelOn } from '../excel/run';
import { selectCell, type SelectResult } from '../excel/select-cell';
import { watchWorkbookChanges, type LaterRun, type WatchHandle, type WorkbookChange } from '../excel/watch-changes';
import { writeSummarySheet } from '../excel/write-summary-sheet';
import { base64FromBytes } from '../excel/base64';

export const SUMMARY_SHEET = 'Итоги проверки';

/**
 * What the pane does with the open workbook; each call is one Excel.run through the gateway.
 * Only highlight, clearHighlights, writeSummary and insertBlank write; reading and checking never do
 * (below ExcelApi 1.19 any write clears Excel's Undo history).
 */
export interface ExcelSession {
  readonly capabilities: ExcelCapabilities;
  read(): Promise<WorkbookSnapshot>;
  /** Sheets whose merged areas the last read had to skip (over 512). */
  readonly skippedMerges: readonly string[];
  /** Finds the record a pane left in the workbook (its highlights are still on); read only. */
  loadHighlights(): Promise<boolean>;
  /** Replaces the pane's previous highlights with these (the earlier fills come back first). */
  highlight(issues: readonly Issue[]): Promise<void>;
  clearHighlights(): Promise<ClearResult | undefined>;
  readonly highlighted: boolean;
  select(sheet: string, address: string): Promise<SelectResult>;
  writeSummary(rows: readonly (readonly string[])[]): Promise<void>;
  watch(onChange: (change: WorkbookChange) => void): Promise<WatchHandle | undefined>;
  /**
   * hidden: the blank's hidden helper sheets, which get names of their own when the workbook has them
   * already; rebuild makes the blank again with those names.
   */
  insertBlank(
    bytes: Uint8Array,
    sheetNames: readonly string[],
    hidden?: {
      names: readonly string[];
      rebuild: (renames: Readonly<Record<string, string>>) => Promise<Uint8Array | undefined>;
    },
  ): Promise<InsertSheetsResult>;
}

type Runner = <T>(batch: (context: RequestContext) => Promise<T>) => Promise<T>;

export function openExcelSession(capabilities: ExcelCapabilities, run: Runner = runExcel, runOn: LaterRun = runExcelOn): ExcelSession {
  let record: HighlightRecord | undefined;
  let watch: WatchHandle | undefined;
  let skippedMerges: string[] = [];
  const quietly = async <T>(write: () => Promise<T>): Promise<T> => {
    watch?.pause();
    try {
      return await write();
    } finally {
      watch?.resume();
    }
  };
  const clear = async (): Promise<ClearResult | undefined> => {
    const previous = record;
    if (!previous) return undefined;
    const result = await quietly(() => run((context) => clearHighlights(context, previous)));
    record = undefined;
    return result;
  };
  return {
    capabilities,
    get highlighted() {
      return record !== undefined && record.cells.length > 0;
    },
    get skippedMerges() {
      return skippedMerges;
    },
    read: async () => {
      let skipped: string[] = [];
      const snapshot = await run((context) =>
        readWorkbookSnapshot(context, {
          capabilities,
          onMergesSkipped: (sheets) => {
            skipped = sheets;
          },
        }),
      );
      skippedMerges = skipped;
      return snapshot;
    },
    loadHighlights: async () => {
      if (!capabilities.customXmlParts) return false;
      const found = await run((context) => loadHighlightRecord(context));
      if (found && !record) record = found;
      return record !== undefined && record.cells.length > 0;
    },
    highlight: async (issues) => {
      await clear();
      record = await quietly(() =>
        run((context) =>
          writeHighlights(context, issues, {
            supportsSetCellProperties: capabilities.setCellProperties,
            fullFill: capabilities.setCellProperties,
            persist: capabilities.customXmlParts,
          }),
        ),
      );
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
    insertBlank: (bytes, sheetNames, hidden) =>
      quietly(() =>
        run((context) =>
          insertBlankSheets(
            context,
            {
              base64: base64FromBytes(bytes),
              sheetNames,
              ...(hidden
                ? {
                    renameable: hidden.names,
                    rebuild: async (renames: Readonly<Record<string, string>>) => {
                      const rebuilt = await hidden.rebuild(renames);
                      if (!rebuilt) throw new Error('the blank could not be rebuilt with new sheet names');
                      return base64FromBytes(rebuilt);
                    },
                  }
                : {}),
            },
            capabilities,
          ),
        ),
      ),
  };
}
