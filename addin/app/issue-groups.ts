import type { Issue } from '../../core/issues';
import { parseAddress } from '../../core/forms/snapshot';

export interface IssueGroup {
  /** The sheet's name, or undefined for findings about the whole file or a record. */
  sheet?: string;
  issues: Issue[];
}

/** Findings grouped by sheet in the workbook's sheet order, whole-file findings first; errors before warnings. */
export function groupIssuesBySheet(issues: readonly Issue[], sheetOrder: readonly string[] = []): IssueGroup[] {
  const groups = new Map<string | undefined, Issue[]>();
  for (const issue of issues) {
    const loc = issue.location;
    const sheet = loc.kind === 'cell' || loc.kind === 'sheet' ? loc.sheet : loc.kind === 'record' ? loc.sheet : undefined;
    groups.set(sheet, [...(groups.get(sheet) ?? []), issue]);
  }
  const rank = (sheet: string | undefined): number => {
    if (sheet === undefined) return -1;
    const at = sheetOrder.indexOf(sheet);
    return at < 0 ? sheetOrder.length : at;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([sheet, list]) => ({
      sheet,
      issues: list
        .map((issue, order) => ({ issue, order }))
        .sort((a, b) => severityRank(a.issue) - severityRank(b.issue) || compareCells(a.issue, b.issue) || a.order - b.order)
        .map((x) => x.issue),
    }));
}

function severityRank(issue: Issue): number {
  return issue.severity === 'error' ? 0 : 1;
}

/** Row-major order of cell findings, so the list reads like the sheet. */
function compareCells(a: Issue, b: Issue): number {
  return cellOrder(a) - cellOrder(b);
}

function cellOrder(issue: Issue): number {
  const at = issue.location.kind === 'cell' ? parseAddress(issue.location.address) : undefined;
  return at ? at.row * 100_000 + at.col : 0;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const issue of issues) if (issue.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
