import { useCallback, useEffect, useRef, useState } from 'react';
import type { Issue } from '../../core/issues';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
import { GATEWAY_MESSAGES } from '../excel/messages';
import type { ExcelSession } from './excel-session';
import { loadEngine } from './load-engine';

/** Pause after the last edit before checking again: typing a number is several changes. */
export const RECHECK_DELAY_MS = 1200;

export interface ExcelCheckState {
  status: 'idle' | 'checking' | 'done' | 'failed';
  outcome?: CheckOutcome;
  snapshot?: WorkbookSnapshot;
  /** What went wrong talking to Excel, in Russian. */
  error?: string;
  /** What the last action did («Подсветка снята.»). */
  note?: string;
  /** Things the last read could not do (merged areas skipped), in Russian. */
  readNotes: string[];
  /** The workbook carries the pane's highlights (this pane's, or a record an earlier pane left). */
  highlighted: boolean;
  /** The highlights were set for an earlier check: the findings have changed since. */
  highlightStale: boolean;
  /** A highlight or its removal is being written. */
  writing: boolean;
  /** Re-checking on edit is on (only where Excel reports changes). */
  watching: boolean;
}

export interface ExcelCheck {
  state: ExcelCheckState;
  check(): Promise<void>;
  /** Writes fills on the problem cells: the only way the check writes into the workbook. */
  highlight(): Promise<void>;
  clearHighlights(): Promise<void>;
  select(issue: Issue): Promise<void>;
  writeSummary(): Promise<void>;
  setWatching(on: boolean): void;
  /** How «Подсветить ячейки» affects Excel's Undo here (cleared below ExcelApi 1.19). */
  undoHint: string;
  /** What automatic re-checking may miss (a drop-down pick may not be reported). */
  watchHint: string;
}

function excelError(action: string, error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Не удалось ${action}${detail}. Попробуйте ещё раз; если не выйдет — сохраните книгу и откройте её на странице «Каскада» в браузере.`;
}

function cellKeys(outcome: CheckOutcome | undefined): string {
  return (outcome?.issues ?? [])
    .flatMap((i) => (i.location.kind === 'cell' ? [`${i.location.sheet}!${i.location.address}:${i.severity}`] : []))
    .sort()
    .join('|');
}

/**
 * «Проверка» inside Excel: read the open workbook, check it, show the findings, follow edits. Checking
 * only reads (a write would clear Excel's Undo history below ExcelApi 1.19); the cells are filled only
 * when the user asks («Подсветить ячейки»).
 */
export function useExcelCheck(session: ExcelSession, file = 'Открытая книга'): ExcelCheck {
  const [state, setState] = useState<ExcelCheckState>({
    status: 'idle',
    readNotes: [],
    highlighted: false,
    highlightStale: false,
    writing: false,
    watching: false,
  });
  const running = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const highlightedFor = useRef<string | undefined>(undefined);
  const canWatch = session.capabilities.collectionChangedEvents || session.capabilities.worksheetChangedEvents;
  const [watchWanted, setWatchWanted] = useState(canWatch);

  const runCheck = useCallback(async () => {
    setState((s) => ({ ...s, status: 'checking', error: undefined }));
    try {
      const [engine, snapshot] = await Promise.all([loadEngine(), session.read()]);
      const outcome = engine.checkSnapshot(snapshot, file, engine.formDefinitions());
      const readNotes = session.skippedMerges.length > 0 ? [GATEWAY_MESSAGES.MERGES_SKIPPED({ sheets: session.skippedMerges })] : [];
      const stale = session.highlighted && highlightedFor.current !== cellKeys(outcome);
      setState((s) => ({ ...s, status: 'done', outcome, snapshot, readNotes, highlighted: session.highlighted, highlightStale: stale }));
    } catch (error) {
      setState((s) => ({ ...s, status: 'failed', error: excelError('проверить книгу', error) }));
    }
  }, [session, file]);

  /** One check at a time; an edit during a check asks for exactly one more afterwards. */
  const check = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const loop = async () => {
      do {
        again.current = false;
        await runCheck();
      } while (again.current);
      running.current = undefined;
    };
    running.current = loop();
    return running.current;
  }, [runCheck]);

  useEffect(() => {
    // A record an earlier pane left in the workbook (reload, another ribbon button): its highlights can still be removed.
    void session
      .loadHighlights()
      .then(
        (found) => {
          if (found) setState((s) => ({ ...s, highlighted: true, highlightStale: true }));
        },
        () => undefined,
      )
      .then(() => check());
  }, [session, check]);

  useEffect(() => {
    if (!watchWanted || !canWatch) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const handlePromise = session.watch(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void check(), RECHECK_DELAY_MS);
    });
    void handlePromise.then(
      (handle) => {
        if (!stopped) setState((s) => ({ ...s, watching: handle !== undefined }));
      },
      () => setState((s) => ({ ...s, watching: false })),
    );
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      void handlePromise.then((handle) => handle?.stop()).catch(() => undefined);
      setState((s) => ({ ...s, watching: false }));
    };
  }, [session, check, watchWanted, canWatch]);

  const highlight = useCallback(async () => {
    const outcome = state.outcome;
    if (!outcome) return;
    setState((s) => ({ ...s, writing: true, error: undefined, note: undefined }));
    try {
      await session.highlight(outcome.issues);
      highlightedFor.current = cellKeys(outcome);
      const count = new Set(
        cellKeys(outcome)
          .split('|')
          .filter(Boolean)
          .map((k) => k.replace(/:[a-z]+$/, '')),
      ).size;
      setState((s) => ({
        ...s,
        writing: false,
        highlighted: session.highlighted,
        highlightStale: false,
        note: count === 0 ? 'Подсвечивать нечего: замечаний к ячейкам нет.' : `Подсвечено ячеек: ${count}.`,
      }));
    } catch (error) {
      setState((s) => ({ ...s, writing: false, highlighted: session.highlighted, error: excelError('подсветить ячейки', error) }));
    }
  }, [session, state.outcome]);

  const clearHighlights = useCallback(async () => {
    setState((s) => ({ ...s, writing: true, error: undefined, note: undefined }));
    try {
      const result = await session.clearHighlights();
      highlightedFor.current = undefined;
      const leftAlone = result?.leftAlone ?? 0;
      setState((s) => ({
        ...s,
        writing: false,
        highlighted: false,
        highlightStale: false,
        note:
          leftAlone > 0
            ? `Подсветка снята: у ячеек прежняя заливка. Не тронуто ячеек, которые с тех пор залили иначе или чей лист удалён: ${leftAlone}.`
            : 'Подсветка снята: у ячеек прежняя заливка.',
      }));
    } catch (error) {
      setState((s) => ({ ...s, writing: false, error: excelError('снять подсветку', error) }));
    }
  }, [session]);

  const select = useCallback(
    async (issue: Issue) => {
      if (issue.location.kind !== 'cell') return;
      const { sheet, address } = issue.location;
      try {
        const result = await session.select(sheet, address);
        if (result === 'hidden') setState((s) => ({ ...s, note: GATEWAY_MESSAGES.SHEET_HIDDEN({ sheet }) }));
        else if (result === 'missing') setState((s) => ({ ...s, note: GATEWAY_MESSAGES.SHEET_GONE({ sheet }) }));
      } catch (error) {
        setState((s) => ({ ...s, error: excelError(`перейти к ячейке ${address}`, error) }));
      }
    },
    [session],
  );

  const writeSummary = useCallback(async () => {
    if (!state.outcome) return;
    try {
      const { summaryRows } = await loadEngine();
      await session.writeSummary(summaryRows(state.outcome));
      setState((s) => ({ ...s, note: 'Лист «Итоги проверки» записан.' }));
    } catch (error) {
      setState((s) => ({ ...s, error: excelError('записать лист «Итоги проверки»', error) }));
    }
  }, [session, state.outcome]);

  const undoHint = session.capabilities.keepsUndo ? GATEWAY_MESSAGES.UNDO_KEPT() : GATEWAY_MESSAGES.UNDO_CLEARED();
  return {
    state,
    check,
    highlight,
    clearHighlights,
    select,
    writeSummary,
    setWatching: setWatchWanted,
    undoHint,
    watchHint: GATEWAY_MESSAGES.DROPDOWN_MAY_BE_MISSED(),
  };
}
