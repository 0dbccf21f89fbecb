import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkSnapshot } from '../../../addin/app/check-workbook';
import { formDefinitions } from '../../../addin/app/definitions';
import { openExcelSession, SUMMARY_SHEET } from '../../../addin/app/excel-session';
import { summaryRows } from '../../../addin/app/summary-rows';
import { base64FromBytes } from '../../../addin/excel/base64';
import { NO_CAPABILITIES, type ExcelCapabilities } from '../../../addin/excel/capabilities';
import { ERROR_COLOR } from '../../../addin/excel/highlights';
import type { RequestContext } from '../../../addin/excel/office-types';
import { buildBlankForm } from '../../../core/forms/blank-form';
import { FakeExcel, type FakeOptions } from '../fake-excel';
import { fakeSheetsFromExcelJs } from '../exceljs-to-fake';
import { ROOT } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane's catalogue, as it loads dist/forms at start.
beforeAll(() => primePaneCatalogue());

const FULL: ExcelCapabilities = {
  usedRangeOrNullObject: true, setCellProperties: true, mergedAreas: true, worksheetChangedEvents: true,
  collectionChangedEvents: true, insertWorksheetsFromBase64: true, addWorksheets: true,
};

async function excelWith(file: string, options: FakeOptions = {}): Promise<FakeExcel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', file)) as unknown as ArrayBuffer);
  return new FakeExcel(fakeSheetsFromExcelJs(workbook), options);
}

/** Excel.run as the fake sees it: every batch gets the same context, syncs are counted on it. */
const runOn = (excel: FakeExcel) => <T>(batch: (context: RequestContext) => Promise<T>) => batch(excel.context);

describe('the pane\'s Excel session over the gateway (a fake Excel counting syncs)', () => {
  it('checks a card in at most 3 syncs to read and 2 to highlight; a re-check puts the fills back first', async () => {
    const excel = await excelWith('F1-mo05.xlsx', { setCellProperties: true, mergedAreas: true });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => batch(ctx));
    const snapshot = await session.read();
    expect(excel.syncs).toBeLessThanOrEqual(3);
    const outcome = checkSnapshot(snapshot, 'Открытая книга', formDefinitions());
    expect(outcome.issues.map((i) => [i.code, i.location.kind === 'cell' ? `${i.location.sheet}!${i.location.address}` : ''])).toEqual([['FORM_NOT_PERCENT', 'Карта мониторинга!C20']]);

    const beforeHighlight = excel.syncs;
    const original = excel.fillAt('Карта мониторинга', 'C20');
    await session.highlight(outcome.issues);
    expect(excel.syncs - beforeHighlight).toBeLessThanOrEqual(2);
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBe(ERROR_COLOR);
    expect(session.highlighted).toBe(true);

    await session.highlight([]);
    expect(excel.fillAt('Карта мониторинга', 'C20')).toBe(original);
    expect(session.highlighted).toBe(false);
  });

  it('selects the finding\'s cell on its sheet', async () => {
    const excel = await excelWith('F1-mo05.xlsx');
    await openExcelSession(FULL, runOn(excel), (ctx, batch) => batch(ctx)).select('Карта мониторинга', 'C20');
    expect(excel.selection).toEqual({ sheet: 'Карта мониторинга', address: 'C20' });
  });

  it('writes «Итоги проверки» with the findings, and its own writes do not trigger a re-check', async () => {
    const excel = await excelWith('F1-mo05.xlsx', { collectionChangedEvents: true, worksheetChangedEvents: true, mergedAreas: true, setCellProperties: true });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => batch(ctx));
    const changes: string[] = [];
    const handle = await session.watch((change) => changes.push(`${change.sheet}!${change.address}`));
    expect(handle?.mode).toBe('workbook');

    const outcome = checkSnapshot(await session.read(), 'Открытая книга', formDefinitions());
    await session.writeSummary(summaryRows(outcome));
    expect(excel.cellAt(SUMMARY_SHEET, 'A1')?.value).toBe('Где');
    const codes = ['A', 'B', 'C'].map((col) => excel.cellAt(SUMMARY_SHEET, `${col}6`)?.value);
    expect(codes).toEqual(['Лист «Карта мониторинга», ячейка C20', expect.stringContaining('доля должна быть от 0 до 100 %'), 'FORM_NOT_PERCENT']);

    await excel.fireChanged(SUMMARY_SHEET, 'A1');
    await excel.fireChanged('Карта мониторинга', 'C20');
    expect(changes).toEqual(['Карта мониторинга!C20']);
    await handle?.stop();
    expect(excel.handlerCount()).toBe(0);
  });

  it('does not watch where Excel reports no changes (below ExcelApi 1.7)', async () => {
    const excel = await excelWith('F1-mo01.xlsx');
    const session = openExcelSession({ ...NO_CAPABILITIES, usedRangeOrNullObject: true, addWorksheets: true }, runOn(excel), (ctx, batch) => batch(ctx));
    expect(await session.watch(() => undefined)).toBeUndefined();
    expect(excel.syncs).toBe(0);
  });

  it('adds a blank\'s sheets to the workbook, and refuses a blank whose sheet names are taken without adding any', async () => {
    const def = formDefinitions().find((d) => d.id === 'F7')!;
    const bytes = await buildBlankForm(def);
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = fakeSheetsFromExcelJs(blank);
    const names = sheets.map((s) => s.name);

    const excel = new FakeExcel([{ name: 'Лист1' }], { insertWorksheetsFromBase64: true, files: { [base64FromBytes(bytes)]: sheets } });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => batch(ctx));
    const first = await session.insertBlank(bytes, names);
    expect(first).toEqual({ inserted: names });
    const again = await session.insertBlank(bytes, names);
    expect('conflict' in again && again.conflict).toEqual(names);
    expect('message' in again && again.message).toMatch(/уже есть/);
  });
});
