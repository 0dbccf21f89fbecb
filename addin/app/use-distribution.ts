import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dataset } from '../../core/model/schemas';
import type { DistributionOutputs } from '../../core/planner';
import type { PlanStopped } from './distribution';
import { findTemplate } from '../../core/render/template-list';
import { fetchTemplate } from './document-templates';
import { loadEngine } from './load-engine';

export { plannableYears } from '../../core/planner/years';

export type DistributionState =
  | { status: 'idle' }
  | { status: 'working'; year: number }
  | { status: 'ready'; year: number; result: DistributionOutputs }
  | { status: 'failed'; message: string }
  | { status: 'stopped'; year: number };

/**
 * Plans the distribution from the open data in the page; the planner chunk is loaded on first use and
 * the solve runs in a Web Worker (HiGHS there). `stop` ends a running solve; a new plan ends the last.
 */
export function useDistribution(): { state: DistributionState; plan(dataset: Dataset, year: number): Promise<void>; stop(): void } {
  const [state, setState] = useState<DistributionState>({ status: 'idle' });
  const latest = useRef(0);
  const running = useRef<AbortController | undefined>(undefined);
  const stop = useCallback(() => running.current?.abort(), []);
  useEffect(() => () => running.current?.abort(), []);
  const plan = useCallback(async (dataset: Dataset, year: number) => {
    const request = ++latest.current;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ status: 'working', year });
    // The form catalogue (and exceljs, zod) come with the engine chunk, never in the pane's first scripts.
    await loadEngine();
    const { definitionById } = await import('./definitions');
    const definition = definitionById('F7');
    if (!definition) {
      setState({ status: 'failed', message: 'Нет определения формы F7 — распределение не из чего составить.' });
      return;
    }
    const order = findTemplate('order');
    const template = order ? await fetchTemplate(order).catch(() => undefined) : undefined;
    try {
      const { planInPage } = await import(/* webpackChunkName: "planner" */ './distribution');
      const result = await planInPage(dataset, definition, year, template, controller.signal);
      if (request === latest.current) setState({ status: 'ready', year, result });
    } catch (error) {
      if (request === latest.current) setState(failure(error, year));
    }
  }, []);
  return { state, plan, stop };
}

/** What the user reads when no plan came back. */
function failure(error: unknown, year: number): DistributionState {
  // PlanStopped from the planner chunk, told by its fields (the class itself stays in that chunk).
  const stopped = error as Partial<PlanStopped> | undefined;
  if (stopped?.reason === 'cancelled') return { status: 'stopped', year };
  if (stopped?.reason === 'deadline') {
    const seconds = Math.round((stopped.limitMs ?? 0) / 1000);
    return {
      status: 'failed',
      message: `Решатель не уложился в ${seconds} с и остановлен. Попробуйте ещё раз, закрыв другие программы, или составьте распределение командой «kaskad plan».`,
    };
  }
  return {
    status: 'failed',
    message: `Не удалось загрузить или запустить решатель: ${error instanceof Error ? error.message : String(error)}. Обновите страницу.`,
  };
}
