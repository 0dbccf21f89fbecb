import { useCallback, useRef, useState } from 'react';
import type { Dataset } from '../../core/model/schemas';
import type { DistributionOutputs } from '../../core/planner';
import { findTemplate } from '../../core/render/template-list';
import { fetchTemplate } from './document-templates';
import { loadEngine } from './load-engine';

export type DistributionState =
  | { status: 'idle' }
  | { status: 'working'; year: number }
  | { status: 'ready'; year: number; result: DistributionOutputs }
  | { status: 'failed'; message: string };

/** The years the data can be planned for: those with ШНОР on «Списки школ», newest first. */
export function plannableYears(dataset: Dataset): number[] {
  return [...new Set(dataset.schoolLists.filter((e) => e.list === 'ШНОР').map((e) => e.year))].sort((a, b) => b - a);
}

/** Plans the distribution from the open data in the page; the planner chunk (HiGHS) is loaded on first use. */
export function useDistribution(): { state: DistributionState; plan(dataset: Dataset, year: number): Promise<void> } {
  const [state, setState] = useState<DistributionState>({ status: 'idle' });
  const latest = useRef(0);
  const plan = useCallback(async (dataset: Dataset, year: number) => {
    const request = ++latest.current;
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
      const result = await planInPage(dataset, definition, year, template);
      if (request === latest.current) setState({ status: 'ready', year, result });
    } catch (error) {
      if (request === latest.current) {
        setState({
          status: 'failed',
          message: `Не удалось загрузить или запустить решатель: ${error instanceof Error ? error.message : String(error)}. Обновите страницу.`,
        });
      }
    }
  }, []);
  return { state, plan };
}
