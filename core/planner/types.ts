import type { Issue, IssueLocation } from '../issues';

/**
 * The solver the planner is given: HiGHS's one-shot API (`highs` in Node, the lazily loaded
 * chunk in the page) or anything that reads CPLEX LP text the same way. Core never loads it.
 */
export interface LpSolution {
  Status: string;
  ObjectiveValue: number;
  /** Column results by name; a solved column has a numeric `Primal`. */
  Columns: Record<string, object>;
}

export function primalOf(solution: LpSolution, name: string): number {
  const column = solution.Columns[name] as { Primal?: unknown } | undefined;
  return typeof column?.Primal === 'number' ? column.Primal : Number.NaN;
}

export interface LpSolver {
  solve(problem: string, options?: { time_limit?: number; mip_rel_gap?: number; output_flag?: boolean }): LpSolution;
}

/** A pair decided by hand: a row of «Распределение» marked «закреплено» or a row of a given F7. */
export interface FixedPair {
  schoolId: string;
  curatorId?: string;
  leaderSchoolId?: string;
  location: IssueLocation;
}

export interface PlanOptions {
  year: number;
  /** Last year's pairs are kept wherever caps allow (otherwise they are a mild preference). */
  keepLastYear?: boolean;
  /** Pairs from a given F7, on top of the rows marked «закреплено». */
  fixed?: readonly FixedPair[];
  /** The F7 form's own cap per curator (its `curator_cap` parameter): no curator gets more. */
  formCuratorCap?: number;
  /** Passed to the solver; the plan is still the best found when it is reached. */
  timeLimitSeconds?: number;
}

export interface PlanSchool {
  id: string;
  municipalityId: string;
  lastCuratorId?: string;
  lastLeaderId?: string;
  fixedCuratorId?: string;
  fixedLeaderId?: string;
}

export interface PlanCurator {
  id: string;
  cap: number;
  /** Municipalities the curator may take; undefined — any. */
  covers?: ReadonlySet<string>;
  /** Not a curator by role: named only in a fixed pair, so takes nothing more. */
  fixedOnly?: boolean;
}

export interface PlanLeader {
  id: string;
  municipalityId: string;
  cap: number;
}

/** The assignment problem, read from the data: what the solver sees, before costs. */
export interface PlanInstance {
  year: number;
  keepLastYear: boolean;
  schools: PlanSchool[];
  curators: PlanCurator[];
  leaders: PlanLeader[];
  /** Municipality → its neighbours (symmetric). */
  neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  municipalityIds: string[];
  /** Names for messages; codes when absent. */
  names?: { school(id: string): string; municipality(id: string): string; person(id: string): string };
}

export type CuratorReason = 'fixed' | 'kept' | 'only' | 'shared' | 'none';
export type LeaderReason = 'fixed' | 'kept' | 'same' | 'neighbour' | 'nearest' | 'none';

export interface PlannedPair {
  schoolId: string;
  municipalityId: string;
  curatorId?: string;
  leaderSchoolId?: string;
  curatorReason: CuratorReason;
  leaderReason: LeaderReason;
}

export interface SolverRun {
  /** HiGHS's status of each sub-problem: «Optimal», «Time limit reached»… */
  status: string;
  objective: number;
  /** When the solver stopped before proving optimality: the LP relaxation's bound and the relative gap to it. */
  bound?: number;
  gap?: number;
  variables: number;
  constraints: number;
  ms: number;
}

export interface PlanSummary {
  shnor: number;
  withCurator: number;
  withLeader: number;
  /** Pairs (school → curator, school → leader) that are last year's. */
  keptCurators: number;
  keptLeaders: number;
  /** ШНОР whose leader school is in another municipality. */
  crossMunicipality: number;
  curatorLoads: Array<{ id: string; load: number; cap: number; municipalities: number }>;
  leaderLoads: Array<{ id: string; load: number; cap: number }>;
  /** Municipalities with more than one curator. */
  sharedMunicipalities: number;
  unassignedCurator: string[];
  unassignedLeader: string[];
}

export interface Plan {
  year: number;
  pairs: PlannedPair[];
  summary: PlanSummary;
  runs: { curators?: SolverRun; leaders?: SolverRun };
  issues: Issue[];
}
