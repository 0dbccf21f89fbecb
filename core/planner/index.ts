import ExcelJS from 'exceljs';
import type { Issue } from '../issues';
import type { FormDefinition } from '../forms/definition';
import { readSnapshot } from '../forms/snapshot';
import type { Dataset } from '../model/schemas';
import { distributionFromF7 } from './f7-read';
import { writePlanWorkbook } from './f7-workbook';
import { orderDataset, renderPlanOrder } from './order';
import { planDistribution } from './plan';
import type { LpSolver, Plan, PlanOptions } from './types';

export { planDistribution, solveInstance } from './plan';
export { pairsFromF7, distributionFromF7 } from './f7-read';
export { summaryLines } from './summary';
export type { LpSolver, Plan, PlanOptions, FixedPair, PlanSummary } from './types';

export interface DistributionOutputs {
  plan: Plan;
  /** The filled F7 with «Пояснения» and «Итоги распределения». */
  f7: Uint8Array;
  /** The order with the distribution appendix, made from the F7 read back; absent when the data has no order to follow. */
  order?: { bytes: Uint8Array; fileBase: string };
  issues: Issue[];
  /** 0 every ШНОР has a curator; 1 a partial plan (see issues); 2 nothing to plan. */
  exitCode: 0 | 1 | 2;
}

/** The plan options the F7 form adds: its own cap per curator (`curator_cap`), unless the caller set one. */
export function planOptionsFor(definition: FormDefinition, options: PlanOptions): PlanOptions {
  const formCap = definition.params?.curator_cap;
  return { ...options, ...(typeof formCap === 'number' && options.formCuratorCap === undefined ? { formCuratorCap: formCap } : {}) };
}

/**
 * The whole job of both doors: plan, write the F7 by its definition, read that F7 back as the year's
 * distribution (so the order shows exactly what the F7 says) and make the order.
 */
export async function makeDistribution(request: {
  dataset: Dataset;
  definition: FormDefinition;
  options: PlanOptions;
  solver: LpSolver;
  orderTemplate?: Uint8Array;
}): Promise<DistributionOutputs> {
  const plan = planDistribution(request.dataset, planOptionsFor(request.definition, request.options), request.solver);
  return distributionFromPlan({ ...request, plan });
}

/**
 * The documents of a plan made elsewhere (the page plans in a Web Worker, see `planOptionsFor`):
 * the F7 with «Пояснения» and the order from it.
 */
export async function distributionFromPlan(request: {
  plan: Plan;
  dataset: Dataset;
  definition: FormDefinition;
  orderTemplate?: Uint8Array;
}): Promise<DistributionOutputs> {
  const { plan, dataset, definition } = request;
  const issues = [...plan.issues];
  if (plan.summary.shnor === 0 || plan.summary.curatorLoads.length === 0) return { plan, f7: new Uint8Array(), issues, exitCode: 2 };
  const f7 = await writePlanWorkbook(definition, plan, dataset);
  let order: DistributionOutputs['order'];
  if (request.orderTemplate) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f7 as unknown as ArrayBuffer);
    const read = distributionFromF7(definition, readSnapshot(wb), dataset, plan.year);
    const made = orderDataset(dataset, plan.year, read.entries);
    if (made.documentId) {
      const rendered = renderPlanOrder(request.orderTemplate, made.dataset, made.documentId);
      issues.push(...rendered.issues);
      if (rendered.bytes && rendered.fileBase) order = { bytes: rendered.bytes, fileBase: rendered.fileBase };
    }
  }
  const partial = plan.summary.unassignedCurator.length > 0 || issues.some((i) => i.severity === 'error');
  return { plan, f7, ...(order ? { order } : {}), issues, exitCode: partial ? 1 : 0 };
}
