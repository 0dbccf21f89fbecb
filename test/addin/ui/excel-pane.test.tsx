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
  usedRangeOrNullObject: true,
  setCellProperties: true,
  mergedAreas: true,
  worksheetChangedEvents: true,
  collectionChangedEvents: true,
  insertWorksheetsFromBase64: true,
  addWorksheets: true,
  customXmlParts: true,
  keepsUndo: false,
};

async function excelWithCard(file: string): Promise<FakeExcel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', file)) as unknown as ArrayBuffer);
  return new FakeExcel(fakeSheetsFromExcelJs(workbook), {
    setCellProperties: true,
    mergedAreas: true,
    collectionChangedEvents: true,
    worksheetChangedEvents: true,
    customXmlParts: true,
  });
}

/** Everything queued into Excel that changes the workbook (loads and handler registrations are not writes). */
const WRITES = new Set([
  'setFill',
  'clearFill',
  'setCellProperties',
  'setValues',
  'setNumberFormat',
  'clear',
  'setBold',
  'autofit',
  'addSheet',
  'insertSheets',
  'addXmlPart',
  'deleteXmlPart',
]);
const writesOf = (excel: FakeExcel) => excel.operations.filter((o) => WRITES.has(o.op));

const settle = () =>
  act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  });

describe('the pane inside Excel, all the way down to a fake Excel', () => {
  it('checks on opening without writing (record lookup 1 + read ≤ 3 + watch 1), highlights only on «Подсветить ячейки» in ≤ 2 syncs, a click selects', async () => {
    const excel = await excelWithCard('F1-mo05.xlsx');
    const run = <T,>(batch: (context: RequestContext) => Promise<T>) => batch(excel.context);
    const session = openExcelSession(FULL, run, (ctx, batch) => excel.runOn(ctx, batch));
    const { tier, missing } = describeTier(FULL);
    render(
      <App
        host={{ mode: 'excel', capabilities: FULL, tier, missing, platform: 'OfficeOnline' }}
        session={session}
        view="check"
        browserPageUrl="https://kaskad.example.ru/taskpane.html"
      />,
    );
    await screen.findByTestId('finding', {}, { timeout: 10_000 });
    await settle();

    expect(excel.syncs).toBeLessThanOrEqual(5);
    expect(writesOf(excel)).toEqual([]);
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBeUndefined();
    const syncsOf = (op: string) => new Set(excel.operations.filter((o) => o.op === op).map((o) => o.sync));
    expect([...syncsOf('addHandler')]).toHaveLength(1);
    expect(excel.handlerCount()).toBe(1);

    fireEvent.click(within(screen.getByTestId('finding')).getByRole('button'));
    await settle();
    expect(excel.selection).toEqual({ sheet: 'Карта мониторинга', address: 'C20' });
    expect(writesOf(excel)).toEqual([]);

    const beforeHighlight = excel.syncs;
    fireEvent.click(screen.getByRole('button', { name: 'Подсветить ячейки' }));
    await settle();
    expect(excel.syncs - beforeHighlight).toBeLessThanOrEqual(2);
    expect([...syncsOf('setCellProperties')]).toEqual([excel.syncs]);
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBe(ERROR_COLOR);
    expect(excel.xmlParts.size).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Снять подсветку' }));
    await settle();
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBeUndefined();
    expect(excel.xmlParts.size).toBe(0);
  });

  it('a pane reopened on a workbook an earlier pane highlighted offers «Снять подсветку» and restores the fills', async () => {
    const excel = await excelWithCard('F1-mo05.xlsx');
    excel.setCell('Карта мониторинга', 'C20', { fill: '#4472C4', tint: 0.4 });
    const run = <T,>(batch: (context: RequestContext) => Promise<T>) => batch(excel.context);
    const earlier = openExcelSession(FULL, run, (ctx, batch) => excel.runOn(ctx, batch));
    await earlier.highlight([
      { code: 'FORM_NOT_PERCENT', severity: 'error', location: { kind: 'cell', sheet: 'Карта мониторинга', address: 'C20' }, message: '…' },
    ]);
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBe(ERROR_COLOR);

    const session = openExcelSession(FULL, run, (ctx, batch) => excel.runOn(ctx, batch));
    render(
      <App
        host={{ mode: 'excel', capabilities: FULL, tier: 'full', missing: [], platform: 'PC' }}
        session={session}
        view="check"
        browserPageUrl="https://x.ru/taskpane.html"
      />,
    );
    await screen.findByTestId('finding', {}, { timeout: 10_000 });
    await settle();
    const clear = screen.getByRole('button', { name: 'Снять подсветку' });
    expect(clear.hasAttribute('disabled')).toBe(false);
    fireEvent.click(clear);
    await settle();
    expect(excel.cellAt('Карта мониторинга', 'C20')).toMatchObject({ fill: '#4472C4', tint: 0.4 });
  });

  it('re-checks after an edit with zero writes: fixing C20 clears the finding', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'queueMicrotask', 'nextTick'] });
    try {
      const excel = await excelWithCard('F1-mo05.xlsx');
      const run = <T,>(batch: (context: RequestContext) => Promise<T>) => batch(excel.context);
      const session = openExcelSession(FULL, run, (ctx, batch) => excel.runOn(ctx, batch));
      render(
        <App
          host={{ mode: 'excel', capabilities: FULL, tier: 'full', missing: [], platform: 'PC' }}
          session={session}
          view="check"
          browserPageUrl="https://x.ru/taskpane.html"
        />,
      );
      await act(async () => {
        await jest.advanceTimersByTimeAsync(50);
      });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(50);
      });
      expect(screen.getByTestId('check-counts').textContent).toBe('1\u00a0ошибка');

      const readsBefore = excel.opsOf('load').filter((o) => o.detail === 'values,numberFormat').length;
      excel.setCell('Карта мониторинга', 'C20', { value: 0.9, numberFormat: '0%' });
      await act(async () => {
        await excel.fireChanged('Карта мониторинга', 'C20');
      });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(2000);
      });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(50);
      });
      expect(screen.getByTestId('check-counts').textContent).toBe('Замечаний нет');
      expect(excel.opsOf('load').filter((o) => o.detail === 'values,numberFormat').length).toBeGreaterThan(readsBefore);
      // the re-check read the workbook again and wrote nothing (a write would clear the user's Undo)
      expect(writesOf(excel)).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});
