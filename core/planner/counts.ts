import { primalOf, type LpSolution } from './types';

/** How many ШНОР one side of a pair takes from the other: new pairs and last year's kept. */
export interface PairCount {
  fresh: number;
  kept: number;
}

/** A solver column pair (new, kept) for one (outer, inner) arc; an absent name counts 0. */
export interface CountArc {
  outer: string;
  inner: string;
  fresh?: string;
  kept?: string;
}

/** The solution's value of a column, whole (counts are whole at the optimum of these models). */
export function wholeValue(solution: LpSolution, name: string | undefined): number {
  return name === undefined ? 0 : Math.round(primalOf(solution, name));
}

/**
 * The solved arcs as outer → inner → counts, zero arcs left out, and the missing counts by key: the
 * readout both sub-problems (curators, leader schools) share.
 */
export function readCounts(
  solution: LpSolution,
  arcs: readonly CountArc[],
  missingVars: ReadonlyMap<string, string>,
): { take: Map<string, Map<string, PairCount>>; missing: Map<string, number> } {
  const take = new Map<string, Map<string, PairCount>>();
  for (const arc of arcs) {
    const fresh = wholeValue(solution, arc.fresh);
    const kept = wholeValue(solution, arc.kept);
    if (fresh + kept === 0) continue;
    addCount(take, arc.outer, arc.inner, { fresh, kept });
  }
  const missing = new Map<string, number>();
  for (const [key, name] of missingVars) {
    const count = wholeValue(solution, name);
    if (count > 0) missing.set(key, count);
  }
  return { take, missing };
}

/** Adds counts to outer → inner (arcs of two models may meet on one pair). */
export function addCount(take: Map<string, Map<string, PairCount>>, outer: string, inner: string, count: PairCount): void {
  const row = take.get(outer) ?? new Map<string, PairCount>();
  const was = row.get(inner) ?? { fresh: 0, kept: 0 };
  row.set(inner, { fresh: was.fresh + count.fresh, kept: was.kept + count.kept });
  take.set(outer, row);
}
