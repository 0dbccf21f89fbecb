import { addCount, readCounts, wholeValue, type CountArc } from './counts';
import { countBy, relaxationGap, type CuratorCounts } from './curators';
import { LpModel } from './lp';
import { openPair, solveModel } from './solve-model';
import { type LpSolver, type PlanInstance } from './types';
import { underloadFloor, WEIGHTS } from './weights';

/** Options for this MIP: HiGHS's presolve and cuts close its small gap at the root. */
const WHOLE_OPTIONS = { mip_rel_gap: 1e-4 } as const;

/**
 * The curators' problem with one curator per municipality wherever caps allow — the rule МОУО ask
 * for, stated as a model rather than a cost: a binary w per (curator, municipality) takes all the
 * municipality's free ШНОР (a generalized assignment problem, whose LP bound is tight). Only a
 * municipality no single curator has room for, or, with --keep-last-year, one whose last year's
 * curators were several, may be shared: there the counts are split as in the general model.
 *
 * Returns undefined when the packing leaves a school without a curator although places would
 * suffice split: the general model decides then.
 */
export function solveWholeMunicipalities(instance: PlanInstance, solver: LpSolver, timeLimit: number): CuratorCounts | undefined {
  const started = Date.now();
  const free = instance.schools.filter((s) => !s.fixedCuratorId);
  const demand = countBy(free, (s) => s.municipalityId);
  const fixed = instance.schools.filter((s) => s.fixedCuratorId);
  const fixedLoad = countBy(fixed, (s) => s.fixedCuratorId!);
  const fixedIn = new Set(fixed.map((s) => `${s.fixedCuratorId}|${s.municipalityId}`));
  const lastCount = countBy(
    free.filter((s) => s.lastCuratorId),
    (s) => `${s.lastCuratorId}|${s.municipalityId}`,
  );
  const totalCap = instance.curators.reduce((sum, c) => sum + c.cap, 0);
  const keep = instance.keepLastYear ? WEIGHTS.keepStrong : WEIGHTS.keepMild;
  const room = new Map(instance.curators.map((c) => [c.id, Math.max(0, c.cap - (fixedLoad.get(c.id) ?? 0))]));
  const may = (c: PlanInstance['curators'][number], m: string) => (room.get(c.id) ?? 0) > 0 && (!c.covers || c.covers.has(m));
  const muniIndex = new Map(instance.municipalityIds.map((m, i) => [m, i]));

  const lp = new LpModel();
  const loadTerms = new Map<string, Array<readonly [number, string]>>();
  const addLoad = (curator: string, terms: ReadonlyArray<readonly [number, string]>) =>
    loadTerms.set(curator, [...(loadTerms.get(curator) ?? []), ...terms]);
  const wholes: Array<{ curator: string; municipality: string; w: string; d: number; last: number }> = [];
  const splitArcs: CountArc[] = [];
  const missingVars = new Map<string, string>();
  for (const [m, d] of demand) {
    const mi = muniIndex.get(m) ?? 0;
    const fits = instance.curators.some((c) => may(c, m) && (room.get(c.id) ?? 0) >= d);
    const terms: Array<readonly [number, string]> = [];
    instance.curators.forEach((c, ci) => {
      if (!may(c, m)) return;
      const r = room.get(c.id) ?? 0;
      const last = Math.min(lastCount.get(`${c.id}|${m}`) ?? 0, d);
      const open = fixedIn.has(`${c.id}|${m}`) ? 0 : WEIGHTS.curatorMunicipality;
      if (r >= d) {
        const w = lp.variable(`w_${ci}_${mi}`, open - keep * last, 0, 1, 'binary');
        wholes.push({ curator: c.id, municipality: m, w, d, last });
        terms.push([d, w]);
        addLoad(c.id, [[d, w]]);
      }
      if (fits && !(instance.keepLastYear && last > 0)) return;
      // A share of the municipality: as in the general model, y opens the pair.
      const upper = Math.min(r, d);
      const fresh = lp.variable(`n_${ci}_${mi}`, 0, 0, upper);
      const kept = last > 0 ? lp.variable(`k_${ci}_${mi}`, -keep, 0, Math.min(last, upper)) : undefined;
      const share: Array<readonly [number, string]> = kept
        ? [
            [1, fresh],
            [1, kept],
          ]
        : [[1, fresh]];
      const y = lp.variable(`y_${ci}_${mi}`, open, 0, 1, 'binary');
      openPair(lp, `${ci}_${mi}`, share, kept, y, upper, last);
      terms.push(...share);
      addLoad(c.id, share);
      splitArcs.push({ outer: c.id, inner: m, fresh, ...(kept ? { kept } : {}) });
    });
    const u = lp.variable(`u_${mi}`, WEIGHTS.curatorMissing, 0, d);
    missingVars.set(m, u);
    lp.constraint(`dem_${mi}`, [...terms, [1, u]], '=', d);
  }
  instance.curators.forEach((c, ci) => {
    const terms = loadTerms.get(c.id);
    if (!terms) return;
    lp.constraint(`cap_${ci}`, terms, '<=', room.get(c.id) ?? 0);
    const share = totalCap > 0 ? Math.ceil((instance.schools.length * c.cap) / totalCap) : 0;
    const over = lp.variable(`o_${ci}`, WEIGHTS.curatorOverload);
    lp.constraint(`bal_${ci}`, [...terms, [-1, over]], '<=', share - (fixedLoad.get(c.id) ?? 0));
    const under = lp.variable(`l_${ci}`, WEIGHTS.curatorUnderload);
    lp.constraint(`low_${ci}`, [...terms, [1, under]], '>=', underloadFloor(share, c.cap) - (fixedLoad.get(c.id) ?? 0));
  });

  const { solution, run, solved } = solveModel(solver, lp, { time_limit: timeLimit, ...WHOLE_OPTIONS }, missingVars, started);
  if (!solved) return undefined;
  if (solution.Status !== 'Optimal') Object.assign(run, relaxationGap(solver, lp, run.objective, timeLimit), { ms: Date.now() - started });
  const { take, missing } = readCounts(solution, splitArcs, missingVars);
  if (missing.size > 0) return undefined;
  for (const v of wholes) {
    if (wholeValue(solution, v.w) === 1) addCount(take, v.curator, v.municipality, { fresh: v.d - v.last, kept: v.last });
  }
  return { take, missing, solved, run };
}
