import { countBy } from './curators';
import { readCounts, type CountArc, type PairCount } from './counts';
import { LpModel } from './lp';
import { solveModel } from './solve-model';
import { type LpSolver, type PlanInstance, type SolverRun } from './types';
import { WEIGHTS } from './weights';

export interface LeaderCounts {
  /** municipality of the ШНОР → leader id → [new, kept]. */
  take: Map<string, Map<string, PairCount>>;
  missing: Map<string, number>;
  run: SolverRun;
  solved: boolean;
}

/** Steps from each municipality to the others over «Соседи», up to `depth`. */
export function rings(instance: PlanInstance, depth = 2): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const start of instance.municipalityIds) {
    const dist = new Map<string, number>([[start, 0]]);
    let frontier = [start];
    for (let d = 1; d <= depth; d++) {
      const next: string[] = [];
      for (const m of frontier) {
        for (const n of instance.neighbours.get(m) ?? []) {
          if (!dist.has(n)) {
            dist.set(n, d);
            next.push(n);
          }
        }
      }
      frontier = next;
    }
    out.set(start, dist);
  }
  return out;
}

/**
 * Leader schools as a transportation problem over municipalities: ШНОР of a municipality go to
 * leader schools of the same one, a neighbour or a neighbour's neighbour (or last year's, wherever it
 * is), kept pairs on their own arc. Totally unimodular: the LP optimum is already whole.
 * A leader school is never a ШНОР of the year, so it never supports itself.
 */
export function solveLeaders(instance: PlanInstance, solver: LpSolver, timeLimit: number): LeaderCounts {
  const started = Date.now();
  const free = instance.schools.filter((s) => !s.fixedLeaderId);
  const demand = countBy(free, (s) => s.municipalityId);
  const fixedLoad = countBy(
    instance.schools.filter((s) => s.fixedLeaderId),
    (s) => s.fixedLeaderId!,
  );
  const lastCount = countBy(
    free.filter((s) => s.lastLeaderId),
    (s) => `${s.municipalityId}|${s.lastLeaderId}`,
  );
  const distance = rings(instance);
  const keep = instance.keepLastYear ? WEIGHTS.keepStrong : WEIGHTS.keepMild;
  const muniIndex = new Map(instance.municipalityIds.map((m, i) => [m, i]));

  const lp = new LpModel();
  const perLeader = new Map<number, Array<readonly [number, string]>>();
  const countArcs: CountArc[] = [];
  const missingVars = new Map<string, string>();
  for (const [m, d] of demand) {
    const mi = muniIndex.get(m) ?? 0;
    const terms: Array<readonly [number, string]> = [];
    instance.leaders.forEach((l, li) => {
      const room = Math.max(0, l.cap - (fixedLoad.get(l.id) ?? 0));
      const ring = distance.get(m)?.get(l.municipalityId);
      const last = lastCount.get(`${m}|${l.id}`) ?? 0;
      if (room === 0 || (ring === undefined && last === 0)) return;
      const cost = WEIGHTS.leaderRing[ring ?? 3] ?? WEIGHTS.leaderMissing;
      const upper = Math.min(room, d);
      const fresh = ring !== undefined ? lp.variable(`z_${mi}_${li}`, cost, 0, upper) : undefined;
      const kept = last > 0 ? lp.variable(`q_${mi}_${li}`, cost - keep, 0, Math.min(last, upper)) : undefined;
      const arcs: Array<readonly [number, string]> = [...(fresh ? [[1, fresh] as const] : []), ...(kept ? [[1, kept] as const] : [])];
      terms.push(...arcs);
      perLeader.set(li, [...(perLeader.get(li) ?? []), ...arcs]);
      countArcs.push({ outer: m, inner: l.id, ...(fresh ? { fresh } : {}), ...(kept ? { kept } : {}) });
    });
    const v = lp.variable(`v_${mi}`, WEIGHTS.leaderMissing, 0, d);
    missingVars.set(m, v);
    lp.constraint(`dem_${mi}`, [...terms, [1, v]], '=', d);
  }
  for (const [li, terms] of perLeader) {
    const l = instance.leaders[li]!;
    lp.constraint(`cap_${li}`, terms, '<=', Math.max(0, l.cap - (fixedLoad.get(l.id) ?? 0)));
  }

  const take = new Map<string, Map<string, PairCount>>();
  if (demand.size === 0) {
    return {
      take,
      missing: new Map(),
      solved: true,
      run: { status: 'Optimal', objective: 0, variables: 0, constraints: 0, ms: Date.now() - started },
    };
  }
  const { solution, run, solved } = solveModel(solver, lp, { time_limit: timeLimit }, missingVars, started);
  if (!solved) return { take, missing: demand, solved, run };
  return { ...readCounts(solution, countArcs, missingVars), solved, run };
}
