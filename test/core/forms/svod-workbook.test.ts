import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { collectCards } from '../../../core/forms/collect';
import { defaultDefinitions } from '../../fixtures/forms';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { scoreForm } from '../../../core/forms/score';
import { readSnapshot } from '../../../core/forms/snapshot';
import { linesIn } from '../../../core/forms/sheet-fit';
import { buildSvodWorkbook } from '../../../core/forms/svod-workbook';
import { validateForm } from '../../../core/forms/validate';
import { DatasetSchema } from '../../../core/model/schemas';
import { openWorkbook } from '../../../core/workbook/open-workbook';

const ROOT = path.join(__dirname, '../../..');
const f1 = defaultDefinitions().find((d) => d.id === 'F1')!;
const data = buildReferenceData(DatasetSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/data/sample-region.json'), 'utf8'))));

test('svod.xlsx: whole-word headers, wrapped rows tall enough, frozen and filtered, «Замечания» by municipality in Russian', async () => {
  const cards = [];
  for (const name of ['F1-mo02.xlsx', 'F1-mo05.xlsx', 'F1-mo14.xlsx']) {
    const opened = await openWorkbook(new Uint8Array(fs.readFileSync(path.join(ROOT, 'templates/forms/samples/F1', name))), name);
    if (!opened.ok) throw new Error(name);
    const result = validateForm(f1, readSnapshot(opened.workbook), { file: name, data });
    cards.push({ file: name, values: result.values, score: scoreForm(f1, result, data), issues: result.issues });
  }
  const svod = collectCards(f1, cards, data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildSvodWorkbook(f1, svod)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Свод')!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  expect(ws.autoFilter).toBeTruthy();
  const widths = ws.columns.map((c) => c.width ?? 0);
  ws.getRow(3).eachCell((cell, col) => {
    const longest = Math.max(
      ...String(cell.value)
        .split(/\s+/)
        .map((w) => w.length),
    );
    expect([String(cell.value), widths[col - 1]! >= longest + 1]).toEqual([String(cell.value), true]);
  });
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    row.eachCell((cell, col) => {
      expect(cell.alignment?.wrapText).toBe(true);
      lines = Math.max(lines, linesIn(String(cell.value ?? ''), widths[col - 1]!));
    });
    expect(row.height).toBeGreaterThanOrEqual(lines * 15);
  }
  const flagsCol = (ws.getRow(3).values as unknown[]).indexOf('Красные флаги');
  const chebarkul = svod.rows.findIndex((r) => r.file === 'F1-mo14.xlsx');
  expect(String(ws.getRow(4 + chebarkul).getCell(flagsCol).value).split('\n').length).toBeGreaterThan(1);
  expect(ws.getRow(4 + chebarkul).height).toBeGreaterThanOrEqual(30);

  const findings = wb.getWorksheet('Замечания')!;
  expect((findings.getRow(1).values as unknown[]).slice(1)).toEqual(['Муниципалитет', 'Где', 'Важность', 'Замечание']);
  expect(findings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const kyshtym = [];
  for (let r = 2; r <= findings.rowCount; r++) {
    const v = (findings.getRow(r).values as unknown[]).slice(1).map(String);
    expect(v[0]).not.toMatch(/\.xlsx/);
    if (v[1] === 'Лист «Карта мониторинга», ячейка C20') kyshtym.push(v);
  }
  expect(kyshtym).toEqual([
    [
      'Кыштымский городской округ',
      'Лист «Карта мониторинга», ячейка C20',
      'ошибка',
      '«Педагоги ШНОР, прошедшие повышение квалификации, %»: доля должна быть от 0 до 100 %, введено «120».',
    ],
  ]);
});
