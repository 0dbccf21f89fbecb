import { access } from 'node:fs/promises';
import * as path from 'node:path';
import loadHighs from 'highs';
import { makeIssue, type Issue } from '../core/issues';
import type { FormDefinition } from '../core/forms/definition';
import { readSnapshot } from '../core/forms/snapshot';
import { makeDistribution, pairsFromF7, type LpSolver, type Plan } from '../core/planner';
import { plannableYears } from '../core/planner/years';
import type { Dataset } from '../core/model/schemas';
import { openWorkbook } from '../core/workbook/open-workbook';
import { loadDefinitions } from './forms/load-definitions';
import { writeFileAtomic } from './io/output';
import { readInput } from './io/read-input';
import { loadDataset } from './load-dataset';
import { templatesDir } from './templates-dir';

export interface PlanRequest {
  data: string;
  /** Absent: the newest year with ШНОР on «Списки школ». */
  year?: number;
  out: string;
  keepLastYear?: boolean;
  /** An F7 whose filled rows are kept as they are. */
  fixed?: string;
  force?: boolean;
}

export interface PlanRun {
  exitCode: 0 | 1 | 2;
  /** The year planned; `chosen` when it was not asked for and the newest was taken. */
  year?: { value: number; chosen: boolean };
  plan?: Plan;
  written: string[];
  issues: Issue[];
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

let solver: Promise<LpSolver> | undefined;
/** HiGHS (WebAssembly) is loaded once per process, on first use. */
export function nodeSolver(): Promise<LpSolver> {
  solver ??= loadHighs();
  return solver;
}

/** The F7 definition for the year: the latest version not newer than the year, else the oldest. */
export function f7For(definitions: readonly FormDefinition[], year: number): FormDefinition | undefined {
  const f7 = definitions.filter((d) => d.id === 'F7').sort((a, b) => a.version - b.version);
  return f7.filter((d) => d.version <= year).pop() ?? f7[0];
}

/** The order goes beside the F7: «распределение.xlsx» → «распределение — приказ.docx». */
export function orderPath(out: string): string {
  return path.join(path.dirname(out), `${path.basename(out, path.extname(out))} — приказ.docx`);
}

/** `kaskad plan`: read the data (and a fixed F7), plan, write the F7 and the order, nothing half-written. */
export async function runPlan(request: PlanRequest): Promise<PlanRun> {
  const issues: Issue[] = [];
  const loaded = await loadDataset(request.data);
  issues.push(...loaded.issues);
  if (!loaded.dataset) return { exitCode: 2, written: [], issues };
  const newest = plannableYears(loaded.dataset)[0];
  if (request.year === undefined && newest === undefined) {
    return { exitCode: 2, written: [], issues: [...issues, makeIssue('PLAN_NO_SHNOR_ANY_YEAR', { kind: 'sheet', sheet: 'Списки школ' }, {})] };
  }
  const year = { value: request.year ?? newest!, chosen: request.year === undefined };
  const planned = await planYear({ ...request, year: year.value }, loaded.dataset, issues);
  return { ...planned, year };
}

/** The plan of one year: the F7 definition of that year, the fixed pairs, the solve, both files written or neither. */
async function planYear(request: PlanRequest & { year: number }, dataset: Dataset, issues: Issue[]): Promise<PlanRun> {
  const definitions = await loadDefinitions();
  issues.push(...definitions.issues);
  const definition = f7For(definitions.definitions, request.year);
  if (!definition) return { exitCode: 2, written: [], issues: [...issues, makeIssue('PLAN_NO_F7', { kind: 'file', file: 'F7' }, {})] };

  const fixed = [];
  if (request.fixed) {
    const read = await readInput(request.fixed);
    if (!read.ok) return { exitCode: 2, written: [], issues: [...issues, ...read.issues] };
    const opened = await openWorkbook(read.bytes, read.name);
    if (!opened.ok) return { exitCode: 2, written: [], issues: [...issues, ...opened.issues] };
    const pairs = pairsFromF7(definition, readSnapshot(opened.workbook), dataset, read.name);
    issues.push(...pairs.issues);
    if (pairs.issues.some((i) => i.code === 'PLAN_FIXED_NOT_F7')) return { exitCode: 2, written: [], issues };
    fixed.push(...pairs.pairs);
  }

  const template = await readInput(path.join(templatesDir(), 'documents', 'order.docx'));
  if (!template.ok) issues.push(...template.issues);
  const made = await makeDistribution({
    dataset: dataset,
    definition,
    solver: await nodeSolver(),
    options: { year: request.year, keepLastYear: request.keepLastYear, fixed },
    ...(template.ok ? { orderTemplate: template.bytes } : {}),
  });
  issues.push(...made.issues);
  if (made.exitCode === 2) return { exitCode: 2, plan: made.plan, written: [], issues };
  if (!made.order) issues.push(makeIssue('PLAN_NO_ORDER', { kind: 'file', file: path.basename(request.data) }, {}, 'warning'));

  const targets: Array<[string, Uint8Array]> = [
    [request.out, made.f7],
    ...(made.order ? [[orderPath(request.out), made.order.bytes] as [string, Uint8Array]] : []),
  ];
  const written: string[] = [];
  if (!request.force) {
    // Both or neither: an existing order must not leave a new F7 beside it.
    for (const [file] of targets) {
      if (await exists(file))
        return { exitCode: 2, plan: made.plan, written, issues: [...issues, makeIssue('OUTPUT_EXISTS', { kind: 'file', file }, { file })] };
    }
  }
  for (const [file, bytes] of targets) {
    const issue = await writeFileAtomic(file, bytes, { force: request.force });
    if (issue) return { exitCode: 2, plan: made.plan, written, issues: [...issues, issue] };
    written.push(file);
  }
  return { exitCode: made.exitCode, plan: made.plan, written, issues };
}
