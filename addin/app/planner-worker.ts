/**
 * The planner's Web Worker: HiGHS (WebAssembly) solves here, off the page's thread, so the pane
 * stays responsive and a plan can be stopped by ending the worker. It gets the data and the
 * options, answers with the plan (plain data) or the reason it could not make one.
 */
import type { Dataset } from '../../core/model/schemas';
import type { LpSolver, Plan, PlanOptions } from '../../core/planner/types';

export interface PlanRequest {
  dataset: Dataset;
  options: PlanOptions;
}

export type PlanReply = { kind: 'plan'; plan: Plan } | { kind: 'failed'; message: string };

/** The worker's side of postMessage; the pane's tsconfig has the DOM library, not the worker one. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PlanRequest>) => void) | null;
  postMessage(reply: PlanReply): void;
};

let solver: Promise<LpSolver> | undefined;

scope.onmessage = (event) => {
  void answer(event.data).then((reply) => scope.postMessage(reply));
};

async function answer(request: PlanRequest): Promise<PlanReply> {
  try {
    // Imported here, not at the top: a module that fails to load then rejects into the reply below
    // instead of dying before the worker can answer (the page would only see its deadline pass).
    solver ??= import('highs').then((highs) => highs.default());
    const { planDistribution } = await import('../../core/planner/plan');
    return { kind: 'plan', plan: planDistribution(request.dataset, request.options, await solver) };
  } catch (error) {
    solver = undefined;
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
