import { defaultDefinitions } from '../../fixtures/forms';
import { validateForm } from '../../../core/forms/validate';
import { book, cardAddress, cardSheet, GOOD_F1, smallData } from './helpers';

const f1 = defaultDefinitions().find((d) => d.id === 'F1')!;

describe('layouts', () => {
  test('a missing sheet gets «возможно, имелся в виду …»', () => {
    const sheet = cardSheet(f1, 'card', GOOD_F1);
    sheet.name = 'Карта мониторинга (2)';
    const r = validateForm(f1, book(sheet), { file: 'a.xlsx' });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'SHEET_MISSING', location: { kind: 'sheet', sheet: 'Карта мониторинга', file: 'a.xlsx' } });
    expect(r.issues[0]!.message).toContain('Возможно, имелся в виду лист «Карта мониторинга (2)»');
  });

  test('a renamed header is a missing column with a suggestion', () => {
    const sheet = cardSheet(f1, 'card', GOOD_F1);
    sheet.cells.D3 = { kind: 'text', text: 'Коментарий' };
    const r = validateForm(f1, book(sheet), { data: smallData() });
    expect(r.issues.map((i) => i.code)).toEqual(['COLUMN_MISSING']);
    expect(r.issues[0]!.message).toContain('«Коментарий»');
  });

  test('a deleted row is reported by its key', () => {
    const sheet = cardSheet(f1, 'card', GOOD_F1);
    sheet.cells[cardAddress(f1, 'card', '2.4').replace('C', 'A')] = { kind: 'text', text: '' };
    delete sheet.cells[cardAddress(f1, 'card', '2.4').replace('C', 'A')];
    const r = validateForm(f1, book(sheet), { data: smallData() });
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([['FORM_ROW_MISSING', expect.stringContaining('«2.4»')]]);
  });

  test('rows are found by key: a row moved elsewhere is still read', () => {
    const sheet = cardSheet(f1, 'card', GOOD_F1);
    const a = cardAddress(f1, 'card', '0.1').slice(1);
    sheet.cells[`A60`] = sheet.cells[`A${a}`]!;
    sheet.cells[`C60`] = sheet.cells[`C${a}`]!;
    delete sheet.cells[`A${a}`];
    delete sheet.cells[`C${a}`];
    const r = validateForm(f1, book(sheet), { data: smallData() });
    expect(r.issues).toEqual([]);
    expect(r.cells.municipality).toEqual({ sheet: 'Карта мониторинга', address: 'C60' });
  });

  test('merged cells over an input are reported at the cell', () => {
    const sheet = cardSheet(f1, 'card', GOOD_F1);
    const c = cardAddress(f1, 'card', '1.3');
    sheet.merges.push(`${c}:${c.replace('C', 'D')}`);
    const r = validateForm(f1, book(sheet), { data: smallData() });
    expect(r.issues.map((i) => [i.code, i.location.kind === 'cell' && i.location.address])).toEqual([['FORM_MERGED_INPUT', c]]);
  });
});
