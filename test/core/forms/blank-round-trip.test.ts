import { buildBlankForm } from '../../../core/forms/blank-form';
import { defaultDefinitions } from '../../fixtures/forms';
import { detectForm } from '../../../core/forms/marker';
import { scoreForm } from '../../../core/forms/score';
import { validateForm } from '../../../core/forms/validate';
import { GOOD_F1, smallData } from './helpers';
import { fillCard, loadBook, saveBook, snapshotOf } from './workbook-helpers';

const defs = defaultDefinitions();
const f1 = defs.find((d) => d.id === 'F1')!;

describe('blank form → filled with exceljs → validated', () => {
  test('the blank F1 carries validation, protection, print setup and the marker', async () => {
    const wb = await loadBook(await buildBlankForm(f1, { municipality: 'Кыштымский городской округ', year: 2024 }));
    const ws = wb.getWorksheet('Карта мониторинга')!;
    expect(ws.getCell('C4').value).toBe('Кыштымский городской округ');
    expect(ws.getCell('C5').value).toBe(2024);
    const yesNo = [...Array(60).keys()].map((i) => ws.getCell(`C${i + 4}`)).find((c) => c.dataValidation?.formulae?.[0] === '"да,нет"');
    expect(yesNo?.protection?.locked).toBe(false);
    expect(ws.getCell('B4').protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(wb.getWorksheet('_kaskad')?.state).toBe('hidden');
    const snap = await snapshotOf(await saveBook(wb));
    expect(detectForm(snap, defs)?.id).toBe('F1');
  });

  test('round trip: expected findings and score', async () => {
    const wb = await loadBook(await buildBlankForm(f1, { municipality: 'Кыштымский городской округ', year: 2024 }));
    const ws = wb.getWorksheet('Карта мониторинга')!;
    const answers = { ...GOOD_F1 } as Record<string, unknown>;
    answers['0.3'] = new Date(Date.UTC(2025, 0, 15));
    answers['2.1'] = 3;
    answers['1.4'] = ['нет', ''];
    const at = fillCard(ws, answers);
    const snap = await snapshotOf(await saveBook(wb));
    const result = validateForm(f1, snap, { data: smallData(), file: 'card.xlsx' });
    expect(result.issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : ''])).toEqual([
      ['FORM_REQUIRED', at.get('1.4')!.replace('C', 'D')],
      ['FORM_COMPARE', at.get('2.1')],
    ]);
    const score = scoreForm(f1, result, smallData());
    expect(score.total).toBe(35);
    expect(score.max).toBe(38);
    expect(score.level?.title).toBe('высокий');
    expect(score.flags).toEqual([]);
  });

  test('every default definition makes a blank that validates with only «required» findings', async () => {
    for (const def of defs) {
      const snap = await snapshotOf(await buildBlankForm(def));
      const result = validateForm(def, snap);
      const codes = new Set(result.issues.map((i) => i.code));
      codes.delete('FORM_REQUIRED');
      codes.delete('FORM_COMPARE');
      expect([def.id, [...codes]]).toEqual([def.id, []]);
    }
  });

  test('the same definition gives byte-identical blanks (no clock in core)', async () => {
    expect(Buffer.from(await buildBlankForm(f1, { year: 2024 })).equals(Buffer.from(await buildBlankForm(f1, { year: 2024 })))).toBe(true);
  });

  test('the F2 blank prints each problem with its suggested support module, locked', async () => {
    const f2 = defs.find((d) => d.id === 'F2')!;
    const wb = await loadBook(await buildBlankForm(f2));
    const ws = wb.getWorksheet('Технологическая карта')!;
    expect(ws.getCell('C3').value).toBe('Модуль поддержки');
    expect(ws.getCell('B4').value).toBe('Наличие вакансий в ОО (указать вакансии)');
    expect(ws.getCell('C4').value).toBe('Мобильный педагог');
    expect(ws.getCell('C4').protection?.locked).not.toBe(false);
    expect(ws.getCell('D4').protection?.locked).toBe(false);
    expect(ws.getCell('D4').dataValidation).toMatchObject({ type: 'whole', formulae: [1, 4] });
  });
});
