import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import loadHighs from 'highs';
import type { FormDefinition } from '../../../core/forms/definition';
import { parseDefinitionJson } from '../../../core/forms/parse-definition';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { readSnapshot } from '../../../core/forms/snapshot';
import { validateForm } from '../../../core/forms/validate';
import { makeDistribution, type DistributionOutputs } from '../../../core/planner';
import { EXPLANATIONS_SHEET, SUMMARY_SHEET } from '../../../core/planner/f7-workbook';
import type { Dataset } from '../../../core/model/schemas';
import { indexDataset } from '../../../core/render/contexts/dataset-index';
import { typeset } from '../../../core/format/typography';
import { renderDocument } from '../../../core/render/render-docx';
import { docxParagraphs, fold } from '../../helpers/docx-paragraphs';
import { jobFor, loadSampleDataset, preparedTemplate } from '../../helpers/sample-dataset';

const ROOT = path.join(__dirname, '..', '..', '..');
let dataset: Dataset;
let definition: FormDefinition;
let made: DistributionOutputs;

beforeAll(async () => {
  dataset = loadSampleDataset();
  const parsed = parseDefinitionJson(readFileSync(path.join(ROOT, 'templates', 'forms', 'F7-2024.json'), 'utf8'), 'F7-2024.json');
  if (!parsed.ok) throw new Error('F7 definition');
  definition = parsed.definition;
  made = await makeDistribution({
    dataset,
    definition,
    options: { year: 2025 },
    solver: await loadHighs(),
    orderTemplate: readFileSync(path.join(ROOT, 'templates', 'documents', 'order.docx')),
  });
});

describe('распределение 2025 года для области-примера', () => {
  test('каждая ШНОР 2025 года — ровно один куратор в пределах лимитов и формы; школа-лидер не из списков риска', () => {
    expect(made.exitCode).toBe(0);
    expect(made.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const shnor = new Set(dataset.schoolLists.filter((e) => e.year === 2025 && e.list === 'ШНОР').map((e) => e.schoolId));
    const risky = new Set(dataset.schoolLists.filter((e) => e.year === 2025 && e.list !== 'школа-лидер').map((e) => e.schoolId));
    const leaderCap = new Map(dataset.schoolLists.filter((e) => e.year === 2025 && e.list === 'школа-лидер').map((e) => [e.schoolId, e.cap ?? 0]));
    const curatorCap = new Map(dataset.people.filter((p) => p.role === 'куратор').map((p) => [p.id, Math.min(p.curatorCap ?? 12, 12)]));
    expect(new Set(made.plan.pairs.map((p) => p.schoolId))).toEqual(shnor);
    const load = new Map<string, number>();
    for (const p of made.plan.pairs) {
      expect(curatorCap.has(p.curatorId!)).toBe(true);
      load.set(p.curatorId!, (load.get(p.curatorId!) ?? 0) + 1);
      if (p.leaderSchoolId) {
        expect(risky.has(p.leaderSchoolId)).toBe(false);
        load.set(p.leaderSchoolId, (load.get(p.leaderSchoolId) ?? 0) + 1);
      }
    }
    for (const [id, n] of load) expect(n).toBeLessThanOrEqual(curatorCap.get(id) ?? leaderCap.get(id) ?? -1);
    // The Челябинск-only curator works in Челябинск only.
    const cur01 = dataset.people.find((p) => p.id === 'cur01')!;
    expect(cur01.covers).toBe('mo15');
    for (const p of made.plan.pairs.filter((q) => q.curatorId === 'cur01')) expect(p.municipalityId).toBe('mo15');
    expect(made.plan.summary.withLeader).toBe(made.plan.summary.shnor);
    expect(made.plan.summary.keptCurators).toBeGreaterThan(100);
  });

  test('нет простаивающих кураторов: у каждого куратора с лимитом есть ШНОР, если в его муниципалитетах они есть', () => {
    const demand = new Set(made.plan.pairs.map((p) => p.municipalityId));
    const load = new Map<string, number>();
    for (const p of made.plan.pairs) load.set(p.curatorId!, (load.get(p.curatorId!) ?? 0) + 1);
    const curators = dataset.people.filter((p) => p.role === 'куратор' && (p.curatorCap ?? 12) > 0);
    expect(curators.length).toBe(20);
    for (const c of curators) {
      const covers = c.covers ? c.covers.split(/[,;]\s*/).map((m) => m.trim()) : [...demand];
      if (!covers.some((m) => demand.has(m))) continue;
      expect(load.get(c.id) ?? 0).toBeGreaterThanOrEqual(1);
    }
    // Фомина (cur01) covers only Челябинск and gets Челябинск ШНОР.
    const cur01 = made.plan.pairs.filter((p) => p.curatorId === 'cur01');
    expect(cur01.length).toBeGreaterThan(0);
    expect(new Set(cur01.map((p) => p.municipalityId))).toEqual(new Set(['mo15']));
  });

  test('один куратор на муниципалитет везде, где хватает лимита: делится только Челябинск (26 ШНОР при лимите 12)', () => {
    const curatorCap = new Map(dataset.people.filter((p) => p.role === 'куратор').map((p) => [p.id, Math.min(p.curatorCap ?? 12, 12)]));
    const biggestCap = Math.max(...curatorCap.values());
    const curatorsOf = new Map<string, Set<string>>();
    const shnorIn = new Map<string, number>();
    for (const p of made.plan.pairs) {
      curatorsOf.set(p.municipalityId, new Set([...(curatorsOf.get(p.municipalityId) ?? []), p.curatorId!]));
      shnorIn.set(p.municipalityId, (shnorIn.get(p.municipalityId) ?? 0) + 1);
    }
    const shared = [...curatorsOf].filter(([, curators]) => curators.size > 1).map(([m]) => m);
    expect(shared).toEqual(['mo15']);
    expect(shnorIn.get('mo15')).toBe(26);
    expect(curatorsOf.get('mo15')!.size).toBe(Math.ceil(26 / biggestCap));
    expect([...shnorIn].filter(([m, n]) => m !== 'mo15' && n > biggestCap)).toEqual([]);
    expect(made.plan.summary.sharedMunicipalities).toBe(1);
    expect(made.plan.runs.curators?.status).toMatch(/^Optimal \(MIP: муниципалитет — одному куратору\)$/);
  });

  test('форма F7 проходит проверку без единого замечания; «Пояснения» и итоги на своих листах', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(made.f7 as unknown as ArrayBuffer);
    const result = validateForm(definition, readSnapshot(wb), { file: 'распределение.xlsx', data: buildReferenceData(dataset) });
    expect(result.issues).toEqual([]);
    expect(result.values.year).toBe(2025);
    expect((result.values.school as unknown[]).filter(Boolean)).toHaveLength(made.plan.summary.shnor);
    const ws = wb.getWorksheet('Распределение')!;
    expect(ws.getCell('A3').value).toBe('№ п/п');
    expect(ws.getCell('A4').value).toBe('1');
    const notes = wb.getWorksheet(EXPLANATIONS_SHEET)!;
    expect(notes.getRow(1).values).toEqual([
      undefined,
      '№ п/п',
      'Муниципалитет',
      'Школа (ШНОР)',
      'Куратор',
      'Почему этот куратор',
      'Школа-лидер',
      'Муниципалитет школы-лидера',
      'Почему эта школа-лидер',
    ]);
    expect(notes.rowCount).toBe(made.plan.summary.shnor + 1);
    const reasons = new Set<string>();
    notes.eachRow((row, n) => {
      if (n > 1) reasons.add(String(row.getCell(8).value).replace(/«.*»/, '«…»'));
    });
    expect([...reasons].sort()).toEqual(['ближайшая свободная: муниципалитет «…»', 'как в прошлом году', 'соседний муниципалитет «…»']);
    expect(String(wb.getWorksheet(SUMMARY_SHEET)!.getCell('A1').value)).toMatch(/^Распределение 2025: ШНОР 202, с куратором 202/);
  });

  test('«Итоги распределения»: школы-лидеры с муниципалитетом — одноимённые школы различимы', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(made.f7 as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ''))));
    const head = rows.findIndex((r) => r[0] === 'Школа-лидер');
    expect(rows[head]).toEqual(['Школа-лидер', 'ШНОР', 'Лимит', 'Муниципалитет']);
    const leaders = rows.slice(head + 1).filter((r) => r[0] !== '');
    expect(leaders).toHaveLength(made.plan.summary.leaderLoads.length);
    const twins = leaders.filter((r) => r[0] === 'МАОУ "СОШ № 24"');
    expect(twins).toHaveLength(2);
    expect(new Set(twins.map((r) => r[3])).size).toBe(2);
    expect(twins.every((r) => r[3] !== '')).toBe(true);
    expect(new Set(leaders.map((r) => `${r[0]}|${r[3]}`)).size).toBe(leaders.length);
    const municipalitiesInOrder = leaders.map((r) => r[3] ?? '');
    expect(municipalitiesInOrder).toEqual([...municipalitiesInOrder].sort((a, b) => a.localeCompare(b, 'ru')));
  });

  test('приказ повторяет приложение приказа 04/335: гриф, заголовок, шапка таблицы, строки из F7', () => {
    expect(made.order?.fileBase).toBe('Приказ');
    const planned = docxParagraphs(made.order!.bytes).map(fold);
    const seed = docxParagraphs(
      renderDocument(preparedTemplate('order'), jobFor(dataset, 'order', 'o04-335').data, 'o04-335').ok
        ? (renderDocument(preparedTemplate('order'), jobFor(dataset, 'order', 'o04-335').data, 'o04-335') as { bytes: Uint8Array }).bytes
        : new Uint8Array(),
    ).map(fold);
    const appendix = (doc: string[]) => doc.slice(doc.indexOf('УТВЕРЖДЕНО'));
    const head = (doc: string[]) => appendix(doc).slice(0, appendix(doc).indexOf('1'));
    expect(head(planned)).toEqual(
      head(seed).map((p) => p.replace('от 08.02.2024 № 04/335', 'от __.__.____ № ______').replace('в 2024 году', 'в 2025 году')),
    );
    expect(head(planned)[1]).toBe('приказом Министерства образования и науки Челябинской области');
    // Five cells a row (№, municipality, school, curator, leader), rows as many as ШНОР, numbered on.
    const rows = appendix(planned).slice(head(planned).length);
    expect(rows.slice(0, 5 * 202).filter((_, i) => i % 5 === 0)).toEqual(Array.from({ length: 202 }, (_, i) => String(i + 1)));
    const index = indexDataset(dataset);
    const first = made.plan.pairs
      .map((p) => ({ p, m: index.municipalities.get(p.municipalityId)!.name, s: index.schools.get(p.schoolId)!.name }))
      .sort((a, b) => a.m.localeCompare(b.m, 'ru') || a.s.localeCompare(b.s, 'ru'))[0]!;
    // Names from the data are typeset in documents (МБОУ "СОШ" → МБОУ «СОШ»).
    expect(rows.slice(1, 3)).toEqual([fold(typeset(first.m)), fold(typeset(first.s))]);
    expect(rows[4]).toBe(fold(typeset(index.schools.get(first.p.leaderSchoolId!)!.name)));
  });
});
