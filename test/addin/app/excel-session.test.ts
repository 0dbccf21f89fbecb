import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkSnapshot } from '../../../core/usecases/check-workbook';
import { formDefinitions } from '../../../addin/app/definitions';
import { openExcelSession, SUMMARY_SHEET } from '../../../addin/app/excel-session';
import { summaryRows } from '../../../addin/app/summary-rows';
import { base64FromBytes } from '../../../addin/excel/base64';
import { NO_CAPABILITIES, type ExcelCapabilities } from '../../../addin/excel/capabilities';
import { ERROR_COLOR, WARNING_COLOR } from '../../../addin/excel/highlights';
import { fillOf } from '../fake-excel-model';
import type { RequestContext } from '../../../addin/excel/office-types';
import { buildBlankForm } from '../../../core/forms/blank-form';
import { FakeExcel, type FakeOptions } from '../fake-excel';
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

async function excelWith(file: string, options: FakeOptions = {}): Promise<FakeExcel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', file)) as unknown as ArrayBuffer);
  return new FakeExcel(fakeSheetsFromExcelJs(workbook), options);
}

/** Excel.run as the fake sees it: every batch gets the same context, syncs are counted on it. */
const runOn =
  (excel: FakeExcel) =>
  <T>(batch: (context: RequestContext) => Promise<T>) =>
    batch(excel.context);

describe("the pane's Excel session over the gateway (a fake Excel counting syncs)", () => {
  it('checks a card in at most 3 syncs to read and 2 to highlight; a re-check puts the fills back first', async () => {
    const excel = await excelWith('F1-mo05.xlsx', { setCellProperties: true, mergedAreas: true, customXmlParts: true });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
    const snapshot = await session.read();
    expect(excel.syncs).toBeLessThanOrEqual(3);
    const outcome = checkSnapshot(snapshot, 'Открытая книга', formDefinitions());
    expect(outcome.issues.map((i) => [i.code, i.location.kind === 'cell' ? `${i.location.sheet}!${i.location.address}` : ''])).toEqual([
      ['FORM_NOT_PERCENT', 'Карта мониторинга!C20'],
    ]);

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

  it('«Подсветить», a reload of the pane, «Снять подсветку»: pattern, colour and tint of every cell come back, «Плохой» included', async () => {
    const excel = await excelWith('F1-mo05.xlsx', { setCellProperties: true, mergedAreas: true, customXmlParts: true });
    const card = 'Карта мониторинга';
    excel.setCell(card, 'C20', { fill: ERROR_COLOR }); // the built-in «Плохой» style, the user's own
    excel.setCell(card, 'C21', { fill: '#4472C4', tint: 0.4 });
    excel.setCell(card, 'C22', { fill: '#FFFF00', pattern: 'LightDown', patternColor: '#7030A0', patternTint: 0.2 });
    const cells = ['C20', 'C21', 'C22', 'C23'];
    const before = cells.map((a) => fillOf(excel.cellAt(card, a)));
    const first = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
    const outcome = checkSnapshot(await first.read(), 'Открытая книга', formDefinitions());
    const extra = ['C21', 'C22', 'C23'].map((address) => ({
      ...outcome.issues[0]!,
      severity: 'warning' as const,
      location: { kind: 'cell' as const, sheet: card, address },
    }));
    await first.highlight([...outcome.issues, ...extra]);
    expect(cells.map((a) => excel.fillAt(card, a))).toEqual([ERROR_COLOR, WARNING_COLOR, WARNING_COLOR, WARNING_COLOR]);

    // the pane reloads (another ribbon button, a crash, the file reopened): a new session knows nothing
    const second = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
    expect(second.highlighted).toBe(false);
    expect(await second.loadHighlights()).toBe(true);
    expect(second.highlighted).toBe(true);
    await second.clearHighlights();
    expect(cells.map((a) => fillOf(excel.cellAt(card, a)))).toEqual(before);
    expect(fillOf(excel.cellAt(card, 'C20'))).toMatchObject({ color: ERROR_COLOR, pattern: 'Solid' });
    expect(second.highlighted).toBe(false);
    expect(excel.xmlParts.size).toBe(0);
  });

  it('a sheet with 600 merged areas (Excel refuses over 512) still gives the findings, with a note', async () => {
    const excel = await excelWith('F1-mo05.xlsx', { setCellProperties: true, mergedAreas: true });
    const card = excel.sheet('Карта мониторинга');
    card.merges.push(...Array.from({ length: 600 }, (_, i) => `K${200 + i}:L${200 + i}`));
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
    const outcome = checkSnapshot(await session.read(), 'Открытая книга', formDefinitions());
    expect(outcome.issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : ''])).toEqual([['FORM_NOT_PERCENT', 'C20']]);
    expect(session.skippedMerges).toEqual(['Карта мониторинга']);
  });

  it("selects the finding's cell on its sheet", async () => {
    const excel = await excelWith('F1-mo05.xlsx');
    await openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch)).select('Карта мониторинга', 'C20');
    expect(excel.selection).toEqual({ sheet: 'Карта мониторинга', address: 'C20' });
  });

  it('writes «Итоги проверки» with the findings, and its own writes do not trigger a re-check', async () => {
    const excel = await excelWith('F1-mo05.xlsx', {
      collectionChangedEvents: true,
      worksheetChangedEvents: true,
      mergedAreas: true,
      setCellProperties: true,
      customXmlParts: true,
    });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
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
    const session = openExcelSession({ ...NO_CAPABILITIES, usedRangeOrNullObject: true, addWorksheets: true }, runOn(excel), (ctx, batch) =>
      excel.runOn(ctx, batch),
    );
    expect(await session.watch(() => undefined)).toBeUndefined();
    expect(excel.syncs).toBe(0);
  });

  it("adds a blank's sheets to the workbook, and refuses a blank whose sheet names are taken without adding any", async () => {
    const def = formDefinitions().find((d) => d.id === 'F7')!;
    const bytes = await buildBlankForm(def);
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = fakeSheetsFromExcelJs(blank);
    const names = sheets.map((s) => s.name);

    const excel = new FakeExcel([{ name: 'Лист1' }], { insertWorksheetsFromBase64: true, files: { [base64FromBytes(bytes)]: sheets } });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
    const first = await session.insertBlank(bytes, names);
    expect(first).toEqual({ inserted: names });
    const again = await session.insertBlank(bytes, names);
    expect('conflict' in again && again.conflict).toEqual(names);
    expect('message' in again && again.message).toMatch(/уже есть/);
  });

  it('a second blank of another form gets its own hidden sheets («Списки (2)», «_kaskad (2)») instead of colliding; its dropdowns point there', async () => {
    const defs = formDefinitions();
    const first = defs.find((d) => d.id === 'F7')!;
    const second = defs.find((d) => d.id !== 'F7' && d.layouts.every((l) => !first.layouts.some((f) => f.sheet === l.sheet)) && d.lists.length > 0)!;
    const files: Record<string, ReturnType<typeof fakeSheetsFromExcelJs>> = {};
    const register = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      files[base64FromBytes(bytes)] = fakeSheetsFromExcelJs(wb);
      return {
        wb,
        names: fakeSheetsFromExcelJs(wb).map((s) => s.name),
        hidden: fakeSheetsFromExcelJs(wb)
          .filter((s) => s.visibility !== 'Visible')
          .map((s) => s.name),
      };
    };
    const excel = new FakeExcel([{ name: 'Лист1' }], { insertWorksheetsFromBase64: true, files });
    const session = openExcelSession(FULL, runOn(excel), (ctx, batch) => excel.runOn(ctx, batch));
    const firstBytes = await buildBlankForm(first);
    const a = await register(firstBytes);
    expect(await session.insertBlank(firstBytes, a.names, { names: a.hidden, rebuild: async () => undefined })).toEqual({ inserted: a.names });

    const secondBytes = await buildBlankForm(second);
    const b = await register(secondBytes);
    expect(b.hidden).toEqual(['Списки', '_kaskad']);
    let rebuilt: ExcelJS.Workbook | undefined;
    const result = await session.insertBlank(secondBytes, b.names, {
      names: b.hidden,
      rebuild: async (renames) => {
        const bytes = await buildBlankForm(second, { hiddenSheetNames: renames });
        rebuilt = (await register(bytes)).wb;
        return bytes;
      },
    });
    const visible = b.names.filter((n) => !b.hidden.includes(n));
    expect(result).toEqual({ inserted: [...visible, 'Списки (2)', '_kaskad (2)'] });
    expect(excel.sheetList().map((s) => s.name)).toEqual(['Лист1', ...a.names, ...visible, 'Списки (2)', '_kaskad (2)']);
    const lists = rebuilt!.worksheets
      .flatMap((ws) =>
        Object.values((ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model),
      )
      .filter((v) => v.type === 'list' && !v.formulae[0]!.startsWith('"'));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((v) => v.formulae[0]!.startsWith("'Списки (2)'!"))).toBe(true);
  });
});
