import { makeIssue, type Issue, type IssueLocation } from '../issues';
import type { FormDefinition } from '../forms/definition';
import { buildReferenceData } from '../forms/reference-data';
import type { WorkbookSnapshot } from '../forms/snapshot';
import { validateForm } from '../forms/validate';
import type { Value } from '../forms/values';
import type { Dataset, DistributionEntry } from '../model/schemas';
import type { FixedPair } from './types';

const text = (v: Value | undefined): string => (v === null || v === undefined || Array.isArray(v) ? '' : String(v).trim());
const column = (values: Record<string, Value>, id: string): Value[] => {
  const v = values[id];
  return Array.isArray(v) ? v : [];
};

/**
 * The rows of a filled F7 as pairs of codes, read through the form definition by field id: the
 * school by code or name (within the row's municipality when the name repeats), the curator by
 * ФИО or code, the leader school likewise. Rows that name nothing known are reported and skipped.
 */
export function pairsFromF7(
  def: FormDefinition,
  snapshot: WorkbookSnapshot,
  dataset: Dataset,
  file?: string,
): { pairs: FixedPair[]; issues: Issue[] } {
  const reference = buildReferenceData(dataset);
  const result = validateForm(def, snapshot, { file, data: reference });
  const issues: Issue[] = [];
  const schools = column(result.values, 'school');
  if (!def.fields.some((f) => f.id === 'school') || !Array.isArray(result.values.school)) {
    return { pairs: [], issues: [makeIssue('PLAN_FIXED_NOT_F7', file ? { kind: 'file', file } : { kind: 'sheet', sheet: 'Распределение' }, {})] };
  }
  const municipalities = column(result.values, 'municipality');
  const curators = column(result.values, 'curator');
  const leaders = column(result.values, 'leader');
  const cells = result.cells.school;
  const schoolIn = (name: string, municipality: string): string | undefined => {
    const direct = reference.schoolId(name);
    if (direct) return direct;
    const m = reference.municipalityId(municipality);
    const key = name
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[«»"']/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    const found = dataset.schools.filter(
      (s) =>
        s.municipalityId === m &&
        s.name
          .toLowerCase()
          .replace(/ё/g, 'е')
          .replace(/[«»"']/g, '')
          .replace(/\s+/g, ' ')
          .trim() === key,
    );
    return found.length === 1 ? found[0]!.id : undefined;
  };
  const pairs: FixedPair[] = [];
  schools.forEach((value, i) => {
    const name = text(value);
    if (!name) return;
    const cell = Array.isArray(cells) ? cells[i] : undefined;
    const location: IssueLocation = cell
      ? { kind: 'cell', ...(file ? { file } : {}), sheet: cell.sheet, address: cell.address }
      : { kind: 'record', record: name };
    const schoolId = schoolIn(name, text(municipalities[i]));
    if (!schoolId) {
      issues.push(makeIssue('PLAN_FIXED_UNKNOWN', location, { value: name }, 'warning'));
      return;
    }
    const curator = text(curators[i]);
    const leader = text(leaders[i]);
    const curatorId = curator ? reference.personId(curator) : undefined;
    const leaderSchoolId = leader ? schoolIn(leader, '') : undefined;
    if (curator && !curatorId) issues.push(makeIssue('PLAN_FIXED_UNKNOWN', location, { value: curator }, 'warning'));
    if (leader && !leaderSchoolId) issues.push(makeIssue('PLAN_FIXED_UNKNOWN', location, { value: leader }, 'warning'));
    if (!curatorId && !leaderSchoolId) return;
    pairs.push({ schoolId, ...(curatorId ? { curatorId } : {}), ...(leaderSchoolId ? { leaderSchoolId } : {}), location });
  });
  return { pairs, issues };
}

/** A filled F7's rows as the year's distribution, for the order's appendix. */
export function distributionFromF7(
  def: FormDefinition,
  snapshot: WorkbookSnapshot,
  dataset: Dataset,
  year: number,
  file?: string,
): { entries: DistributionEntry[]; issues: Issue[] } {
  const read = pairsFromF7(def, snapshot, dataset, file);
  const entries = read.pairs
    .filter((p) => p.curatorId)
    .map((p) => ({ year, schoolId: p.schoolId, curatorId: p.curatorId!, ...(p.leaderSchoolId ? { leaderSchoolId: p.leaderSchoolId } : {}) }));
  return { entries, issues: read.issues };
}
