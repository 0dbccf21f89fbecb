import ExcelJS from 'exceljs';
import { buildBlankForm } from '../forms/blank-form';
import type { FormDefinition } from '../forms/definition';
import { fieldColumn } from '../forms/locate';
import { buildReferenceData } from '../forms/reference-data';
import { workbookBytes } from '../forms/workbook-stamp';
import { fullName } from '../format/names';
import { messageFor } from '../messages';
import type { Dataset } from '../model/schemas';
import { summaryLines } from './summary';
import type { Plan } from './types';

export const EXPLANATIONS_SHEET = 'Пояснения';
export const SUMMARY_SHEET = 'Итоги распределения';
/** F7's field ids: the planner writes by them, so moved or renamed columns still fill. */
const F7_FIELDS = { no: 'no', municipality: 'municipality', school: 'school', curator: 'curator', leader: 'leader', year: 'year' } as const;
const HEADER_ROW = 3;
const BOLD: Partial<ExcelJS.Font> = { bold: true };

/** One row of the F7 as a person reads it: names where the name alone finds the record, else the code. */
export interface F7Row {
  municipalityId: string;
  schoolId: string;
  curatorId?: string;
  leaderSchoolId?: string;
  municipality: string;
  school: string;
  curator: string;
  leader: string;
  leaderMunicipality: string;
  curatorWhy: string;
  leaderWhy: string;
}

/** The plan's rows in the order the order's appendix prints them: by municipality, then school. */
export function planRows(plan: Plan, dataset: Dataset): F7Row[] {
  const reference = buildReferenceData(dataset);
  const schools = new Map(dataset.schools.map((s) => [s.id, s]));
  const municipalities = new Map(dataset.municipalities.map((m) => [m.id, m]));
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const schoolText = (id: string) => {
    const n = schools.get(id)?.name;
    return n && reference.schoolId(n) === id ? n : id;
  };
  const muniText = (id: string) => {
    const n = municipalities.get(id)?.name;
    return n && reference.municipalityId(n) === id ? n : id;
  };
  const personText = (id: string) => {
    const p = people.get(id);
    const n = p ? fullName(p) : undefined;
    return n && reference.personId(n) === id ? n : id;
  };
  const rows = plan.pairs.map((p): F7Row => {
    const leaderMunicipality = p.leaderSchoolId ? (schools.get(p.leaderSchoolId)?.municipalityId ?? '') : '';
    const others = new Set(plan.pairs.filter((q) => q.municipalityId === p.municipalityId && q.curatorId).map((q) => q.curatorId)).size - 1;
    return {
      municipalityId: p.municipalityId,
      schoolId: p.schoolId,
      ...(p.curatorId ? { curatorId: p.curatorId } : {}),
      ...(p.leaderSchoolId ? { leaderSchoolId: p.leaderSchoolId } : {}),
      municipality: muniText(p.municipalityId),
      school: schoolText(p.schoolId),
      curator: p.curatorId ? personText(p.curatorId) : '',
      leader: p.leaderSchoolId ? schoolText(p.leaderSchoolId) : '',
      leaderMunicipality: leaderMunicipality ? (municipalities.get(leaderMunicipality)?.name ?? leaderMunicipality) : '',
      curatorWhy: messageFor('PLAN_REASON_CURATOR', {
        reason: p.curatorReason,
        municipality: municipalities.get(p.municipalityId)?.name ?? p.municipalityId,
        others,
      }),
      leaderWhy: messageFor('PLAN_REASON_LEADER', {
        reason: p.leaderReason,
        municipality: municipalities.get(leaderMunicipality)?.name ?? leaderMunicipality,
      }),
    };
  });
  const name = (r: F7Row) => [municipalities.get(r.municipalityId)?.name ?? '', schools.get(r.schoolId)?.name ?? ''] as const;
  return rows.sort((a, b) => name(a)[0].localeCompare(name(b)[0], 'ru') || name(a)[1].localeCompare(name(b)[1], 'ru'));
}

function columnOf(ws: ExcelJS.Worksheet, header: string): number | undefined {
  const row = ws.getRow(HEADER_ROW);
  for (let c = 1; c <= row.cellCount; c++) if (String(row.getCell(c).value ?? '').trim() === header) return c;
  return undefined;
}

/**
 * The plan as a filled F7: the blank form of the definition, filled by field id (so the same
 * checks as a hand-filled F7 apply), plus «Пояснения» (why each pair) and «Итоги распределения».
 */
export async function writePlanWorkbook(def: FormDefinition, plan: Plan, dataset: Dataset): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildBlankForm(def, { year: plan.year })) as unknown as ArrayBuffer);
  const rows = planRows(plan, dataset);
  const fields = new Map(def.fields.map((f) => [f.id, f]));
  const tableField = fields.get(F7_FIELDS.school);
  const layout = def.layouts.find((l) => l.id === tableField?.layout);
  const ws = layout ? wb.getWorksheet(layout.sheet) : undefined;
  if (layout && ws) {
    const cols = new Map<string, number>();
    for (const id of Object.values(F7_FIELDS)) {
      const f = fields.get(id);
      const col = f && f.layout === layout.id ? columnOf(ws, fieldColumn(layout, f)) : undefined;
      if (col) cols.set(id, col);
    }
    rows.forEach((r, i) => {
      const row = ws.getRow(HEADER_ROW + 1 + i);
      const put = (id: string, value: string) => {
        const c = cols.get(id);
        if (c && value) row.getCell(c).value = value;
      };
      put(F7_FIELDS.no, String(i + 1));
      put(F7_FIELDS.municipality, r.municipality);
      put(F7_FIELDS.school, r.school);
      put(F7_FIELDS.curator, r.curator);
      put(F7_FIELDS.leader, r.leader);
    });
  }
  explanationsSheet(wb.addWorksheet(EXPLANATIONS_SHEET), rows);
  summarySheet(wb.addWorksheet(SUMMARY_SHEET), plan, dataset);
  return workbookBytes(wb);
}

function explanationsSheet(ws: ExcelJS.Worksheet, rows: readonly F7Row[]): void {
  const headers = [
    '№ п/п',
    'Муниципалитет',
    'Школа (ШНОР)',
    'Куратор',
    'Почему этот куратор',
    'Школа-лидер',
    'Муниципалитет школы-лидера',
    'Почему эта школа-лидер',
  ];
  ws.addRow(headers).font = BOLD;
  rows.forEach((r, i) => ws.addRow([String(i + 1), r.municipality, r.school, r.curator, r.curatorWhy, r.leader, r.leaderMunicipality, r.leaderWhy]));
  ws.columns = [6, 28, 40, 30, 40, 40, 28, 40].map((width) => ({ width }));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function summarySheet(ws: ExcelJS.Worksheet, plan: Plan, dataset: Dataset): void {
  const people = new Map(dataset.people.map((p) => [p.id, fullName(p)]));
  const schools = new Map(dataset.schools.map((s) => [s.id, s]));
  const municipalities = new Map(dataset.municipalities.map((m) => [m.id, m.name]));
  // Schools of different municipalities share names («МАОУ "СОШ № 24"»): each is shown with its municipality.
  const schoolCells = (id: string): [string, string] => {
    const school = schools.get(id);
    return [school?.name ?? id, school ? (municipalities.get(school.municipalityId) ?? school.municipalityId) : ''];
  };
  const byMunicipality = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], 'ru') || a[0].localeCompare(b[0], 'ru');
  for (const line of summaryLines(plan)) ws.addRow([line]);
  ws.addRow([]);
  ws.addRow(['Куратор', 'ШНОР', 'Лимит', 'Муниципалитетов']).font = BOLD;
  for (const c of plan.summary.curatorLoads) ws.addRow([people.get(c.id) ?? c.id, c.load, c.cap, c.municipalities]);
  ws.addRow([]);
  ws.addRow(['Школа-лидер', 'ШНОР', 'Лимит', 'Муниципалитет']).font = BOLD;
  const leaders = plan.summary.leaderLoads.map((l) => ({ cells: schoolCells(l.id), load: l.load, cap: l.cap }));
  leaders.sort((a, b) => byMunicipality(a.cells, b.cells));
  for (const l of leaders) ws.addRow([l.cells[0], l.load, l.cap, l.cells[1]]);
  const unassigned = (title: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    ws.addRow([]);
    ws.addRow([title, '', '', 'Муниципалитет']).font = BOLD;
    for (const cells of ids.map(schoolCells).sort(byMunicipality)) ws.addRow([cells[0], '', '', cells[1]]);
  };
  unassigned('Без куратора', plan.summary.unassignedCurator);
  unassigned('Без школы-лидера', plan.summary.unassignedLeader);
  ws.getColumn(1).width = 60;
  ws.getColumn(4).width = 30;
}
