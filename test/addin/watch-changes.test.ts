import type { ClientRequestContext } from '../../addin/excel/office-types';
import { NO_CAPABILITIES, type ExcelCapabilities } from '../../addin/excel/capabilities';
import { watchWorkbookChanges, type WorkbookChange } from '../../addin/excel/watch-changes';
import { writeSummarySheet } from '../../addin/excel/write-summary-sheet';
import { FakeExcel } from './fake-excel';

const CARD = 'Карта мониторинга';
const SUMMARY = 'Итоги проверки';
const EXCEL_1_9: ExcelCapabilities = { ...NO_CAPABILITIES, usedRangeOrNullObject: true, worksheetChangedEvents: true, collectionChangedEvents: true };
const EXCEL_1_7: ExcelCapabilities = { ...NO_CAPABILITIES, usedRangeOrNullObject: true, worksheetChangedEvents: true };

function workbook(api: '1.7' | '1.9', withSummary = false): FakeExcel {
  return new FakeExcel([{ name: CARD, cells: { A1: 'Карта' } }, { name: 'Школы' }, ...(withSummary ? [{ name: SUMMARY }] : [])], {
    worksheetChangedEvents: true,
    collectionChangedEvents: api === '1.9',
  });
}

function recorder(): { changes: WorkbookChange[]; onChange: (c: WorkbookChange) => void } {
  const changes: WorkbookChange[] = [];
  return { changes, onChange: (c) => changes.push(c) };
}

describe('watchWorkbookChanges with worksheets.onChanged (ExcelApi 1.9)', () => {
  it('registers one handler for the whole workbook in 1 sync and reports each edit by sheet name', async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    const handle = await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9, [SUMMARY]);
    expect(handle?.mode).toBe('workbook');
    expect(excel.syncs).toBe(1);
    expect(excel.opsOf('addHandler')).toEqual([{ sync: 1, op: 'addHandler', target: 'worksheets.onChanged' }]);
    expect(excel.handlerCount()).toBe(1);

    await excel.fireChanged(CARD, 'D14');
    await excel.fireChanged('Школы', "'Школы'!B3:C4");
    expect(changes).toEqual([
      { sheet: CARD, address: 'D14' },
      { sheet: 'Школы', address: 'B3:C4' },
    ]);
    expect(excel.syncs).toBe(1);
  });

  it('ignores the summary sheet, even one added after registration (its name is learnt with 1 sync, once)', async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9, [SUMMARY]);
    await writeSummarySheet(excel.context, SUMMARY, [['Лист', 'Ячейка', 'Что не так']]);
    expect(excel.syncs).toBe(3);

    await Promise.all([excel.fireChanged(SUMMARY, 'A1:C1'), excel.fireChanged(SUMMARY, 'A2:C9')]);
    expect(excel.syncs).toBe(4);
    await excel.fireChanged(SUMMARY, 'A1:C1');
    expect(excel.syncs).toBe(4);
    expect(changes).toEqual([]);

    excel.addSheet({ name: 'Новый лист' });
    await excel.fireChanged('Новый лист', 'A1');
    expect(changes).toEqual([{ sheet: 'Новый лист', address: 'A1' }]);
  });

  it("drops the changes this add-in made (ExcelApi 1.14 triggerSource) but not a co-author's", async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9);
    await excel.fireChanged(CARD, 'D14', { triggerSource: 'ThisLocalAddin' });
    await excel.fireChanged(CARD, 'D15', { triggerSource: 'Unknown', source: 'Remote' });
    expect(changes).toEqual([{ sheet: CARD, address: 'D15' }]);
  });

  it('drops changes while paused (nested), reports again after the last resume', async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    const handle = (await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9))!;
    handle.pause();
    handle.pause();
    await excel.fireChanged(CARD, 'D14');
    handle.resume();
    await excel.fireChanged(CARD, 'D15');
    handle.resume();
    handle.resume(); // one too many does not leave it paused below zero
    await excel.fireChanged(CARD, 'D16');
    expect(changes).toEqual([{ sheet: CARD, address: 'D16' }]);
  });

  it("stops with remove() and 1 sync on the handler's own context; later edits are not reported", async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    const handle = (await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9))!;
    await handle.stop();
    expect(excel.syncs).toBe(2);
    expect(excel.opsOf('removeHandler')).toEqual([{ sync: 2, op: 'removeHandler', target: 'worksheets.onChanged' }]);
    expect(excel.handlerCount()).toBe(0);
    await excel.fireChanged(CARD, 'D14');
    expect(changes).toEqual([]);
    await handle.stop();
    expect(excel.syncs).toBe(2);
  });

  it('removes and looks up names inside a new Excel.run on the registration context (Office.js wants that after the first run returned)', async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    const runs: unknown[] = [];
    const later = <T>(context: ClientRequestContext, batch: (c: typeof excel.context) => Promise<T>) => {
      runs.push(context);
      return excel.runOn(context, batch);
    };
    const handle = (await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9, [], later))!;
    excel.addSheet({ name: 'Новый лист' });
    await excel.fireChanged('Новый лист', 'A1');
    expect(changes).toEqual([{ sheet: 'Новый лист', address: 'A1' }]);
    await handle.stop();
    expect(runs).toEqual([excel.context, excel.context]);
    expect(excel.handlerCount()).toBe(0);
  });

  it('reports a change on a sheet it cannot name (deleted meanwhile) without a sheet, so the pane re-checks all', async () => {
    const excel = workbook('1.9');
    const { changes, onChange } = recorder();
    await watchWorkbookChanges(excel.context, onChange, EXCEL_1_9);
    await excel.fireChanged(CARD, 'A1', { worksheetId: '{GONE}' });
    expect(changes).toEqual([{ address: 'A1' }]);
    expect(excel.syncs).toBe(2);
  });
});

describe('watchWorkbookChanges with worksheet.onChanged only (ExcelApi 1.7)', () => {
  it('lists the sheets, then puts a handler on each but the summary: 2 syncs', async () => {
    const excel = workbook('1.7', true);
    const { changes, onChange } = recorder();
    const handle = await watchWorkbookChanges(excel.context, onChange, EXCEL_1_7, [SUMMARY]);
    expect(handle?.mode).toBe('sheets');
    expect(excel.syncs).toBe(2);
    expect(excel.opsOf('addHandler').map((o) => [o.sync, o.target])).toEqual([
      [2, `worksheet(${CARD}).onChanged`],
      [2, 'worksheet(Школы).onChanged'],
    ]);

    await excel.fireChanged('Школы', 'B7');
    await excel.fireChanged(SUMMARY, 'A1');
    await excel.fireChanged(CARD, 'D14', { triggerSource: 'ThisLocalAddin' });
    expect(changes).toEqual([{ sheet: 'Школы', address: 'B7' }]);
    expect(excel.syncs).toBe(2);
  });

  it("stops every sheet's handler with 1 sync", async () => {
    const excel = workbook('1.7');
    const handle = (await watchWorkbookChanges(excel.context, () => undefined, EXCEL_1_7))!;
    expect(excel.handlerCount()).toBe(2);
    await handle.stop();
    expect(excel.syncs).toBe(3);
    expect(excel.opsOf('removeHandler').map((o) => o.sync)).toEqual([3, 3]);
    expect(excel.handlerCount()).toBe(0);
  });

  it('never touches worksheets.onChanged, which a 1.7 host does not have', async () => {
    const excel = workbook('1.7');
    await expect(watchWorkbookChanges(excel.context, () => undefined, EXCEL_1_7)).resolves.toBeDefined();
    expect(() => excel.context.workbook.worksheets.onChanged).toThrow('ApiNotFound');
  });
});

describe('watchWorkbookChanges without change events (below ExcelApi 1.7)', () => {
  it('returns undefined and does not sync', async () => {
    const excel = new FakeExcel([{ name: CARD }]);
    expect(await watchWorkbookChanges(excel.context, () => undefined, { ...NO_CAPABILITIES, usedRangeOrNullObject: true })).toBeUndefined();
    expect(excel.syncs).toBe(0);
  });
});
