import { makeIssue, type Issue } from '../issues';
import type { Dataset } from '../model/schemas';
import { countBy, solveCurators } from './curators';
import { buildInstance } from './instance';
import { rings, solveLeaders } from './leaders';
import type { LpSolver, Plan, PlannedPair, PlanInstance, PlanOptions, PlanSummary } from './types';

/**
 * Seconds HiGHS may spend on the curators' MIP (the leader problem is an LP and takes milliseconds).
 * The one-curator-per-municipality model of a region like the sample (200 ШНОР, 20 curators) is
 * proved optimal in a few seconds; on a busy computer the best plan found by the limit is used and
 * the run records the gap to the LP bound.
 */
const DEFAULT_TIME_LIMIT = 10;

/**
 * Proposes the year's distribution: every ШНОР one curator and, where possible, one leader school,
 * under caps, with fixed pairs kept. Two independent problems (curators; leader schools) solved by
 * the given solver. A shortage gives the best partial plan plus the exact reason, never a throw.
 */
export function planDistribution(dataset: Dataset, options: PlanOptions, solver: LpSolver): Plan {
  const built = buildInstance(dataset, options);
  return solveInstance(built.instance, solver, options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT, built.issues);
}

export function solveInstance(instance: PlanInstance, solver: LpSolver, timeLimit = DEFAULT_TIME_LIMIT, known: Issue[] = []): Plan {
  const issues = [...known];
  const names = instance.names ?? { school: (id: string) => id, municipality: (id: string) => id, person: (id: string) => id };
  const pairs = new Map<string, PlannedPair>(
    instance.schools.map((s) => [
      s.id,
      {
        schoolId: s.id,
        municipalityId: s.municipalityId,
        curatorReason: 'none',
        leaderReason: 'none',
        ...(s.fixedCuratorId ? { curatorId: s.fixedCuratorId, curatorReason: 'fixed' as const } : {}),
        ...(s.fixedLeaderId ? { leaderSchoolId: s.fixedLeaderId, leaderReason: 'fixed' as const } : {}),
      },
    ]),
  );
  const plan: Plan = { year: instance.year, pairs: [...pairs.values()], summary: summarise(instance, []), runs: {}, issues };
  if (instance.schools.length === 0 || instance.curators.length === 0) return plan;

  const fixedLoad = countBy(
    instance.schools.filter((s) => s.fixedCuratorId),
    (s) => s.fixedCuratorId!,
  );
  for (const c of instance.curators) {
    const load = fixedLoad.get(c.id) ?? 0;
    if (!c.fixedOnly && load > c.cap)
      issues.push(
        makeIssue('PLAN_FIXED_OVER_CAP', { kind: 'record', sheet: 'Люди', record: c.id }, { who: names.person(c.id), load, cap: c.cap }, 'warning'),
      );
  }

  const curators = solveCurators(instance, solver, timeLimit);
  plan.runs.curators = curators.run;
  if (!curators.solved) issues.push(makeIssue('PLAN_SOLVER_FAILED', { kind: 'sheet', sheet: 'Распределение' }, { status: curators.run.status }));
  const bySchoolMunicipality = groupFree(instance, (s) => !s.fixedCuratorId);
  for (const [curatorId, row] of curators.take) {
    for (const [m, { fresh, kept }] of row) {
      const pool = bySchoolMunicipality.get(m) ?? [];
      takeSchools(
        pool,
        fresh + kept,
        (s) => s.lastCuratorId === curatorId,
        (s) => {
          const pair = pairs.get(s.id)!;
          pair.curatorId = curatorId;
        },
      );
    }
  }
  const curatorsIn = new Map<string, Set<string>>();
  for (const p of pairs.values())
    if (p.curatorId) curatorsIn.set(p.municipalityId, new Set([...(curatorsIn.get(p.municipalityId) ?? []), p.curatorId]));
  for (const s of instance.schools) {
    const pair = pairs.get(s.id)!;
    if (!pair.curatorId || pair.curatorReason === 'fixed') continue;
    const count = curatorsIn.get(s.municipalityId)?.size ?? 1;
    pair.curatorReason = pair.curatorId === s.lastCuratorId ? 'kept' : count === 1 ? 'only' : 'shared';
  }
  const need = instance.schools.length;
  const have = instance.curators.reduce((sum, c) => sum + (c.fixedOnly ? (fixedLoad.get(c.id) ?? 0) : c.cap), 0);
  if (curators.missing.size > 0 && need > have) {
    issues.push(makeIssue('PLAN_CURATORS_SHORT', { kind: 'sheet', sheet: 'Люди' }, { need, have }));
  } else {
    for (const [m, count] of curators.missing) {
      issues.push(
        makeIssue(
          'PLAN_MUNICIPALITY_UNCOVERED',
          { kind: 'record', sheet: 'Муниципалитеты', record: m },
          { municipality: names.municipality(m), count },
        ),
      );
    }
  }

  const leaders = solveLeaders(instance, solver, timeLimit);
  plan.runs.leaders = leaders.run;
  if (!leaders.solved) issues.push(makeIssue('PLAN_SOLVER_FAILED', { kind: 'sheet', sheet: 'Распределение' }, { status: leaders.run.status }));
  const leaderPool = groupFree(instance, (s) => !s.fixedLeaderId);
  const distance = rings(instance);
  const leaderMunicipality = new Map(instance.leaders.map((l) => [l.id, l.municipalityId]));
  for (const [m, row] of leaders.take) {
    for (const [leaderId, { fresh, kept }] of row) {
      takeSchools(
        leaderPool.get(m) ?? [],
        fresh + kept,
        (s) => s.lastLeaderId === leaderId,
        (s) => {
          const pair = pairs.get(s.id)!;
          pair.leaderSchoolId = leaderId;
          const ring = distance.get(m)?.get(leaderMunicipality.get(leaderId) ?? '');
          pair.leaderReason = s.lastLeaderId === leaderId ? 'kept' : ring === 0 ? 'same' : ring === 1 ? 'neighbour' : 'nearest';
        },
      );
    }
  }
  const leaderNeed = instance.schools.length;
  const leaderHave = instance.leaders.reduce((sum, l) => sum + l.cap, 0);
  if (leaderHave < leaderNeed)
    issues.push(makeIssue('PLAN_LEADERS_SHORT', { kind: 'sheet', sheet: 'Списки школ' }, { need: leaderNeed, have: leaderHave }, 'warning'));

  plan.pairs = [...pairs.values()];
  for (const p of plan.pairs) {
    if (!p.leaderSchoolId && leaders.solved)
      issues.push(
        makeIssue('PLAN_NO_LEADER', { kind: 'record', sheet: 'Школы', record: p.schoolId }, { school: names.school(p.schoolId) }, 'warning'),
      );
  }
  plan.summary = summarise(instance, plan.pairs);
  return plan;
}

/** Free ШНОР by municipality, in code order (the order assignments are made in). */
function groupFree(instance: PlanInstance, isFree: (s: PlanInstance['schools'][number]) => boolean): Map<string, PlanInstance['schools']> {
  const out = new Map<string, PlanInstance['schools']>();
  for (const s of [...instance.schools].sort((a, b) => a.id.localeCompare(b.id))) {
    if (isFree(s)) out.set(s.municipalityId, [...(out.get(s.municipalityId) ?? []), s]);
  }
  return out;
}

/** Takes `count` schools out of `pool`, those `preferred` first (last year's pairs stay together). */
function takeSchools(
  pool: PlanInstance['schools'],
  count: number,
  preferred: (s: PlanInstance['schools'][number]) => boolean,
  assign: (s: PlanInstance['schools'][number]) => void,
): void {
  let left = count;
  for (const pass of [true, false]) {
    for (let i = 0; i < pool.length && left > 0;) {
      const s = pool[i]!;
      if (!pass || preferred(s)) {
        assign(s);
        pool.splice(i, 1);
        left -= 1;
      } else i += 1;
    }
  }
}

export function summarise(instance: PlanInstance, pairs: readonly PlannedPair[]): PlanSummary {
  const school = new Map(instance.schools.map((s) => [s.id, s]));
  const curatorLoad = countBy(
    pairs.filter((p) => p.curatorId),
    (p) => p.curatorId!,
  );
  const leaderLoad = countBy(
    pairs.filter((p) => p.leaderSchoolId),
    (p) => p.leaderSchoolId!,
  );
  const leaderMunicipality = new Map(instance.leaders.map((l) => [l.id, l.municipalityId]));
  const municipalitiesOf = new Map<string, Set<string>>();
  const curatorsOf = new Map<string, Set<string>>();
  for (const p of pairs) {
    if (!p.curatorId) continue;
    municipalitiesOf.set(p.curatorId, new Set([...(municipalitiesOf.get(p.curatorId) ?? []), p.municipalityId]));
    curatorsOf.set(p.municipalityId, new Set([...(curatorsOf.get(p.municipalityId) ?? []), p.curatorId]));
  }
  return {
    shnor: instance.schools.length,
    withCurator: pairs.filter((p) => p.curatorId).length,
    withLeader: pairs.filter((p) => p.leaderSchoolId).length,
    keptCurators: pairs.filter((p) => p.curatorId && p.curatorId === school.get(p.schoolId)?.lastCuratorId).length,
    keptLeaders: pairs.filter((p) => p.leaderSchoolId && p.leaderSchoolId === school.get(p.schoolId)?.lastLeaderId).length,
    crossMunicipality: pairs.filter((p) => p.leaderSchoolId && leaderMunicipality.get(p.leaderSchoolId) !== p.municipalityId).length,
    curatorLoads: instance.curators.map((c) => ({
      id: c.id,
      load: curatorLoad.get(c.id) ?? 0,
      cap: c.cap,
      municipalities: municipalitiesOf.get(c.id)?.size ?? 0,
    })),
    leaderLoads: instance.leaders.map((l) => ({ id: l.id, load: leaderLoad.get(l.id) ?? 0, cap: l.cap })),
    sharedMunicipalities: [...curatorsOf.values()].filter((s) => s.size > 1).length,
    unassignedCurator: pairs.filter((p) => !p.curatorId).map((p) => p.schoolId),
    unassignedLeader: pairs.filter((p) => !p.leaderSchoolId).map((p) => p.schoolId),
  };
}
