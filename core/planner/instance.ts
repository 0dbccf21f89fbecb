import { makeIssue, type Issue } from '../issues';
import type { Dataset } from '../model/schemas';
import type { FixedPair, PlanCurator, PlanInstance, PlanLeader, PlanOptions, PlanSchool } from './types';

/** A curator without «Лимит ШНОР» takes at most this many (or the F7 form's cap, if smaller). */
export const DEFAULT_CURATOR_CAP = 12;
/** A leader school without «Лимит ШНОР» supports at most this many ШНОР. */
export const DEFAULT_LEADER_CAP = 3;

const RISK_LISTS = ['ШНОР', 'НСУ', 'необъективность ВПР'] as const;

const codes = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/[,;\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);

/** Splits a «Соседи» cell and a curator's «Муниципалитеты» cell into known codes; unknown ones are reported. */
function knownCodes(text: string | undefined, known: ReadonlySet<string>, record: string, sheet: string, field: string, issues: Issue[]): string[] {
  const out: string[] = [];
  for (const code of codes(text)) {
    if (known.has(code)) out.push(code);
    else issues.push(makeIssue('PLAN_UNKNOWN_MUNICIPALITY', { kind: 'record', sheet, record, field }, { code }, 'warning'));
  }
  return out;
}

/**
 * The planner's problem from the data workbook: the year's ШНОР, the curators (people with the
 * role «куратор», or last year's curators when nobody has it), eligible leader schools, neighbours,
 * last year's pairs and the fixed ones. What cannot be used is reported, never thrown.
 */
export function buildInstance(dataset: Dataset, options: PlanOptions): { instance: PlanInstance; issues: Issue[] } {
  const { year } = options;
  const issues: Issue[] = [];
  const municipalityIds = dataset.municipalities.map((m) => m.id);
  const known = new Set(municipalityIds);
  const schoolById = new Map(dataset.schools.map((s) => [s.id, s]));
  const schoolName = (id: string) => schoolById.get(id)?.name ?? id;
  const onList = (list: string) => new Set(dataset.schoolLists.filter((e) => e.year === year && e.list === list).map((e) => e.schoolId));

  const neighbours = new Map<string, Set<string>>(municipalityIds.map((id) => [id, new Set<string>()]));
  for (const m of dataset.municipalities) {
    for (const n of knownCodes(m.neighbours, known, m.id, 'Муниципалитеты', 'Соседи (коды)', issues)) {
      if (n === m.id) continue;
      neighbours.get(m.id)?.add(n);
      neighbours.get(n)?.add(m.id);
    }
  }

  const cap = (own: number | undefined) => Math.min(own ?? DEFAULT_CURATOR_CAP, options.formCuratorCap ?? Number.POSITIVE_INFINITY);
  const lastYear = dataset.distribution.filter((d) => d.year === year - 1);
  let curators: PlanCurator[] = dataset.people
    .filter((p) => /куратор/i.test(p.role ?? ''))
    .map((p) => {
      const covers = knownCodes(p.covers, known, p.id, 'Люди', 'Муниципалитеты куратора (коды)', issues);
      return { id: p.id, cap: cap(p.curatorCap), ...(covers.length > 0 ? { covers: new Set(covers) } : {}) };
    });
  if (curators.length === 0) {
    const ids = [...new Set(lastYear.map((d) => d.curatorId))].filter((id) => dataset.people.some((p) => p.id === id));
    curators = ids.map((id) => ({ id, cap: cap(undefined) }));
    if (ids.length > 0)
      issues.push(makeIssue('PLAN_CURATORS_FROM_LAST_YEAR', { kind: 'sheet', sheet: 'Люди' }, { count: ids.length, year: year - 1 }, 'warning'));
  }

  const shnorIds = onList('ШНОР');
  const risky = new Map<string, string>();
  for (const list of RISK_LISTS) for (const id of onList(list)) if (!risky.has(id)) risky.set(id, list);
  const leaders: PlanLeader[] = [];
  for (const entry of dataset.schoolLists) {
    if (entry.year !== year || entry.list !== 'школа-лидер') continue;
    const school = schoolById.get(entry.schoolId);
    if (!school) continue;
    const list = risky.get(entry.schoolId);
    if (list) {
      issues.push(
        makeIssue('PLAN_LEADER_AT_RISK', { kind: 'record', sheet: 'Списки школ', record: entry.schoolId }, { school: school.name, list }, 'warning'),
      );
      continue;
    }
    leaders.push({ id: school.id, municipalityId: school.municipalityId, cap: entry.cap ?? DEFAULT_LEADER_CAP });
  }

  const last = new Map(lastYear.map((d) => [d.schoolId, d]));
  const curatorIds = new Set(curators.map((c) => c.id));
  const leaderIds = new Set(leaders.map((l) => l.id));
  const schools: PlanSchool[] = dataset.schools
    .filter((s) => shnorIds.has(s.id))
    .map((s) => {
      const before = last.get(s.id);
      return {
        id: s.id,
        municipalityId: s.municipalityId,
        ...(before && curatorIds.has(before.curatorId) ? { lastCuratorId: before.curatorId } : {}),
        ...(before?.leaderSchoolId && leaderIds.has(before.leaderSchoolId) ? { lastLeaderId: before.leaderSchoolId } : {}),
      };
    });

  const fixed: FixedPair[] = [
    ...dataset.distribution
      .filter((d) => d.year === year && d.fixed === 'да')
      .map((d) => ({
        schoolId: d.schoolId,
        curatorId: d.curatorId,
        ...(d.leaderSchoolId ? { leaderSchoolId: d.leaderSchoolId } : {}),
        location: { kind: 'record' as const, sheet: 'Распределение', record: `${d.year} ${d.schoolId}` },
      })),
    ...(options.fixed ?? []),
  ];
  const bySchool = new Map(schools.map((s) => [s.id, s]));
  const seen = new Set<string>();
  for (const pair of fixed) {
    const school = bySchool.get(pair.schoolId);
    if (!school) {
      issues.push(makeIssue('PLAN_FIXED_NOT_SHNOR', pair.location, { school: schoolName(pair.schoolId), year }, 'warning'));
      continue;
    }
    if (seen.has(pair.schoolId)) {
      const same = school.fixedCuratorId === pair.curatorId && school.fixedLeaderId === pair.leaderSchoolId;
      if (!same) issues.push(makeIssue('PLAN_FIXED_TWICE', pair.location, { school: schoolName(pair.schoolId) }, 'warning'));
      continue;
    }
    seen.add(pair.schoolId);
    if (pair.curatorId) {
      school.fixedCuratorId = pair.curatorId;
      if (!curatorIds.has(pair.curatorId)) {
        curatorIds.add(pair.curatorId);
        curators.push({ id: pair.curatorId, cap: 0, fixedOnly: true });
      }
    }
    if (pair.leaderSchoolId) {
      if (leaderIds.has(pair.leaderSchoolId) && pair.leaderSchoolId !== pair.schoolId) school.fixedLeaderId = pair.leaderSchoolId;
      else
        issues.push(
          makeIssue(
            'PLAN_FIXED_LEADER_INVALID',
            pair.location,
            { school: schoolName(pair.schoolId), leader: schoolName(pair.leaderSchoolId) },
            'warning',
          ),
        );
    }
  }

  const municipalityName = new Map(dataset.municipalities.map((m) => [m.id, m.name]));
  const person = new Map(dataset.people.map((p) => [p.id, `${p.lastName} ${p.firstName}${p.middleName ? ` ${p.middleName}` : ''}`]));
  const names = { school: schoolName, municipality: (id: string) => municipalityName.get(id) ?? id, person: (id: string) => person.get(id) ?? id };
  const instance: PlanInstance = {
    year,
    keepLastYear: Boolean(options.keepLastYear),
    schools,
    curators,
    leaders,
    neighbours,
    municipalityIds,
    names,
  };
  if (schools.length === 0) issues.push(makeIssue('PLAN_NO_SHNOR', { kind: 'sheet', sheet: 'Списки школ' }, { year }));
  if (curators.length === 0) issues.push(makeIssue('PLAN_NO_CURATORS', { kind: 'sheet', sheet: 'Люди' }, {}));
  return { instance, issues };
}
