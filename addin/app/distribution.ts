/**
 * The planner in the page: its own chunk, with HiGHS (WebAssembly; the page's CSP allows
 * 'wasm-unsafe-eval' for it and nothing else) loaded from the .wasm file webpack emits beside it.
 */
import loadHighs from 'highs';
import type { FormDefinition } from '../../core/forms/definition';
import type { Dataset } from '../../core/model/schemas';
import { makeDistribution, type DistributionOutputs, type LpSolver } from '../../core/planner';

let solver: Promise<LpSolver> | undefined;

function pageSolver(): Promise<LpSolver> {
  solver ??= loadHighs();
  solver.catch(() => {
    solver = undefined;
  });
  return solver;
}

export async function planInPage(
  dataset: Dataset,
  definition: FormDefinition,
  year: number,
  orderTemplate: Uint8Array | undefined,
): Promise<DistributionOutputs> {
  return makeDistribution({ dataset, definition, options: { year }, solver: await pageSolver(), ...(orderTemplate ? { orderTemplate } : {}) });
}
