import fc from 'fast-check';
import loadHighs from 'highs';
import { planCost } from '../../../core/planner/cost';
import { rings } from '../../../core/planner/leaders';
import { solveInstance } from '../../../core/planner/plan';
import type { LpSolver, PlanInstance, PlannedPair } from '../../../core/planner/types';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadHighs();
});

/** Random small instances: 2–5 municipalities, up to 12 ШНОР, 1–4 curators, up to 4 leader schools. */
const instances = fc
  .record({
    municipalities: fc.integer({ min: 2, max: 5 }),
    edges: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 6 }),
    schools: fc.array(fc.record({ m: fc.nat(4), last: fc.nat(5), lastLeader: fc.nat(5), fix: fc.nat(9) }), { minLength: 1, maxLength: 12 }),
    curators: fc.array(
      fc.record({ cap: fc.integer({ min: 0, max: 6 }), covers: fc.option(fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 })) }),
      { minLength: 1, maxLength: 4 },
    ),
    leaders: fc.array(fc.record({ m: fc.nat(4), cap: fc.integer({ min: 0, max: 4 }) }), { maxLength: 4 }),
    keep: fc.boolean(),
  })
  .map((r): PlanInstance => {
    const ids = Array.from({ length: r.municipalities }, (_, i) => `m${i}`);
    const muni = (n: number) => ids[n % ids.length]!;
    const neighbours = new Map(ids.map((id) => [id, new Set<string>()]));
    for (const [a, b] of r.edges)
      if (muni(a) !== muni(b)) {
        neighbours.get(muni(a))!.add(muni(b));
        neighbours.get(muni(b))!.add(muni(a));
      }
    const curators = r.curators.map((c, i) => ({ id: `c${i}`, cap: c.cap, ...(c.covers ? { covers: new Set(c.covers.map(muni)) } : {}) }));
    const leaders = r.leaders.map((l, i) => ({ id: `L${i}`, municipalityId: muni(l.m), cap: l.cap }));
    const schools = r.schools.map((s, i) => ({
      id: `s${String(i).padStart(2, '0')}`,
      municipalityId: muni(s.m),
      ...(s.last < curators.length ? { lastCuratorId: curators[s.last]!.id } : {}),
      ...(s.lastLeader < leaders.length ? { lastLeaderId: leaders[s.lastLeader]!.id } : {}),
      ...(s.fix === 0 ? { fixedCuratorId: curators[0]!.id } : {}),
      ...(s.fix === 1 && leaders.length > 0 ? { fixedLeaderId: leaders[0]!.id } : {}),
    }));
    return { year: 2025, keepLastYear: r.keep, municipalityIds: ids, neighbours, schools, curators, leaders };
  });

/** The obvious hand method: school by school, a curator already in the municipality, else the freest; the nearest free leader. */
function greedy(instance: PlanInstance): PlannedPair[] {
  const load = new Map<string, number>();
  const distance = rings(instance);
  for (const s of instance.schools) {
    if (s.fixedCuratorId) load.set(s.fixedCuratorId, (load.get(s.fixedCuratorId) ?? 0) + 1);
    if (s.fixedLeaderId) load.set(s.fixedLeaderId, (load.get(s.fixedLeaderId) ?? 0) + 1);
  }
  const room = (id: string, cap: number) => cap - (load.get(id) ?? 0);
  const serving = new Map<string, Set<string>>();
  return instance.schools.map((s) => {
    let curatorId = s.fixedCuratorId;
    if (!curatorId) {
      const open = instance.curators.filter((c) => room(c.id, c.cap) > 0 && (!c.covers || c.covers.has(s.municipalityId)));
      const pick =
        open.find((c) => c.id === s.lastCuratorId) ??
        open.find((c) => serving.get(s.municipalityId)?.has(c.id)) ??
        [...open].sort((a, b) => room(b.id, b.cap) - room(a.id, a.cap))[0];
      curatorId = pick?.id;
      if (curatorId) load.set(curatorId, (load.get(curatorId) ?? 0) + 1);
    }
    if (curatorId) serving.set(s.municipalityId, new Set([...(serving.get(s.municipalityId) ?? []), curatorId]));
    let leaderSchoolId = s.fixedLeaderId;
    if (!leaderSchoolId) {
      const near = instance.leaders
        .map((l) => ({ l, ring: l.id === s.lastLeaderId ? -1 : distance.get(s.municipalityId)?.get(l.municipalityId) }))
        .filter((x) => x.ring !== undefined && room(x.l.id, x.l.cap) > 0)
        .sort((a, b) => a.ring! - b.ring!);
      leaderSchoolId = near[0]?.l.id;
      if (leaderSchoolId) load.set(leaderSchoolId, (load.get(leaderSchoolId) ?? 0) + 1);
    }
    return {
      schoolId: s.id,
      municipalityId: s.municipalityId,
      curatorId,
      leaderSchoolId,
      curatorReason: 'none',
      leaderReason: 'none',
    } as PlannedPair;
  });
}

test('на случайных примерах соблюдены все ограничения, и план не хуже жадного', () => {
  fc.assert(
    fc.property(instances, (instance) => {
      const plan = solveInstance(instance, solver, 10);
      expect(plan.pairs.map((p) => p.schoolId).sort()).toEqual(instance.schools.map((s) => s.id).sort());
      const load = new Map<string, number>();
      const fixedLoad = new Map<string, number>();
      for (const s of instance.schools) {
        for (const id of [s.fixedCuratorId, s.fixedLeaderId]) if (id) fixedLoad.set(id, (fixedLoad.get(id) ?? 0) + 1);
      }
      for (const p of plan.pairs) {
        const s = instance.schools.find((x) => x.id === p.schoolId)!;
        if (s.fixedCuratorId) expect(p.curatorId).toBe(s.fixedCuratorId);
        if (s.fixedLeaderId) expect(p.leaderSchoolId).toBe(s.fixedLeaderId);
        if (p.curatorId) {
          const c = instance.curators.find((x) => x.id === p.curatorId)!;
          if (!s.fixedCuratorId && c.covers) expect(c.covers.has(p.municipalityId)).toBe(true);
          load.set(c.id, (load.get(c.id) ?? 0) + 1);
        }
        if (p.leaderSchoolId) {
          expect(instance.leaders.some((l) => l.id === p.leaderSchoolId)).toBe(true);
          expect(p.leaderSchoolId).not.toBe(p.schoolId);
          load.set(p.leaderSchoolId, (load.get(p.leaderSchoolId) ?? 0) + 1);
        }
      }
      for (const x of [...instance.curators, ...instance.leaders])
        expect(load.get(x.id) ?? 0).toBeLessThanOrEqual(Math.max(x.cap, fixedLoad.get(x.id) ?? 0));
      if (plan.summary.unassignedCurator.length > 0) {
        expect(plan.issues.some((i) => i.code === 'PLAN_CURATORS_SHORT' || i.code === 'PLAN_MUNICIPALITY_UNCOVERED')).toBe(true);
      }
      expect(plan.runs.curators?.status ?? 'Optimal').toBe('Optimal');
      expect(planCost(instance, plan.pairs)).toBeLessThanOrEqual(planCost(instance, greedy(instance)) + 1e-6);
    }),
    { numRuns: 60, seed: 12 },
  );
});
