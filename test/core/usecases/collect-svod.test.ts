import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDefinitions } from '../../fixtures/forms';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { checkWorkbookBytes } from '../../../core/usecases/check-workbook-bytes';
import { pickDefinition } from '../../../core/forms/catalogue';
import { collectSvod } from '../../../core/usecases/collect-svod';
import type { CheckOutcome } from '../../../core/usecases/check-workbook';
import { blockingOf, exitCodeOf } from '../../../core/usecases/blocking';
import { makeIssue } from '../../../core/issues';
import { loadSampleDataset } from '../../helpers/sample-dataset';
import { ROOT, SAMPLE_XLSX } from '../../helpers/sample-workbook';

const SAMPLES = join(ROOT, 'templates', 'forms', 'samples');
const definitions = defaultDefinitions();
const reference = buildReferenceData(loadSampleDataset());
const check = async (path: string, withData = false): Promise<CheckOutcome> =>
  (await checkWorkbookBytes(readFileSync(path), path.split('/').pop()!, definitions, withData ? { data: reference } : {})).outcome;

let f1: CheckOutcome[];
let f2: CheckOutcome[];
beforeAll(async () => {
  f1 = await Promise.all(
    readdirSync(join(SAMPLES, 'F1'))
      .sort()
      .slice(0, 5)
      .map((n) => check(join(SAMPLES, 'F1', n))),
  );
  f2 = await Promise.all(
    readdirSync(join(SAMPLES, 'F2'))
      .sort()
      .slice(0, 2)
      .map((n) => check(join(SAMPLES, 'F2', n))),
  );
});

describe('collectSvod (core: the svod behind `kaskad collect` and the pane)', () => {
  it('consolidates the form most cards are of and reports each card of another form as COLLECT_OTHER_FORM', () => {
    const collected = collectSvod([...f2.slice(0, 1), ...f1, ...f2.slice(1)], definitions)!;
    expect(collected.definition.id).toBe('F1');
    expect(collected.svod.rows.map((r) => r.file)).toEqual(['F1-mo01.xlsx', 'F1-mo02.xlsx', 'F1-mo03.xlsx', 'F1-mo04.xlsx', 'F1-mo05.xlsx']);
    const others = collected.svod.issues.filter((i) => i.code === 'COLLECT_OTHER_FORM');
    expect(others.map((i) => i.location)).toEqual([
      { kind: 'file', file: 'F2-sch017.xlsx' },
      { kind: 'file', file: 'F2-sch036.xlsx' },
    ]);
    expect(others[0]!.message).toBe('это форма F2, а сводится форма F1; файл в свод не взят.');
    // Each one once in the findings sheet's list, after the cards' own findings.
    expect(collected.svod.findings.filter((i) => i.code === 'COLLECT_OTHER_FORM')).toHaveLength(2);
    expect(collected.svod.findings.filter((i) => i.code === 'FORM_NOT_PERCENT').map((i) => i.location)).toEqual([
      { kind: 'cell', file: 'F1-mo05.xlsx', sheet: 'Карта мониторинга', address: 'C20' },
    ]);
  });

  it("takes the form it is given, passes over the data workbook and keeps an unreadable file's findings", async () => {
    const data = await check(SAMPLE_XLSX);
    expect(data.kind).toBe('data');
    const broken: CheckOutcome = (await checkWorkbookBytes(new TextEncoder().encode('не книга'), 'x.xlsx', definitions)).outcome;
    expect(broken.kind).toBe('unreadable');
    // Checked against the data workbook, as collect --data checks them: names resolved to codes.
    const cards = await Promise.all(
      readdirSync(join(SAMPLES, 'F1'))
        .sort()
        .slice(0, 5)
        .map((n) => check(join(SAMPLES, 'F1', n), true)),
    );
    const collected = collectSvod([data, ...cards, broken], definitions, { form: pickDefinition(definitions, 'f1'), data: reference })!;
    expect(collected.svod.rows).toHaveLength(5);
    expect(collected.svod.issues.filter((i) => i.code === 'COLLECT_MISSING')).toHaveLength(loadSampleDataset().municipalities.length - 5);
    expect(collected.svod.issues.map((i) => i.code)).not.toContain('COLLECT_OTHER_FORM');
    expect(collected.svod.findings.filter((i) => i.code === 'FILE_NOT_WORKBOOK').map((i) => i.location)).toEqual([{ kind: 'file', file: 'x.xlsx' }]);
  });

  it('has nothing to consolidate without a form card', () => {
    expect(collectSvod([], definitions)).toBeUndefined();
  });
});

describe('one blocking class per code', () => {
  it('classes unreadable inputs, unreadable cards and findings', () => {
    expect(blockingOf('FILE_NOT_WORKBOOK')).toBe('input');
    expect(blockingOf('FORM_UNRECOGNISED')).toBe('input');
    expect(blockingOf('OUTPUT_EXISTS')).toBe('input');
    expect(blockingOf('FORM_MERGED_INPUT')).toBe('card');
    expect(blockingOf('FORM_NOT_PERCENT')).toBe('finding');
    expect(blockingOf('COLLECT_OTHER_FORM')).toBe('finding');
  });

  it('gives validate 2 for an unreadable card and collect 1; warnings never count', () => {
    const merged = makeIssue('FORM_MERGED_INPUT', { kind: 'cell', sheet: 'Карта мониторинга', address: 'C5' }, { label: 'x', range: 'C5:D5' });
    const missing = makeIssue('COLLECT_MISSING', { kind: 'record', record: 'Уйский' }, { municipality: 'Уйский' }, 'warning');
    expect(exitCodeOf([merged], { cardsBlock: true })).toBe(2);
    expect(exitCodeOf([merged], { cardsBlock: false })).toBe(1);
    expect(exitCodeOf([missing], { cardsBlock: true })).toBe(0);
    expect(exitCodeOf([makeIssue('FILE_EMPTY', { kind: 'file', file: 'a.xlsx' }, {}), missing], { cardsBlock: false })).toBe(2);
  });
});
