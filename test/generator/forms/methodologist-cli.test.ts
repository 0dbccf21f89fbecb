/**
 * Acceptance (issue 8): a methodologist edits a copy of templates/forms/F1-2024.xlsx — a
 * constraint, a score threshold, a new field — and the CLI applies it with `--forms <папка>`,
 * with no programmer involved. The pane's side is test/e2e/forms-source.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { GOOD_F1 } from '../../core/forms/helpers';
import { fillCard } from '../../core/forms/workbook-helpers';
import { NEW_CONSTRAINT_MESSAGE, NEW_FIELD, writeEditedF1 } from '../../helpers/edited-f1';
import { runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-methodologist-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Checked {
  files: Array<{
    issues: Array<{ code: string; location: { address?: string }; message: string }>;
    score: { total: number; max: number; explanations: Array<{ field: string; points: number }> };
  }>;
}

test('the edited F1 definition: the new row is in the blank, the new constraint and band and field apply in `kaskad validate --forms`', async () => {
  const forms = path.join(dir, 'forms');
  await writeEditedF1(forms);
  const blank = path.join(dir, 'blank.xlsx');
  expect((await runCli(['blank', 'F1', '--forms', forms, '-o', blank])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const ws = wb.getWorksheet('Карта мониторинга')!;
  // GOOD_F1: 85 % trained (now below 90), 5 events (the top band now starts at 6), row 2.7 left empty.
  const at = fillCard(ws, GOOD_F1);
  let newRow = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === NEW_FIELD.key) newRow = n;
  });
  expect(newRow).toBeGreaterThan(0);
  expect(ws.getCell(newRow, 2).value).toBe(NEW_FIELD.label);
  const card = path.join(dir, 'card.xlsx');
  await wb.xlsx.writeFile(card);

  const edited = await runCli(['validate', card, '--forms', forms, '--json']);
  expect(edited.code).toBe(1);
  const [file] = (JSON.parse(edited.out) as Checked).files;
  expect(file!.issues.map((i) => `${i.code}@${i.location.address}`)).toEqual([`FORM_CONSTRAINT@${at.get('2.3')}`, `FORM_REQUIRED@C${newRow}`]);
  expect(file!.issues[0]!.message).toContain(NEW_CONSTRAINT_MESSAGE);
  expect(file!.score.explanations.find((e) => e.field === 'events')!.points).toBe(1);
  expect(file!.score.explanations.find((e) => e.field === NEW_FIELD.id)!.points).toBe(0);

  // The same card by the shipped definition: no constraint, 5 events in the top band, no row 2.7 expected.
  const shipped = await runCli(['validate', card, '--json']);
  const [before] = (JSON.parse(shipped.out) as Checked).files;
  expect(before!.issues).toEqual([]);
  expect(before!.score.explanations.find((e) => e.field === 'events')!.points).toBe(2);
  expect(before!.score.explanations.some((e) => e.field === NEW_FIELD.id)).toBe(false);
  expect(file!.score.max).toBe(before!.score.max + 2);

  // Answered, the new indicator scores: 2 points for «да».
  fillCard(ws, { [NEW_FIELD.key]: 'да', '2.3': 95 });
  await wb.xlsx.writeFile(card);
  const answered = await runCli(['validate', card, '--forms', forms, '--json']);
  expect(answered.code).toBe(0);
  const [after] = (JSON.parse(answered.out) as Checked).files;
  expect(after!.issues).toEqual([]);
  expect(after!.score.explanations.find((e) => e.field === NEW_FIELD.id)!.points).toBe(2);
});
