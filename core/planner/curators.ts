import { LpModel } from './lp';
import { primalOf, type LpSolver, type PlanInstance, type SolverRun } from './types';
import { WEIGHTS } from './weights';

/** How many ШНОР of a municipality each curator takes (kept from last year among them), and how many none. */
export interface CuratorCounts {
  /** curator id → municipality id → [new, kept]. */
  take: Map<string, Map<string, { fresh: number; kept: number }>>;
  missing: Map<string, number>;
  run: SolverRun;
  solved: boolean;
}

/**
 * The curators as one MIP over municipalities, not schools: within a municipality ШНОР differ only
 * by last year's curator, so counts per (curator, municipality) — split into kept and new — are an
 * exact and much smaller model. y (curator serves the municipality) carries the one-contact cost and
 * is the only integer: with y fixed, the counts are a min-cost flow (whole at every vertex).
 */
export function solveCurators(instance: PlanInstance, solver: LpSolver, timeLimit: number, integerCounts = false, everyone = false): CuratorCounts {
  const started = Date.now();
  const free = instance.schools.filter((s) => !s.fixedCuratorId);
  const demand = countBy(free, (s) => s.municipalityId);
  const fixedLoad = countBy(instance.schools.filter((s) => s.fixedCuratorId), (s) => s.fixedCuratorId!);
  const fixedIn = new Set(instance.schools.filter((s) => s.fixedCuratorId).map((s) => `${s.fixedCuratorId}|${s.municipalityId}`));
  const lastCount = countBy(free.filter((s) => s.lastCuratorId), (s) => `${s.lastCuratorId}|${s.municipalityId}`);
  const totalCap = instance.curators.reduce((sum, c) => sum + c.cap, 0);
  const keep = instance.keepLastYear ? WEIGHTS.keepStrong : WEIGHTS.keepMild;

  const lp = new LpModel();
  const muniIndex = new Map(instance.municipalityIds.map((m, i) => [m, i]));
  const byMunicipality = new Map<string, Array<readonly [number, string]>>();
  const vars: Array<{ curator: string; municipality: string; fresh: string; kept?: string }> = [];
  // Small problems are solved whole; large ones over the candidate lists (see candidateCurators).
  const whole = everyone || instance.curators.length * demand.size <= WHOLE_MODEL_PAIRS;
  const candidates = whole ? undefined : candidateCurators(instance, demand, fixedLoad, lastCount);
  instance.curators.forEach((c, ci) => {
    const room = Math.max(0, c.cap - (fixedLoad.get(c.id) ?? 0));
    const loadTerms: Array<readonly [number, string]> = [];
    for (const [m, d] of demand) {
      if (room === 0 || (c.covers && !c.covers.has(m))) continue;
      if (candidates && !candidates.get(m)?.has(c.id) && !fixedIn.has(`${c.id}|${m}`)) continue;
      const mi = muniIndex.get(m) ?? 0;
      const upper = Math.min(room, d);
      const y = lp.variable(`y_${ci}_${mi}`, fixedIn.has(`${c.id}|${m}`) ? 0 : WEIGHTS.curatorMunicipality, 0, 1, 'binary');
      const fresh = lp.variable(`n_${ci}_${mi}`, 0, 0, upper, integerCounts ? 'integer' : 'continuous');
      const last = Math.min(lastCount.get(`${c.id}|${m}`) ?? 0, upper);
      const kept = last > 0 ? lp.variable(`k_${ci}_${mi}`, -keep, 0, last, integerCounts ? 'integer' : 'continuous') : undefined;
      const terms: Array<readonly [number, string]> = kept ? [[1, fresh], [1, kept]] : [[1, fresh]];
      lp.constraint(`open_${ci}_${mi}`, [...terms, [-upper, y]], '<=', 0);
      byMunicipality.set(m, [...(byMunicipality.get(m) ?? []), ...terms]);
      loadTerms.push(...terms);
      vars.push({ curator: c.id, municipality: m, fresh, ...(kept ? { kept } : {}) });
    }
    if (loadTerms.length === 0) return;
    lp.constraint(`cap_${ci}`, loadTerms, '<=', room);
    const share = totalCap > 0 ? Math.ceil((instance.schools.length * c.cap) / totalCap) : 0;
    const over = lp.variable(`o_${ci}`, WEIGHTS.curatorOverload);
    lp.constraint(`bal_${ci}`, [...loadTerms, [-1, over]], '<=', share - (fixedLoad.get(c.id) ?? 0));
  });
  const missingVars = new Map<string, string>();
  for (const [m, d] of demand) {
    const u = lp.variable(`u_${muniIndex.get(m) ?? 0}`, WEIGHTS.curatorMissing, 0, d);
    missingVars.set(m, u);
    lp.constraint(`dem_${muniIndex.get(m) ?? 0}`, [...(byMunicipality.get(m) ?? []), [1, u]], '=', d);
  }

  const take = new Map<string, Map<string, { fresh: number; kept: number }>>();
  const missing = new Map<string, number>();
  if (demand.size === 0) {
    return { take, missing, solved: true, run: { status: 'Optimal', objective: 0, variables: 0, constraints: 0, ms: Date.now() - started } };
  }
  const solution = solver.solve(lp.text(), { time_limit: timeLimit, mip_rel_gap: 1e-4, output_flag: false, ...SOLVER_OPTIONS });
  const raw = (name: string) => primalOf(solution, name);
  const value = (name: string) => Math.round(raw(name));
  const solved = Object.keys(solution.Columns).length > 0 && [...missingVars.values()].every((u) => Number.isFinite(value(u)));
  const run: SolverRun = { status: solution.Status, objective: solution.ObjectiveValue, variables: lp.variableCount, constraints: lp.constraintCount, ms: Date.now() - started };
  if (solution.Status !== 'Optimal') {
    const relaxed = solver.solve(lp.text(true), { time_limit: timeLimit, output_flag: false });
    if (relaxed.Status === 'Optimal') {
      run.bound = relaxed.ObjectiveValue;
      run.gap = Math.abs(run.objective - relaxed.ObjectiveValue) / Math.max(1, Math.abs(run.objective));
    }
    run.ms = Date.now() - started;
  }
  if (!solved) return { take, missing: demand, solved, run };
  // Once y is fixed the rest is a min-cost flow, so counts come out whole; if not, solve again with them integer.
  const fractional = vars.some((v) => [v.fresh, v.kept].some((n) => n !== undefined && Math.abs(raw(n) - Math.round(raw(n))) > 1e-6));
  if (fractional && !integerCounts) return solveCurators(instance, solver, timeLimit, true, everyone);
  for (const v of vars) {
    const fresh = value(v.fresh);
    const kept = v.kept ? value(v.kept) : 0;
    if (fresh + kept === 0) continue;
    const row = take.get(v.curator) ?? new Map<string, { fresh: number; kept: number }>();
    row.set(v.municipality, { fresh, kept });
    take.set(v.curator, row);
  }
  for (const [m, u] of missingVars) if (value(u) > 0) missing.set(m, value(u));
  // The candidate lists must never be why a school has no curator: then every curator is a candidate.
  if (missing.size > 0 && !whole) return solveCurators(instance, solver, timeLimit, integerCounts, true);
  return { take, missing, solved, run };
}

/** Up to this many curator–municipality pairs the model keeps them all. */
const WHOLE_MODEL_PAIRS = 400;

/** Options that suit this small, symmetric MIP: HiGHS's presolve and heuristics cost more than they find. */
const SOLVER_OPTIONS = { presolve: 'off', mip_heuristic_effort: 0.01 } as const;

/**
 * Who may serve which municipality: the municipalities laid out along the «Соседи» graph (breadth
 * first), the curators laid along the same line by their free places, so that each municipality
 * sees the curators whose stretch overlaps its own (plus one on each side), and its last year's
 * curators. Cuts the symmetric MIP to a size HiGHS proves quickly; curators restricted to listed
 * municipalities are candidates for exactly those.
 */
function candidateCurators(
  instance: PlanInstance, demand: ReadonlyMap<string, number>, fixedLoad: ReadonlyMap<string, number>, lastCount: ReadonlyMap<string, number>,
): Map<string, Set<string>> {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of instance.municipalityIds) {
    if (seen.has(start)) continue;
    seen.add(start);
    for (let i = order.push(start) - 1; i < order.length; i++) {
      for (const n of [...(instance.neighbours.get(order[i]!) ?? [])].sort()) if (!seen.has(n)) { seen.add(n); order.push(n); }
    }
  }
  const line = instance.curators.filter((c) => !c.covers).map((c) => ({ id: c.id, room: Math.max(0, c.cap - (fixedLoad.get(c.id) ?? 0)) })).filter((c) => c.room > 0);
  const totalDemand = [...demand.values()].reduce((a, b) => a + b, 0);
  const totalRoom = line.reduce((a, c) => a + c.room, 0);
  const scale = totalRoom > 0 ? totalDemand / totalRoom : 0;
  const spans: Array<{ id: string; from: number; to: number }> = [];
  let at = 0;
  for (const c of line) { spans.push({ id: c.id, from: at * scale, to: (at + c.room) * scale }); at += c.room; }
  const out = new Map<string, Set<string>>();
  let pos = 0;
  for (const m of order) {
    const d = demand.get(m) ?? 0;
    if (d === 0) continue;
    const set = new Set<string>();
    const hit = spans.map((s, i) => (s.to > pos && s.from < pos + d ? i : -1)).filter((i) => i >= 0);
    const lo = Math.max(0, (hit[0] ?? 0) - 1);
    const hi = Math.min(spans.length - 1, (hit[hit.length - 1] ?? spans.length - 1) + 1);
    for (let i = lo; i <= hi; i++) set.add(spans[i]!.id);
    for (const c of instance.curators) {
      if (c.covers?.has(m) || (lastCount.get(`${c.id}|${m}`) ?? 0) > 0) set.add(c.id);
    }
    out.set(m, set);
    pos += d;
  }
  return out;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
