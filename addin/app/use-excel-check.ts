import { useCallback, useEffect, useRef, useState } from 'react';
import type { Issue } from '../../core/issues';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
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
  highlighted: boolean;
  /** Re-checking on edit is on (only where Excel reports changes). */
  watching: boolean;
}

export interface ExcelCheck {
  state: ExcelCheckState;
  check(): Promise<void>;
  clearHighlights(): Promise<void>;
  select(issue: Issue): Promise<void>;
  writeSummary(): Promise<void>;
  setWatching(on: boolean): void;
}

function excelError(action: string, error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return `Не удалось ${action}${detail}. Попробуйте ещё раз; если не выйдет — сохраните книгу и откройте её на странице «Каскада» в браузере.`;
}

/** «Проверка» inside Excel: read the open workbook, check it, mark the problem cells, follow edits. */
export function useExcelCheck(session: ExcelSession, file = 'Открытая книга'): ExcelCheck {
  const [state, setState] = useState<ExcelCheckState>({ status: 'idle', highlighted: false, watching: false });
  const running = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const canWatch = session.capabilities.collectionChangedEvents || session.capabilities.worksheetChangedEvents;
  const [watchWanted, setWatchWanted] = useState(canWatch);

  const runCheck = useCallback(async () => {
    setState((s) => ({ ...s, status: 'checking', error: undefined, note: undefined }));
    try {
      const [engine, snapshot] = await Promise.all([loadEngine(), session.read()]);
      const outcome = engine.checkSnapshot(snapshot, file, engine.formDefinitions());
      await session.highlight(outcome.issues);
      setState((s) => ({ ...s, status: 'done', outcome, snapshot, highlighted: session.highlighted }));
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
    void check();
  }, [check]);

  useEffect(() => {
    if (!watchWanted || !canWatch) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const handlePromise = session.watch(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void check(), RECHECK_DELAY_MS);
    });
    void handlePromise.then((handle) => {
      if (!stopped) setState((s) => ({ ...s, watching: handle !== undefined }));
    }, () => setState((s) => ({ ...s, watching: false })));
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      void handlePromise.then((handle) => handle?.stop()).catch(() => undefined);
      setState((s) => ({ ...s, watching: false }));
    };
  }, [session, check, watchWanted, canWatch]);

  const clearHighlights = useCallback(async () => {
    try {
      await session.clearHighlights();
      setState((s) => ({ ...s, highlighted: false, note: 'Подсветка снята: у ячеек прежняя заливка.' }));
    } catch (error) {
      setState((s) => ({ ...s, error: excelError('снять подсветку', error) }));
    }
  }, [session]);

  const select = useCallback(async (issue: Issue) => {
    if (issue.location.kind !== 'cell') return;
    try {
      await session.select(issue.location.sheet, issue.location.address);
    } catch (error) {
      setState((s) => ({ ...s, error: excelError(`перейти к ячейке ${issue.location.kind === 'cell' ? issue.location.address : ''}`, error) }));
    }
  }, [session]);

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

  return { state, check, clearHighlights, select, writeSummary, setWatching: setWatchWanted };
}
