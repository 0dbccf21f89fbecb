import { buildBlankForm } from '../../../core/forms/blank-form';
import { compileDefinitionWorkbook } from '../../../core/forms/compile-definition';
import { defaultDefinitions } from '../../fixtures/forms';
import { scoreForm } from '../../../core/forms/score';
import { validateForm } from '../../../core/forms/validate';
import { writeDefinitionWorkbook } from '../../../core/forms/write-definition';
import { GOOD_F1, smallData } from './helpers';
import { fillCard, loadBook, saveBook, snapshotOf } from './workbook-helpers';

const f1 = defaultDefinitions().find((d) => d.id === 'F1')!;

function columnsOf(ws: import('exceljs').Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => out.set(String(c.value), n));
  return out;
}

test('a methodologist changes a band and adds an indicator: blank, validation and score follow with no code change', async () => {
  // The methodologist's copy of the F1 definition spreadsheet.
  const wb = await loadBook(await writeDefinitionWorkbook(f1));
  const points = wb.getWorksheet('Баллы')!;
  const pc = columnsOf(points);
  points.eachRow((row, n) => {
    if (n > 1 && row.getCell(pc.get('Поле')!).value === 'events' && row.getCell(pc.get('От')!).value === 4) row.getCell(pc.get('От')!).value = 6;
  });
  points.addRow([]).getCell(1);
  const add = (values: Record<string, unknown>) => {
    const row = points.addRow([]);
    for (const [h, v] of Object.entries(values)) row.getCell(pc.get(h)!).value = v as string;
  };
  add({ Поле: 'mentors', Раздел: 's2', Вариант: 'да', Баллы: 2 });
  add({ Поле: 'mentors', Раздел: 's2', Вариант: 'нет', Баллы: 0 });
  const fields = wb.getWorksheet('Поля')!;
  const fc = columnsOf(fields);
  const row = fields.addRow([]);
  const field = {
    Код: 'mentors',
    Подпись: 'Наставники назначены во всех ШНОР',
    Макет: 'card',
    Ключ: '2.7',
    Раздел: 's2',
    Тип: 'да/нет',
    Обязательно: 'да',
  };
  for (const [h, v] of Object.entries(field)) row.getCell(fc.get(h)!).value = v;

  const compiled = compileDefinitionWorkbook(await snapshotOf(await saveBook(wb)), 'F1-2025.xlsx');
  if (!compiled.ok) throw new Error(compiled.issues.map((i) => i.message).join('\n'));
  const def = compiled.definition;

  // The new blank has the new row; an unanswered new indicator is a finding.
  const blank = await loadBook(await buildBlankForm(def));
  const ws = blank.getWorksheet('Карта мониторинга')!;
  const at = fillCard(ws, { ...GOOD_F1, '0.3': '15.01.2025' });
  const unanswered = validateForm(def, await snapshotOf(await saveBook(blank)), { data: smallData() });
  expect(unanswered.issues.map((i) => i.code)).toEqual(['FORM_REQUIRED']);
  expect(unanswered.issues[0]!.location).toMatchObject({ sheet: 'Карта мониторинга' });

  fillCard(ws, { '2.7': 'да' });
  const result = validateForm(def, await snapshotOf(await saveBook(blank)), { data: smallData() });
  expect(result.issues).toEqual([]);
  const score = scoreForm(def, result, smallData());
  // 5 events no longer reach the top band (now 6+): 1 point instead of 2; the new indicator adds 2 of 2.
  expect(score.explanations.find((e) => e.field === 'events')!.points).toBe(1);
  expect(score.explanations.find((e) => e.field === 'mentors')!.points).toBe(2);
  expect(score.sections.find((s) => s.id === 's2')).toMatchObject({ points: 12, max: 14 });
  expect(at.size).toBeGreaterThan(20);
});
