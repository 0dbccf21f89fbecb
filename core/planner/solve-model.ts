import type { LpModel } from './lp';
import { primalOf, type LpSolution, type LpSolver, type SolverRun } from './types';

/**
 * Solves a model and describes the run. `solved` is false when the solver returned no columns or no
 * value for some missing-count column — no plan at all, whatever its status says.
 */
export function solveModel(
  solver: LpSolver,
  lp: LpModel,
  options: Parameters<LpSolver['solve']>[1],
  missingVars: ReadonlyMap<string, string>,
  started: number,
): { solution: LpSolution; run: SolverRun; solved: boolean } {
  const solution = solver.solve(lp.text(), { output_flag: false, ...options });
  const run: SolverRun = {
    status: solution.Status,
    objective: solution.ObjectiveValue,
    variables: lp.variableCount,
    constraints: lp.constraintCount,
    ms: Date.now() - started,
  };
  const solved = Object.keys(solution.Columns).length > 0 && [...missingVars.values()].every((v) => Number.isFinite(primalOf(solution, v)));
  return { solution, run, solved };
}

/**
 * Ties a pair's columns to its binary `y`: the share (new + kept) at most `upper` when the pair is
 * open and nothing when it is not; last year's kept count at most `last` (only needed below `upper`).
 */
export function openPair(
  lp: LpModel,
  suffix: string,
  share: ReadonlyArray<readonly [number, string]>,
  kept: string | undefined,
  y: string,
  upper: number,
  last: number,
): void {
  lp.constraint(`open_${suffix}`, [...share, [-upper, y]], '<=', 0);
  if (kept && last < upper)
    lp.constraint(
      `keep_${suffix}`,
      [
        [1, kept],
        [-last, y],
      ],
      '<=',
      0,
    );
}
