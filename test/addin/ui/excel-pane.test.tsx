/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { openExcelSession } from '../../../addin/app/excel-session';
import { describeTier, type ExcelCapabilities } from '../../../addin/excel/capabilities';
import { ERROR_COLOR } from '../../../addin/excel/highlights';
import type { RequestContext } from '../../../addin/excel/office-types';
import { App } from '../../../addin/ui/App';
import { FakeExcel } from '../fake-excel';
import { fakeSheetsFromExcelJs } from '../exceljs-to-fake';
import { ROOT } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane's catalogue, as it loads dist/forms at start.
beforeAll(() => primePaneCatalogue());

const FULL: ExcelCapabilities = {
  usedRangeOrNullObject: true, setCellProperties: true, mergedAreas: true, worksheetChangedEvents: true,
  collectionChangedEvents: true, insertWorksheetsFromBase64: true, addWorksheets: true,
};

async function excelWithCard(file: string): Promise<FakeExcel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', file)) as unknown as ArrayBuffer);
  return new FakeExcel(fakeSheetsFromExcelJs(workbook), { setCellProperties: true, mergedAreas: true, collectionChangedEvents: true, worksheetChangedEvents: true });
}

const settle = () => act(async () => { for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0)); });

describe('the pane inside Excel, all the way down to a fake Excel', () => {
  it('checks on opening in at most 3 syncs to read and 2 to highlight, marks C20, and a click selects it', async () => {
    const excel = await excelWithCard('F1-mo05.xlsx');
    const run = <T,>(batch: (context: RequestContext) => Promise<T>) => batch(excel.context);
    const session = openExcelSession(FULL, run, (ctx, batch) => batch(ctx));
    const { tier, missing } = describeTier(FULL);
    render(<App host={{ mode: 'excel', capabilities: FULL, tier, missing, platform: 'OfficeOnline' }} session={session} view="check" browserPageUrl="https://kaskad.example.ru/taskpane.html" />);
    await screen.findByTestId('finding', {}, { timeout: 10_000 });
    await settle();

    // read ≤ 3 (sheets; used ranges and merges; values) + watch 1 + highlight ≤ 2 (previous fills; new fills)
    expect(excel.syncs).toBeLessThanOrEqual(6);
    const syncsOf = (op: string) => new Set(excel.operations.filter((o) => o.op === op).map((o) => o.sync));
    expect([...syncsOf('addHandler')]).toHaveLength(1);
    expect([...syncsOf('setCellProperties')]).toEqual([excel.syncs]);
    expect(excel.operations.filter((o) => o.sync === excel.syncs).every((o) => o.op === 'setCellProperties')).toBe(true);
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBe(ERROR_COLOR);
    expect(excel.handlerCount()).toBe(1);

    fireEvent.click(within(screen.getByTestId('finding')).getByRole('button'));
    await settle();
    expect(excel.selection).toEqual({ sheet: 'Карта мониторинга', address: 'C20' });

    fireEvent.click(screen.getByRole('button', { name: 'Снять подсветку' }));
    await settle();
    expect(excel.fillAt('Карта мониторинга', 'C20')).not.toBe(ERROR_COLOR);
  });

  it('re-checks after an edit: fixing C20 clears the finding', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    try {
      const excel = await excelWithCard('F1-mo05.xlsx');
      const run = <T,>(batch: (context: RequestContext) => Promise<T>) => batch(excel.context);
      const session = openExcelSession(FULL, run, (ctx, batch) => batch(ctx));
      render(<App host={{ mode: 'excel', capabilities: FULL, tier: 'full', missing: [], platform: 'PC' }} session={session} view="check" browserPageUrl="https://x.ru/taskpane.html" />);
      await act(async () => { await jest.advanceTimersByTimeAsync(50); });
      await act(async () => { await jest.advanceTimersByTimeAsync(50); });
      expect(screen.getByTestId('check-counts').textContent).toBe('1\u00a0ошибка');

      excel.setCell('Карта мониторинга', 'C20', { value: 0.9, numberFormat: '0%' });
      await act(async () => { await excel.fireChanged('Карта мониторинга', 'C20'); });
      await act(async () => { await jest.advanceTimersByTimeAsync(2000); });
      await act(async () => { await jest.advanceTimersByTimeAsync(50); });
      expect(screen.getByTestId('check-counts').textContent).toBe('Замечаний нет');
      expect(excel.fillAt('Карта мониторинга', 'C20')).not.toBe(ERROR_COLOR);
    } finally {
      jest.useRealTimers();
    }
  });
});
