import { makeIssue, type Issue, type IssueLocation } from '../issues';
import type { Organisation } from '../model/schemas';
import { DATA_SHEETS } from '../workbook/data-sheets';
import { INSTITUTE_FALLBACK } from './contexts/common';

const INSTITUTE_TAG = 'org.instituteGenitive';

/**
 * A template that prints «На уровне {org.instituteGenitive}» (the technology card) for an
 * organisation whose profile names no institute: the column says «На уровне института», and one
 * warning per organisation names the profile's cell (or the sheet, when the column is missing).
 */
export function instituteFindings(
  tags: readonly string[],
  jobs: ReadonlyArray<{ organisationId?: string }>,
  organisations: readonly Organisation[],
  source: { file?: string; cells?: WeakMap<object, Readonly<Record<string, string>>> } = {},
): Issue[] {
  if (!tags.includes(INSTITUTE_TAG)) return [];
  const spec = DATA_SHEETS.find((s) => s.collection === 'organisations')!;
  const header = spec.columns.find((c) => c.key === 'instituteGenitive')!.header;
  const file = source.file ? { file: source.file } : {};
  const ids = new Set(jobs.map((j) => j.organisationId));
  return organisations
    .filter((org) => ids.has(org.id) && !org.instituteGenitive?.trim())
    .map((org) => {
      const address = source.cells?.get(org)?.['instituteGenitive'];
      const location: IssueLocation = address ? { kind: 'cell', ...file, sheet: spec.sheet, address } : { kind: 'sheet', ...file, sheet: spec.sheet };
      return makeIssue('INSTITUTE_NAME_MISSING', location, { organisation: org.id, header, fallback: INSTITUTE_FALLBACK }, 'warning');
    });
}
