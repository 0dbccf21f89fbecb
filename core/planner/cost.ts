import { rings } from './leaders';
import type { PlanInstance, PlannedPair } from './types';
import { WEIGHTS } from './weights';

/**
 * The objective the solver minimises, for any assignment of the instance: so a plan can be compared
 * with another (a hand-made one, a greedy one) on the same scale. Pairs fixed by hand cost nothing to
 * open, as in the model; the constant part of fixed pairs is left out of both.
 */
export function planCost(instance: PlanInstance, pairs: readonly PlannedPair[]): number {
  const keep = instance.keepLastYear ? WEIGHTS.keepStrong : WEIGHTS.keepMild;
  const school = new Map(instance.schools.map((s) => [s.id, s]));
  const distance = rings(instance);
  const leaderMunicipality = new Map(instance.leaders.map((l) => [l.id, l.municipalityId]));
  const totalCap = instance.curators.reduce((sum, c) => sum + c.cap, 0);
  let cost = 0;
  const opened = new Set<string>();
  const fixedOpen = new Set(instance.schools.filter((s) => s.fixedCuratorId).map((s) => `${s.fixedCuratorId}|${s.municipalityId}`));
  const load = new Map<string, number>();
  for (const p of pairs) {
    const s = school.get(p.schoolId);
    if (!s) continue;
    if (!s.fixedCuratorId) {
      if (!p.curatorId) cost += WEIGHTS.curatorMissing;
      else {
        opened.add(`${p.curatorId}|${p.municipalityId}`);
        if (p.curatorId === s.lastCuratorId) cost -= keep;
      }
    }
    if (p.curatorId) load.set(p.curatorId, (load.get(p.curatorId) ?? 0) + 1);
    if (!s.fixedLeaderId) {
      if (!p.leaderSchoolId) cost += WEIGHTS.leaderMissing;
      else {
        const ring = distance.get(s.municipalityId)?.get(leaderMunicipality.get(p.leaderSchoolId) ?? '');
        cost += WEIGHTS.leaderRing[ring ?? 3] ?? WEIGHTS.leaderMissing;
        if (p.leaderSchoolId === s.lastLeaderId) cost -= keep;
      }
    }
  }
  for (const key of opened) if (!fixedOpen.has(key)) cost += WEIGHTS.curatorMunicipality;
  for (const c of instance.curators) {
    const share = totalCap > 0 ? Math.ceil((instance.schools.length * c.cap) / totalCap) : 0;
    const hasArcs = c.cap > 0;
    if (hasArcs) cost += WEIGHTS.curatorOverload * Math.max(0, (load.get(c.id) ?? 0) - share);
  }
  return cost;
}
