import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readSnapshot } from '../../../core/forms/snapshot';
import { makeIssue } from '../../../core/issues';
import { checkFile } from '../../../addin/app/use-checked-files';
import { checkSnapshot, looksLikeDataWorkbook } from '../../../core/usecases/check-workbook';
import { groupIssuesBySheet } from '../../../addin/app/issue-groups';
import { formDefinitions } from '../../../addin/app/definitions';
import { summaryRows } from '../../../addin/app/summary-rows';
import { ROOT, SAMPLE_XLSX } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane's catalogue, as it loads dist/forms at start.
beforeAll(() => primePaneCatalogue());

const F1 = (name: string) => join(ROOT, 'templates', 'forms', 'samples', 'F1', name);

describe('checking a workbook in the pane (both doors end here)', () => {
  it('recognises an F1 card, finds 120 % at C20 and scores it', async () => {
    const checked = await checkFile(1, 'F1-mo05.xlsx', readFileSync(F1('F1-mo05.xlsx')));
    expect(checked.outcome.kind).toBe('form');
    if (checked.outcome.kind !== 'form') return;
    expect(checked.outcome.form.id).toBe('F1');
    expect(checked.outcome.issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : ''])).toEqual([['FORM_NOT_PERCENT', 'C20']]);
    expect(checked.outcome.issues[0]!.message).toContain('доля должна быть от 0 до 100 %, введено «120»');
    expect(checked.outcome.score?.max).toBeGreaterThan(0);
    expect(checked.snapshot?.sheets.map((s) => s.name)).toContain('Карта мониторинга');
  });

  it('reads the data workbook with the generator rules: a data outcome with its documents', async () => {
    const checked = await checkFile(2, 'sample-region.xlsx', readFileSync(SAMPLE_XLSX));
    expect(checked.outcome.kind).toBe('data');
    if (checked.outcome.kind !== 'data') return;
    expect(checked.outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(checked.outcome.dataset.municipalities.length).toBe(43);
    expect(checked.outcome.dataset.documents.map((d) => d.template)).toContain('mailing');
  });

  it('says in Russian that a workbook is neither a form nor the data, naming the known forms', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Лист1').getCell('A1').value = 'что-то своё';
    const outcome = checkSnapshot(readSnapshot(wb), 'своё.xlsx', formDefinitions());
    expect(outcome.kind).toBe('unrecognised');
    expect(outcome.issues[0]?.code).toBe('FORM_UNRECOGNISED');
    expect(outcome.issues[0]?.location).toEqual({ kind: 'file', file: 'своё.xlsx' });
    expect(outcome.issues[0]?.message).toMatch(/не удалось определить форму.*F1 «Карта мониторинга.*«Бланки»/);
    expect(looksLikeDataWorkbook(readSnapshot(wb))).toBe(false);
  });

  it('reports a file that is not a workbook as unreadable, with the file named', async () => {
    const checked = await checkFile(3, 'письмо.xlsx', new TextEncoder().encode('это не книга'));
    expect(checked.outcome.kind).toBe('unreadable');
    expect(checked.outcome.issues[0]?.code).toBe('FILE_NOT_WORKBOOK');
    expect(checked.outcome.issues[0]?.location).toEqual({ kind: 'file', file: 'письмо.xlsx' });
  });
});

describe('findings grouped by sheet', () => {
  const at = (sheet: string, address: string, severity: 'error' | 'warning' = 'error') =>
    makeIssue('FORM_REQUIRED', { kind: 'cell', sheet, address }, { label: `${sheet}!${address}` }, severity);

  it('puts whole-file findings first, then sheets in workbook order; errors before warnings, then row by row', () => {
    const fileIssue = makeIssue('FORM_ROW_MISSING', { kind: 'sheet', sheet: 'Б' }, { key: 'k', label: 'l' });
    const whole = makeIssue('FORM_UNRECOGNISED', { kind: 'file', file: 'x.xlsx' }, { known: 'F1' });
    const groups = groupIssuesBySheet(
      [at('Б', 'C10', 'warning'), at('А', 'D3'), at('Б', 'B2'), whole, fileIssue, at('А', 'A12'), at('Б', 'A1', 'warning')],
      ['А', 'Б'],
    );
    expect(groups.map((g) => g.sheet)).toEqual([undefined, 'А', 'Б']);
    expect(groups[1]!.issues.map((i) => (i.location as { address: string }).address)).toEqual(['D3', 'A12']);
    expect(groups[2]!.issues.map((i) => (i.location.kind === 'cell' ? i.location.address : i.code))).toEqual(['FORM_ROW_MISSING', 'B2', 'A1', 'C10']);
  });
});

describe('the «Итоги проверки» rows', () => {
  it('lists the form, the score and each finding with its place and code', async () => {
    const checked = await checkFile(1, 'F1-mo05.xlsx', readFileSync(F1('F1-mo05.xlsx')));
    const rows = summaryRows(checked.outcome);
    expect(rows[0]).toEqual(['Где', 'Замечание', 'Код']);
    expect(rows[1]?.[0]).toBe('Форма');
    expect(rows.find((r) => r[0] === 'Баллы')?.[1]).toMatch(/^\d+(,\d)? из \d+/);
    const finding = rows[rows.length - 1]!;
    expect(finding[0]).toBe('Лист «Карта мониторинга», ячейка C20');
    expect(finding[1]).toMatch(/^Ошибка: .*доля должна быть от 0 до 100 %/);
    expect(finding[2]).toBe('FORM_NOT_PERCENT');
  });
});

describe('cards checked against the data workbook (as `kaskad validate --data`)', () => {
  it('reports a municipality the data does not know, only once the data workbook is there', async () => {
    const { buildReferenceData } = await import('../../../core/forms/reference-data');
    const { loadSampleDataset } = await import('../../helpers/sample-dataset');
    const { recheckWith } = await import('../../../addin/app/use-checked-files');
    const dataset = loadSampleDataset();
    const card = await checkFile(7, 'F1-mo01.xlsx', readFileSync(F1('F1-mo01.xlsx')));
    const sheet = card.snapshot!.sheets.find((s) => s.name === 'Карта мониторинга')!;
    const [address] = Object.entries(sheet.cells).find(([, v]) => v.kind === 'text' && dataset.municipalities.some((m) => m.name === v.text))!;
    sheet.cells[address] = { kind: 'text', text: 'Несуществующий муниципальный район' };

    const without = checkSnapshot(card.snapshot!, card.name, formDefinitions());
    expect(without.issues.map((i) => i.code)).not.toContain('FORM_REF_UNKNOWN');

    const reference = { name: 'sample-region.xlsx', data: buildReferenceData(dataset) };
    const rechecked = await recheckWith({ ...card, outcome: without }, reference);
    expect(rechecked.checkedWith).toBe('sample-region.xlsx');
    const unknown = rechecked.outcome.issues.filter((i) => i.code === 'FORM_REF_UNKNOWN');
    expect(unknown.map((i) => (i.location.kind === 'cell' ? i.location.address : ''))).toEqual([address]);
    expect(unknown[0]!.message).toContain('Несуществующий муниципальный район');
  });
});
