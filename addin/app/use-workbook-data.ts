import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import type { ExcelSession } from './excel-session';
import { loadEngine } from './load-engine';

/** The data workbook «Документы» makes documents from. */
export interface WorkbookData {
  name: string;
  dataset: Dataset;
  /** Rows left out of the dataset for their errors (shown on «Проверка»). */
  issues: Issue[];
}

const OPEN_WORKBOOK = 'Открытая книга';

/**
 * Inside Excel: the open workbook read as the data workbook (core's checkSnapshot, as `kaskad
 * validate` reads it). Read by itself the first time `active` turns true; `read()` reads again.
 */
export function useWorkbookData(
  session: ExcelSession,
  active: boolean,
): { source?: WorkbookData; reading: boolean; readError: string; read(): Promise<void> } {
  const [source, setSource] = useState<WorkbookData>();
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState('');

  const read = useCallback(async () => {
    setReading(true);
    setReadError('');
    try {
      const [engine, snapshot] = await Promise.all([loadEngine(), session.read()]);
      const outcome = engine.checkSnapshot(snapshot, OPEN_WORKBOOK, engine.formDefinitions());
      if (outcome.kind === 'data') setSource({ name: OPEN_WORKBOOK, dataset: outcome.dataset, issues: outcome.issues });
      else
        setReadError(
          'Открытая книга — не книга данных: в ней нет листов «Документы», «Школы», «Муниципалитеты». Откройте книгу данных и нажмите «Прочитать открытую книгу».',
        );
    } catch (error) {
      setReadError(`Не удалось прочитать книгу${error instanceof Error ? ` (${error.message})` : ''}.`);
    } finally {
      setReading(false);
    }
  }, [session]);

  const readOnce = useRef(false);
  useEffect(() => {
    if (!active || readOnce.current) return;
    readOnce.current = true;
    void read();
  }, [active, read]);

  return { source, reading, readError, read };
}

/** Inside Excel: a blank's sheets added to the open workbook; undefined when this Excel cannot. */
export function useBlankInsert(session: ExcelSession): ((formId: string, bytes: Uint8Array) => Promise<string>) | undefined {
  return useMemo(
    () =>
      session.capabilities.insertWorksheetsFromBase64
        ? async (formId: string, bytes: Uint8Array): Promise<string> => {
            const read = await (await loadEngine()).readWorkbookFile('бланк.xlsx', bytes);
            const names = read.ok ? read.snapshot.sheets.map((s) => s.name) : [];
            // A second blank in the same workbook: its hidden sheets get names of their own, and the blank is rebuilt to point at them.
            const hidden = read.ok ? read.snapshot.sheets.filter((s) => s.hidden).map((s) => s.name) : [];
            const result = await session.insertBlank(bytes, names, {
              names: hidden,
              rebuild: async (renames) => (await loadEngine()).buildBlankWorkbook(formId, { hiddenSheetNames: renames }),
            });
            if ('inserted' in result) return `Листы бланка добавлены в книгу: ${result.inserted.map((n) => `«${n}»`).join(', ')}.`;
            return result.message;
          }
        : undefined,
    [session],
  );
}
