import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FormDefinition } from '../../core/forms/definition';
import { readSnapshot, type WorkbookSnapshot } from '../../core/forms/snapshot';
import { validateForm } from '../../core/forms/validate';
import { defaultDefinitions } from '../fixtures/forms';
import { readWorkbookSnapshot } from '../../addin/excel/read-snapshot';
import { FakeExcel } from './fake-excel';
import { fakeSheetsFromExcelJs } from './exceljs-to-fake';

const SAMPLES = join(__dirname, '..', '..', 'templates', 'forms', 'samples');
const DEFINITIONS = defaultDefinitions();

function definition(id: string): FormDefinition {
  const def = DEFINITIONS.find((d) => d.id === id);
  if (!def) throw new Error(`no default definition ${id}`);
  return def;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The snapshot through the add-in's door: exceljs → what Excel would report → the gateway. */
async function readThroughGateway(workbook: ExcelJS.Workbook): Promise<{ snapshot: WorkbookSnapshot; syncs: number }> {
  const excel = new FakeExcel(fakeSheetsFromExcelJs(workbook), { mergedAreas: true });
  const snapshot = await readWorkbookSnapshot(excel.context, { capabilities: { mergedAreas: true } });
  return { snapshot, syncs: excel.syncs };
}

function normalised(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: snapshot.sheets.map((s) => ({ ...s, merges: [...s.merges].sort(), percentCells: [...(s.percentCells ?? [])].sort() })) };
}

const F1_WITH_FINDINGS = [
  'F1-mo02.xlsx',
  'F1-mo05.xlsx',
  'F1-mo08.xlsx',
  'F1-mo11.xlsx',
  'F1-mo15.xlsx',
  'F1-mo17.xlsx',
  'F1-mo19.xlsx',
  'F1-mo21.xlsx',
  'F1-mo25.xlsx',
];
const CASES: Array<[string, string]> = [
  ...F1_WITH_FINDINGS.map((f): [string, string] => ['F1', join(SAMPLES, 'F1', f)]),
  ['F1', join(SAMPLES, 'F1', 'F1-mo01.xlsx')],
  ...readdirSync(join(SAMPLES, 'F2'))
    .slice(0, 2)
    .map((f): [string, string] => ['F2', join(SAMPLES, 'F2', f)]),
  ['F3', join(SAMPLES, 'F3-дорожная-карта-2024.xlsx')],
  ['F7', join(SAMPLES, 'F7-распределение-2024.xlsx')],
];

describe('the gateway reads a workbook as core does', () => {
  it.each(CASES.map(([formId, file]) => ({ formId, file, name: basename(file) })))(
    '$formId $name: same snapshot, same issues, in 3 syncs',
    async ({ formId, file }) => {
      const workbook = await load(file);
      const expected = readSnapshot(workbook);
      const { snapshot, syncs } = await readThroughGateway(workbook);
      expect(syncs).toBeLessThanOrEqual(3);
      expect(normalised(snapshot)).toEqual(normalised(expected));
      const def = definition(formId);
      expect(validateForm(def, snapshot).issues).toEqual(validateForm(def, expected).issues);
    },
  );

  it('finds the same problems in every sample F1 card that has them', async () => {
    let found = 0;
    for (const name of F1_WITH_FINDINGS) {
      const { snapshot } = await readThroughGateway(await load(join(SAMPLES, 'F1', name)));
      found += validateForm(definition('F1'), snapshot).issues.length;
    }
    expect(found).toBeGreaterThanOrEqual(F1_WITH_FINDINGS.length);
  });

  it('agrees on dates, percentages, booleans, formula results, rich text and hidden sheets', async () => {
    const workbook = await load(join(SAMPLES, 'F1', 'F1-mo01.xlsx'));
    const ws = workbook.worksheets[0]!;
    const spare = ws.getRow(ws.rowCount + 3);
    const at = (col: number) => spare.getCell(col);
    at(2).value = new Date(Date.UTC(2024, 1, 8));
    at(2).numFmt = 'dd.mm.yyyy';
    at(3).value = 0.75;
    at(3).numFmt = '0%';
    at(4).value = true;
    at(5).value = { formula: 'C1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    at(6).value = { formula: 'B1*2', result: 42 } as ExcelJS.CellValue;
    at(7).value = { richText: [{ text: 'Приказ ' }, { text: '№ 12', font: { bold: true } }] };
    at(8).value = { text: 'сайт', hyperlink: 'https://kaskad.example.ru' } as ExcelJS.CellValue;
    at(9).value = '   ';
    const hidden = workbook.addWorksheet('Скрытый', { state: 'hidden' });
    hidden.getCell('B2').value = 'x';
    hidden.mergeCells('B2:C3');

    const expected = readSnapshot(workbook);
    const { snapshot } = await readThroughGateway(workbook);
    expect(normalised(snapshot)).toEqual(normalised(expected));
    const row = spare.number;
    const card = snapshot.sheets[0]!;
    expect(card.cells[`B${row}`]).toEqual({ kind: 'date', iso: '2024-02-08' });
    expect(card.percentCells).toContain(`C${row}`);
    expect(card.cells[`E${row}`]).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(card.cells[`G${row}`]).toEqual({ kind: 'text', text: 'Приказ № 12' });
    expect(card.cells[`I${row}`]).toBeUndefined();
    expect(snapshot.sheets.find((s) => s.name === 'Скрытый')).toMatchObject({ hidden: true, merges: ['B2:C3'] });
  });
});
