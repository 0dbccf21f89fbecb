/**
 * Documents made from data that a monitoring form also describes (an order approving the
 * distribution of ШНОР, F7) first get that form's checks: the curator cap, each ШНОР once, every
 * ШНОР assigned, the leader school not itself a ШНОР. The data rows are laid out as the form's
 * table at the rows and columns they occupy in the data workbook, so every finding names the real
 * cell of the sheet «Распределение».
 */
import { countOf, FINDING_FORMS } from '../format/numbers';
import { makeIssue, type Issue, type IssueLocation } from '../issues';
import { fullName } from '../format/names';
import type { Dataset, DistributionEntry } from '../model/schemas';
import type { CellValue } from '../workbook/cell-values';
import type { FormDefinition } from './definition';
import { buildReferenceData } from './reference-data';
import { cellAddress, parseAddress, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
import { validateForm } from './validate';

/** The cell each field of a data record came from (readDataWorkbook keeps them); absent for JSON data. */
export type RecordCells = WeakMap<object, Readonly<Record<string, string>>>;

export interface RelatedFindings {
  /** The form whose checks were run: «F7 — Распределение школ …». */
  form: string;
  issues: Issue[];
}

/** Which form's checks a template's data must pass: the order and the roadmap approve a distribution. */
const RELATED: Record<string, { form: string; kind: 'распределение' }> = {
  order: { form: 'F7', kind: 'распределение' },
  roadmap: { form: 'F7', kind: 'распределение' },
};

const DATA_SHEET = 'Распределение';
/** The data workbook's columns of «Распределение» (as its blank lays them out). */
const DEFAULT_COLUMNS = { year: 1, schoolId: 2, curatorId: 3, leaderSchoolId: 4 } as const;
const text = (s: string): CellValue => ({ kind: 'text', text: s });

function columnOf(address: string | undefined): number | undefined {
  return address ? parseAddress(address)?.col : undefined;
}

/** The years of the distributions the template's documents approve. */
function distributionYears(dataset: Dataset, template: string): number[] {
  const docs = new Map(dataset.documents.filter((d) => d.template === template).map((d) => [d.id, d]));
  const years = new Set<number>();
  for (const a of dataset.attachments) {
    const doc = docs.get(a.documentId);
    if (!doc || a.kind !== 'распределение') continue;
    const y = a.source && /^\d{4}$/.test(a.source.trim()) ? Number(a.source) : doc.year;
    if (y !== undefined) years.add(y);
  }
  return [...years].sort();
}

/** The F7 workbook a year's distribution rows make, at their own rows and columns. */
function distributionSnapshot(
  def: FormDefinition,
  dataset: Dataset,
  entries: readonly DistributionEntry[],
  year: number,
  cells?: RecordCells,
): { snapshot: WorkbookSnapshot; municipalityCol: number; schoolCol: number; byRow: Map<number, { entry: DistributionEntry; located: boolean }> } {
  const first = entries.map((e) => cells?.get(e)).find(Boolean);
  const col = {
    schoolId: columnOf(first?.['schoolId']) ?? DEFAULT_COLUMNS.schoolId,
    curatorId: columnOf(first?.['curatorId']) ?? DEFAULT_COLUMNS.curatorId,
    leaderSchoolId: columnOf(first?.['leaderSchoolId']) ?? DEFAULT_COLUMNS.leaderSchoolId,
  };
  const municipalityCol = Math.max(col.schoolId, col.curatorId, col.leaderSchoolId, DEFAULT_COLUMNS.leaderSchoolId) + 1;
  const header = (id: string): string => def.fields.find((f) => f.id === id)?.column ?? id;
  const rows: SheetSnapshot = { name: DATA_SHEET, hidden: false, merges: [], cells: {} };
  rows.cells[cellAddress(1, col.schoolId)] = text(header('school'));
  rows.cells[cellAddress(1, col.curatorId)] = text(header('curator'));
  rows.cells[cellAddress(1, col.leaderSchoolId)] = text(header('leader'));
  rows.cells[cellAddress(1, municipalityCol)] = text(header('municipality'));
  rows.cells[cellAddress(1, municipalityCol + 1)] = text(header('no'));
  const schools = new Map(dataset.schools.map((s) => [s.id, s]));
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const byRow = new Map<number, { entry: DistributionEntry; located: boolean }>();
  entries.forEach((e, i) => {
    const at = parseAddress(cells?.get(e)?.['schoolId'] ?? '')?.row;
    const row = at ?? i + 2;
    byRow.set(row, { entry: e, located: at !== undefined });
    const school = schools.get(e.schoolId);
    const curator = people.get(e.curatorId);
    rows.cells[cellAddress(row, col.schoolId)] = text(e.schoolId);
    rows.cells[cellAddress(row, col.curatorId)] = text(curator ? fullName(curator) : e.curatorId);
    if (e.leaderSchoolId) rows.cells[cellAddress(row, col.leaderSchoolId)] = text(e.leaderSchoolId);
    if (school) rows.cells[cellAddress(row, municipalityCol)] = text(school.municipalityId);
    rows.cells[cellAddress(row, municipalityCol + 1)] = text(String(i + 1));
  });
  const info: SheetSnapshot = {
    name: def.layouts.find((l) => l.kind === 'card')?.sheet ?? 'Сведения',
    hidden: false,
    merges: [],
    cells: {
      A1: text('№'),
      B1: text('Сведения'),
      C1: text('Значение'),
      A2: text('1'),
      B2: text('Год'),
      C2: { kind: 'number', value: year },
      A3: text('2'),
      B3: text('Муниципалитет'),
    },
  };
  return { snapshot: { sheets: [info, rows] }, municipalityCol, schoolCol: col.schoolId, byRow };
}

/**
 * The related form's findings on the data a template's documents are made from; none when the
 * template has no related form, or the form is not among `definitions`.
 */
export function relatedFormFindings(
  template: string,
  dataset: Dataset,
  definitions: readonly FormDefinition[],
  options: { file?: string; cells?: RecordCells } = {},
): RelatedFindings | undefined {
  const related = RELATED[template];
  if (!related) return undefined;
  const def = definitions.find((d) => d.id === related.form);
  if (!def) return undefined;
  const data = buildReferenceData(dataset);
  const issues: Issue[] = [];
  for (const year of distributionYears(dataset, template)) {
    const entries = dataset.distribution.filter((e) => e.year === year);
    const { snapshot, municipalityCol, schoolCol, byRow } = distributionSnapshot(def, dataset, entries, year, options.cells);
    const result = validateForm(def, snapshot, { file: options.file, data });
    for (const issue of result.issues) {
      const l = issue.location;
      if (l.kind === 'cell' && l.sheet === DATA_SHEET) {
        const p = parseAddress(l.address);
        const row = p ? byRow.get(p.row) : undefined;
        if (row && !row.located) {
          // Data without cells (JSON, the pane): the record is named by its year and school.
          const record = `${year}, ${data.schoolName(row.entry.schoolId) ?? row.entry.schoolId}`;
          issues.push({
            ...issue,
            location: { kind: 'record', ...(options.file ? { file: options.file } : {}), sheet: DATA_SHEET, record } as IssueLocation,
          });
          continue;
        }
        // The municipality and № columns are Kaskad's own: their findings belong to the school's cell.
        const address = p && p.col >= municipalityCol ? cellAddress(p.row, schoolCol) : l.address;
        issues.push({ ...issue, location: { ...l, address } as IssueLocation });
      } else if (l.kind === 'cell' || (l.kind === 'sheet' && l.sheet !== DATA_SHEET)) {
        continue; // the «Сведения» sheet is Kaskad's own too
      } else issues.push(issue);
    }
  }
  return { form: `${def.id} — ${def.title}`, issues };
}

/** Whether documents of this template get a related form's checks first. */
export function hasRelatedForm(template: string): boolean {
  return template in RELATED;
}

/**
 * What a run does with the related form's findings: without `allow` they block the documents
 * (errors, and a closing line saying so); with it they are listed as warnings and the documents are made.
 */
export function relatedFindingsVerdict(
  found: RelatedFindings | undefined,
  allow: boolean | 'pane',
  template: string,
): { block: boolean; issues: Issue[] } {
  if (!found || found.issues.length === 0) return { block: false, issues: [] };
  const count = countOf(found.issues.length, FINDING_FORMS);
  const where: IssueLocation = { kind: 'template', template };
  if (allow === 'pane') {
    return {
      block: false,
      issues: [
        ...found.issues.map((i) => ({ ...i, severity: 'warning' as const })),
        makeIssue('RELATED_FINDINGS_PANE', where, { form: found.form, count }, 'warning'),
      ],
    };
  }
  if (!allow) return { block: true, issues: [...found.issues, makeIssue('RELATED_FINDINGS_BLOCK', where, { form: found.form, count })] };
  return {
    block: false,
    issues: [
      ...found.issues.map((i) => ({ ...i, severity: 'warning' as const })),
      makeIssue('RELATED_FINDINGS_ALLOWED', where, { form: found.form, count }, 'warning'),
    ],
  };
}
