import loadHighs from 'highs';
import { solveInstance } from '../../../core/planner/plan';
import type { LpSolver, PlanInstance } from '../../../core/planner/types';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighs();
});

/** a — b — c in a row; d alone. */
function instance(over: Partial<PlanInstance>): PlanInstance {
  return {
    year: 2025,
    keepLastYear: false,
    municipalityIds: ['a', 'b', 'c', 'd'],
    neighbours: new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a', 'c'])],
      ['c', new Set(['b'])],
      ['d', new Set()],
    ]),
    schools: [],
    curators: [],
    leaders: [],
    ...over,
  };
}

const assignment = (plan: ReturnType<typeof solveInstance>) =>
  Object.fromEntries(plan.pairs.map((p) => [p.schoolId, `${p.curatorId ?? '-'}/${p.leaderSchoolId ?? '-'}`]));

describe('планировщик на малых примерах с известным оптимумом', () => {
  test('один куратор на муниципалитет, школа-лидер своего муниципалитета, затем соседнего', () => {
    const plan = solveInstance(
      instance({
        schools: [
          { id: 'a1', municipalityId: 'a' },
          { id: 'a2', municipalityId: 'a' },
          { id: 'b1', municipalityId: 'b' },
          { id: 'b2', municipalityId: 'b' },
          { id: 'c1', municipalityId: 'c' },
        ],
        curators: [
          { id: 'X', cap: 2 },
          { id: 'Y', cap: 3, covers: new Set(['b', 'c']) },
        ],
        leaders: [
          { id: 'LA', municipalityId: 'a', cap: 4 },
          { id: 'LB', municipalityId: 'b', cap: 1 },
        ],
      }),
      solver,
    );
    // X takes a (Y may not) and is then full, Y takes b and c: three curator–municipality pairs,
    // loads 2 and 3. (With X's cap 3, X taking a and c was an equal optimum: a tie the solver broke
    // either way.)
    // Leaders: a1, a2 → LA (0). Then b1, b2 → LA (neighbour, 20 each) and c1 → LB (neighbour, 20)
    // costs 60, less than b → LB (0) + b → LA (20) + c1 → LA (two steps, 45) = 65.
    expect(assignment(plan)).toEqual({ a1: 'X/LA', a2: 'X/LA', b1: 'Y/LA', b2: 'Y/LA', c1: 'Y/LB' });
    expect(plan.pairs.find((p) => p.schoolId === 'a1')?.leaderReason).toBe('same');
    expect(plan.pairs.find((p) => p.schoolId === 'c1')?.leaderReason).toBe('neighbour');
    expect(plan.pairs.find((p) => p.schoolId === 'a1')?.curatorReason).toBe('only');
    expect(plan.summary).toMatchObject({ shnor: 5, withCurator: 5, withLeader: 5, crossMunicipality: 3, sharedMunicipalities: 0 });
    expect(plan.issues).toEqual([]);
    expect(plan.runs.curators?.status).toBe('Optimal');
  });

  test('пары прошлого года сохраняются, если это не ломает остальное', () => {
    const plan = solveInstance(
      instance({
        keepLastYear: true,
        schools: [
          { id: 'a1', municipalityId: 'a', lastCuratorId: 'Y', lastLeaderId: 'LA2' },
          { id: 'a2', municipalityId: 'a', lastCuratorId: 'Y', lastLeaderId: 'LA2' },
        ],
        curators: [
          { id: 'X', cap: 5 },
          { id: 'Y', cap: 5 },
        ],
        leaders: [
          { id: 'LA1', municipalityId: 'a', cap: 5 },
          { id: 'LA2', municipalityId: 'a', cap: 5 },
        ],
      }),
      solver,
    );
    expect(assignment(plan)).toEqual({ a1: 'Y/LA2', a2: 'Y/LA2' });
    expect(plan.summary).toMatchObject({ keptCurators: 2, keptLeaders: 2 });
    expect(plan.pairs.every((p) => p.curatorReason === 'kept' && p.leaderReason === 'kept')).toBe(true);
  });

  test('закреплённые пары остаются, даже если без них было бы дешевле', () => {
    const plan = solveInstance(
      instance({
        schools: [
          { id: 'a1', municipalityId: 'a', fixedCuratorId: 'Y', fixedLeaderId: 'LB' },
          { id: 'a2', municipalityId: 'a' },
          { id: 'a3', municipalityId: 'a' },
        ],
        curators: [
          { id: 'X', cap: 1 },
          { id: 'Y', cap: 2 },
        ],
        leaders: [
          { id: 'LA', municipalityId: 'a', cap: 1 },
          { id: 'LB', municipalityId: 'b', cap: 2 },
        ],
      }),
      solver,
    );
    // Y keeps a1 (fixed) and has room for one more, X for one: each takes one, a2 going to the
    // first curator in order, X. LA (cap 1) takes a2, the first by code; a3 goes to LB, the neighbour.
    expect(assignment(plan)).toEqual({ a1: 'Y/LB', a2: 'X/LA', a3: 'Y/LB' });
    expect(plan.pairs[0]).toMatchObject({ curatorReason: 'fixed', leaderReason: 'fixed' });
  });

  test('мест у кураторов не хватает: точная причина и лучший частичный план', () => {
    const plan = solveInstance(
      instance({
        schools: [
          { id: 'a1', municipalityId: 'a' },
          { id: 'a2', municipalityId: 'a' },
          { id: 'b1', municipalityId: 'b' },
          { id: 'd1', municipalityId: 'd' },
        ],
        curators: [
          { id: 'X', cap: 2 },
          { id: 'Y', cap: 1 },
        ],
        leaders: [{ id: 'LD', municipalityId: 'd', cap: 1 }],
      }),
      solver,
    );
    const short = plan.issues.find((i) => i.code === 'PLAN_CURATORS_SHORT');
    expect(short?.severity).toBe('error');
    expect(short?.message).toBe('не хватает мест у кураторов: нужно 4, есть 3 — добавьте кураторов или поднимите лимит.');
    expect(plan.summary.withCurator).toBe(3);
    expect(plan.summary.unassignedCurator).toHaveLength(1);
    // Leaders: only d has one, and d has no neighbours: a and b stay without a leader school.
    expect(plan.summary.unassignedLeader).toEqual(['a1', 'a2', 'b1']);
    expect(plan.issues.filter((i) => i.code === 'PLAN_NO_LEADER')).toHaveLength(3);
  });

  test('школа-лидер через один муниципалитет — «ближайшая свободная»; дальше не ищется', () => {
    const plan = solveInstance(
      instance({
        schools: [
          { id: 'c1', municipalityId: 'c' },
          { id: 'd1', municipalityId: 'd' },
        ],
        curators: [{ id: 'X', cap: 5 }],
        leaders: [{ id: 'LA', municipalityId: 'a', cap: 5 }],
      }),
      solver,
    );
    expect(assignment(plan)).toEqual({ c1: 'X/LA', d1: 'X/-' });
    expect(plan.pairs[0]?.leaderReason).toBe('nearest');
    expect(plan.summary.sharedMunicipalities).toBe(0);
  });

  test('мест в целом хватает, но муниципалитет никому не разрешён', () => {
    const plan = solveInstance(
      instance({
        schools: [
          { id: 'a1', municipalityId: 'a' },
          { id: 'c1', municipalityId: 'c' },
        ],
        curators: [{ id: 'X', cap: 5, covers: new Set(['a']) }],
      }),
      solver,
    );
    expect(assignment(plan)).toEqual({ a1: 'X/-', c1: '-/-' });
    expect(plan.issues.map((i) => i.code)).toContain('PLAN_MUNICIPALITY_UNCOVERED');
    expect(plan.issues.map((i) => i.code)).not.toContain('PLAN_CURATORS_SHORT');
  });
});
