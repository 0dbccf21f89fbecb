import { readCounts, type CountArc, type PairCount } from './counts';
import { solveWholeMunicipalities } from './curators-whole';
import { LpModel } from './lp';
import { openPair, solveModel } from './solve-model';
import { primalOf, type LpSolver, type PlanInstance, type SolverRun } from './types';
import { underloadFloor, WEIGHTS } from './weights';

/** How many ШНОР of a municipality each curator takes (kept from last year among them), and how many none. */
export interface CuratorCounts {
  /** curator id → municipality id → [new, kept]. */
  take: Map<string, Map<string, PairCount>>;
  missing: Map<string, number>;
  run: SolverRun;
  solved: boolean;
}

/** Up to this many curator–municipality pairs the exact MIP is solved over all of them. */
const WHOLE_MODEL_PAIRS = 400;
/** Up to this many pairs the MIP is also tried over the candidate lists, and the better plan kept. */
const MIP_PAIRS_LIMIT = 2000;
/** Candidate lists widen (1, 3, 9 curators each side) before every curator becomes a candidate. */
const MAX_REACH = 9;
/** At most this many of a municipality's last year's curators (those with most of its schools) are added. */
const LAST_YEAR_CANDIDATES = 2;
/** In the transportation model: cost per ШНОР per curator-width of distance along the line. */
const LINE_COST = 10;
/** Options that suit this small, symmetric MIP: HiGHS's presolve and heuristics cost more than they find. */
const MIP_OPTIONS = { presolve: 'off', mip_heuristic_effort: 0.01 } as const;

type Mode = 'mip' | 'line';
/** municipality → candidate curator → distance along the line, in curator widths (0: overlapping). */
type Candidates = Map<string, Map<string, number>>;

/**
 * The curators' problem over municipalities, not schools: within a municipality ШНОР differ only by
 * last year's curator, so counts per (curator, municipality), split into kept and new, are exact.
 *
 * - small (≤ 400 pairs): the exact MIP, y (curator serves the municipality) binary with the
 *   one-contact cost; with y fixed the rest is a min-cost flow, so the counts come out whole;
 * - larger: a transportation problem (totally unimodular, an LP) over candidate lists, the cost of
 *   a curator far along the line standing in for the one-contact cost; up to 2 000 pairs the
 *   one-curator-per-municipality MIP (curators-whole.ts; when its packing leaves a school out, the
 *   MIP over the candidate lists) is solved too, and the cheaper plan by the true objective is kept.
 */
export function solveCurators(instance: PlanInstance, solver: LpSolver, timeLimit: number): CuratorCounts {
  const demandSize = new Set(instance.schools.filter((s) => !s.fixedCuratorId).map((s) => s.municipalityId)).size;
  const pairs = instance.curators.length * demandSize;
  if (pairs <= WHOLE_MODEL_PAIRS) return solveWith(instance, solver, timeLimit, 'mip', MAX_REACH + 1);
  const line = solveWith(instance, solver, timeLimit, 'line', 1);
  if (pairs > MIP_PAIRS_LIMIT) return { ...line, run: { ...line.run, status: `${line.run.status} (транспортная задача)` } };
  const whole = solveWholeMunicipalities(instance, solver, timeLimit);
  const mip = whole ?? solveWith(instance, solver, timeLimit, 'mip', 1);
  const better = mip.solved && curatorCost(instance, mip) <= curatorCost(instance, line) ? mip : line;
  const label = better === line ? 'транспортная задача' : whole ? 'MIP: муниципалитет — одному куратору' : 'MIP';
  return { ...better, run: { ...better.run, ms: line.run.ms + mip.run.ms, status: `${better.run.status} (${label})` } };
}

function solveWith(instance: PlanInstance, solver: LpSolver, timeLimit: number, mode: Mode, reach: number, integerCounts = false): CuratorCounts {
  const started = Date.now();
  const free = instance.schools.filter((s) => !s.fixedCuratorId);
  const demand = countBy(free, (s) => s.municipalityId);
  const fixedLoad = countBy(
    instance.schools.filter((s) => s.fixedCuratorId),
    (s) => s.fixedCuratorId!,
  );
  const fixedIn = new Set(instance.schools.filter((s) => s.fixedCuratorId).map((s) => `${s.fixedCuratorId}|${s.municipalityId}`));
  const lastCount = countBy(
    free.filter((s) => s.lastCuratorId),
    (s) => `${s.lastCuratorId}|${s.municipalityId}`,
  );
  const totalCap = instance.curators.reduce((sum, c) => sum + c.cap, 0);
  const keep = instance.keepLastYear ? WEIGHTS.keepStrong : WEIGHTS.keepMild;
  const whole = reach > MAX_REACH;
  const candidates = candidateCurators(instance, demand, fixedLoad, lastCount, whole ? Number.POSITIVE_INFINITY : reach);

  const lp = new LpModel();
  const muniIndex = new Map(instance.municipalityIds.map((m, i) => [m, i]));
  const byMunicipality = new Map<string, Array<readonly [number, string]>>();
  const arcs: CountArc[] = [];
  instance.curators.forEach((c, ci) => {
    const room = Math.max(0, c.cap - (fixedLoad.get(c.id) ?? 0));
    const loadTerms: Array<readonly [number, string]> = [];
    for (const [m, d] of demand) {
      if (room === 0 || (c.covers && !c.covers.has(m))) continue;
      const distance = candidates.get(m)?.get(c.id) ?? (fixedIn.has(`${c.id}|${m}`) ? 0 : undefined);
      if (distance === undefined) continue;
      const mi = muniIndex.get(m) ?? 0;
      const upper = Math.min(room, d);
      const arcCost = mode === 'line' ? LINE_COST * distance : 0;
      const counts = mode === 'mip' && integerCounts ? 'integer' : 'continuous';
      const fresh = lp.variable(`n_${ci}_${mi}`, arcCost, 0, upper, counts);
      const last = Math.min(lastCount.get(`${c.id}|${m}`) ?? 0, upper);
      const kept = last > 0 ? lp.variable(`k_${ci}_${mi}`, arcCost - keep, 0, last, counts) : undefined;
      const terms: Array<readonly [number, string]> = kept
        ? [
            [1, fresh],
            [1, kept],
          ]
        : [[1, fresh]];
      if (mode === 'mip') {
        const y = lp.variable(`y_${ci}_${mi}`, fixedIn.has(`${c.id}|${m}`) ? 0 : WEIGHTS.curatorMunicipality, 0, 1, 'binary');
        openPair(lp, `${ci}_${mi}`, terms, kept, y, upper, last);
      } else if (kept) {
        lp.constraint(`pair_${ci}_${mi}`, terms, '<=', upper);
      }
      byMunicipality.set(m, [...(byMunicipality.get(m) ?? []), ...terms]);
      loadTerms.push(...terms);
      arcs.push({ outer: c.id, inner: m, fresh, ...(kept ? { kept } : {}) });
    }
    if (loadTerms.length === 0) return;
    lp.constraint(`cap_${ci}`, loadTerms, '<=', room);
    const share = totalCap > 0 ? Math.ceil((instance.schools.length * c.cap) / totalCap) : 0;
    const over = lp.variable(`o_${ci}`, WEIGHTS.curatorOverload);
    lp.constraint(`bal_${ci}`, [...loadTerms, [-1, over]], '<=', share - (fixedLoad.get(c.id) ?? 0));
    const under = lp.variable(`l_${ci}`, WEIGHTS.curatorUnderload);
    lp.constraint(`low_${ci}`, [...loadTerms, [1, under]], '>=', underloadFloor(share, c.cap) - (fixedLoad.get(c.id) ?? 0));
  });
  const missingVars = new Map<string, string>();
  for (const [m, d] of demand) {
    const u = lp.variable(`u_${muniIndex.get(m) ?? 0}`, WEIGHTS.curatorMissing, 0, d);
    missingVars.set(m, u);
    lp.constraint(`dem_${muniIndex.get(m) ?? 0}`, [...(byMunicipality.get(m) ?? []), [1, u]], '=', d);
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
  const { solution, run, solved } = solveModel(
    solver,
    lp,
    { time_limit: timeLimit, mip_rel_gap: 1e-4, ...(mode === 'mip' ? MIP_OPTIONS : {}) },
    missingVars,
    started,
  );
  const raw = (name: string) => primalOf(solution, name);
  if (mode === 'mip' && solution.Status !== 'Optimal') {
    Object.assign(run, relaxationGap(solver, lp, run.objective, timeLimit));
    run.ms = Date.now() - started;
  }
  if (!solved) return { take, missing: demand, solved, run };
  // Counts are whole at every vertex of a min-cost flow; should a solver return otherwise, solve with them integer.
  const fractional = arcs.some((v) => [v.fresh, v.kept].some((n) => n !== undefined && Math.abs(raw(n) - Math.round(raw(n))) > 1e-6));
  if (fractional && !integerCounts) return solveWith(instance, solver, timeLimit, 'mip', reach, true);
  const { take: counts, missing } = readCounts(solution, arcs, missingVars);
  // The candidate lists must never be why a school has no curator: widen them, at last to everyone.
  if (missing.size > 0 && !whole) return solveWith(instance, solver, timeLimit, mode, reach * 3);
  return { take: counts, missing, solved, run };
}

/** When a MIP stops early: the LP relaxation's bound and the relative gap to it. */
export function relaxationGap(solver: LpSolver, lp: LpModel, objective: number, timeLimit: number): Pick<SolverRun, 'bound' | 'gap'> {
  const relaxed = solver.solve(lp.text(true), { time_limit: timeLimit, output_flag: false });
  if (relaxed.Status !== 'Optimal') return {};
  return { bound: relaxed.ObjectiveValue, gap: Math.abs(objective - relaxed.ObjectiveValue) / Math.max(1, Math.abs(objective)) };
}

/** The curators' part of the objective (as the MIP states it) for counts from either model. */
function curatorCost(instance: PlanInstance, counts: CuratorCounts): number {
  const keep = instance.keepLastYear ? WEIGHTS.keepStrong : WEIGHTS.keepMild;
  const fixedIn = new Set(instance.schools.filter((s) => s.fixedCuratorId).map((s) => `${s.fixedCuratorId}|${s.municipalityId}`));
  const fixedLoad = countBy(
    instance.schools.filter((s) => s.fixedCuratorId),
    (s) => s.fixedCuratorId!,
  );
  const totalCap = instance.curators.reduce((sum, c) => sum + c.cap, 0);
  let cost = [...counts.missing.values()].reduce((a, b) => a + b, 0) * WEIGHTS.curatorMissing;
  for (const c of instance.curators) {
    let load = fixedLoad.get(c.id) ?? 0;
    for (const [m, { fresh, kept }] of counts.take.get(c.id) ?? []) {
      if (!fixedIn.has(`${c.id}|${m}`)) cost += WEIGHTS.curatorMunicipality;
      cost -= keep * kept;
      load += fresh + kept;
    }
    const share = totalCap > 0 ? Math.ceil((instance.schools.length * c.cap) / totalCap) : 0;
    cost += WEIGHTS.curatorOverload * Math.max(0, load - share);
    if (counts.take.has(c.id) || load > 0) cost += WEIGHTS.curatorUnderload * Math.max(0, underloadFloor(share, c.cap) - load);
  }
  return cost;
}

/**
 * Who may serve which municipality, and how far along the line: the municipalities laid out along
 * the «Соседи» graph (breadth first), the curators laid along the same line by their free places,
 * so each municipality sees the curators whose stretch overlaps its own plus `reach` on each side,
 * and its main last year's curators. Curators restricted to listed municipalities are candidates for
 * exactly those, at distance 0.
 */
function candidateCurators(
  instance: PlanInstance,
  demand: ReadonlyMap<string, number>,
  fixedLoad: ReadonlyMap<string, number>,
  lastCount: ReadonlyMap<string, number>,
  reach: number,
): Candidates {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of instance.municipalityIds) {
    if (seen.has(start)) continue;
    seen.add(start);
    for (let i = order.push(start) - 1; i < order.length; i++) {
      for (const n of [...(instance.neighbours.get(order[i]!) ?? [])].sort())
        if (!seen.has(n)) {
          seen.add(n);
          order.push(n);
        }
    }
  }
  const line = instance.curators
    .filter((c) => !c.covers)
    .map((c) => ({ id: c.id, room: Math.max(0, c.cap - (fixedLoad.get(c.id) ?? 0)) }))
    .filter((c) => c.room > 0);
  const totalDemand = [...demand.values()].reduce((a, b) => a + b, 0);
  const totalRoom = line.reduce((a, c) => a + c.room, 0);
  const scale = totalRoom > 0 ? totalDemand / totalRoom : 0;
  const width = line.length > 0 ? totalDemand / line.length : 1;
  const spans: Array<{ id: string; from: number; to: number }> = [];
  let at = 0;
  for (const c of line) {
    spans.push({ id: c.id, from: at * scale, to: (at + c.room) * scale });
    at += c.room;
  }
  const out: Candidates = new Map();
  let pos = 0;
  for (const m of order) {
    const d = demand.get(m) ?? 0;
    if (d === 0) continue;
    const found = new Map<string, number>();
    const gap = (s: { from: number; to: number }) => Math.max(0, s.from - (pos + d), pos - s.to) / Math.max(width, 1e-9);
    const hit = spans.map((s, i) => (s.to > pos && s.from < pos + d ? i : -1)).filter((i) => i >= 0);
    const lo = Math.max(0, (hit[0] ?? 0) - reach);
    const hi = Math.min(spans.length - 1, (hit[hit.length - 1] ?? spans.length - 1) + reach);
    for (let i = lo; i <= hi; i++) found.set(spans[i]!.id, gap(spans[i]!));
    for (const c of instance.curators) if (c.covers?.has(m)) found.set(c.id, 0);
    const byId = new Map(spans.map((s) => [s.id, s]));
    instance.curators
      .map((c) => ({ id: c.id, last: lastCount.get(`${c.id}|${m}`) ?? 0 }))
      .filter((c) => c.last > 0)
      .sort((a, b) => b.last - a.last)
      .slice(0, LAST_YEAR_CANDIDATES)
      .forEach((c) => {
        if (!found.has(c.id)) found.set(c.id, byId.has(c.id) ? gap(byId.get(c.id)!) : 0);
      });
    out.set(m, found);
    pos += d;
  }
  return out;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
