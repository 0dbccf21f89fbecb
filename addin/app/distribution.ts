/**
 * The planner in the page: the solve runs in a Web Worker (planner-worker.ts, with HiGHS as
 * WebAssembly; the page's CSP allows 'wasm-unsafe-eval' for it and workers from 'self' only), the
 * F7 and the order are then made here from the plan it returns. Stopping ends the worker; so does
 * the hard time limit, whatever the solver is doing.
 */
import type { FormDefinition } from '../../core/forms/definition';
import type { Dataset } from '../../core/model/schemas';
import { distributionFromPlan, planOptionsFor, type DistributionOutputs } from '../../core/planner';
import type { Plan, PlanOptions } from '../../core/planner/types';
import type { PlanReply, PlanRequest } from './planner-worker';

/** HiGHS's own limit per sub-problem, in seconds (the plan is the best found when it is reached). */
export const SOLVER_TIME_LIMIT_SECONDS = 10;
/** The whole solve, loading HiGHS included: past this the worker is ended and the user told so. */
export const PLAN_DEADLINE_MS = 90_000;

/** Why a plan did not come back: the user stopped it, the deadline passed, or the worker failed. */
export class PlanStopped extends Error {
  constructor(
    readonly reason: 'cancelled' | 'deadline' | 'failed',
    message: string,
    readonly limitMs?: number,
  ) {
    super(message);
  }
}

export function planInWorker(dataset: Dataset, options: PlanOptions, signal: AbortSignal, deadlineMs = PLAN_DEADLINE_MS): Promise<Plan> {
  return new Promise<Plan>((resolve, reject) => {
    // @ts-expect-error TS1343: the repository's tsconfig is CommonJS; webpack 5 reads this `import.meta.url` and emits the worker chunk.
    const worker = new Worker(new URL('./planner-worker.ts', import.meta.url), { name: 'planner-solve' });
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancel);
      worker.terminate();
      settle();
    };
    const cancel = () => finish(() => reject(new PlanStopped('cancelled', 'the user stopped the plan')));
    const timer = setTimeout(() => finish(() => reject(new PlanStopped('deadline', `no plan in ${deadlineMs} ms`, deadlineMs))), deadlineMs);
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<PlanReply>) => {
      const reply = event.data;
      finish(() => (reply.kind === 'plan' ? resolve(reply.plan) : reject(new PlanStopped('failed', reply.message))));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => reject(new PlanStopped('failed', event.message || 'worker error')));
    };
    const request: PlanRequest = { dataset, options };
    worker.postMessage(request);
  });
}

export async function planInPage(
  dataset: Dataset,
  definition: FormDefinition,
  year: number,
  orderTemplate: Uint8Array | undefined,
  signal: AbortSignal,
): Promise<DistributionOutputs> {
  const options = planOptionsFor(definition, { year, timeLimitSeconds: SOLVER_TIME_LIMIT_SECONDS });
  const plan = await planInWorker(dataset, options, signal);
  return distributionFromPlan({ plan, dataset, definition, ...(orderTemplate ? { orderTemplate } : {}) });
}
