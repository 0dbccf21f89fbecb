/**
 * The distribution an order approves gets F7's checks: the curator cap, each ШНОР once, every
 * ШНОР assigned, the leader school not itself a ШНОР. The data rows are laid out as the form's
 * table at the rows and columns they occupy in the data workbook, so every finding (and a message
 * naming two cells) names the real cells of the sheet «Распределение».
 */
import type { Issue, IssueLocation } from '../issues';
import { fullName } from '../format/names';
import type { Dataset, DistributionEntry, KaskadDocument } from '../model/schemas';
import type { CellValue } from '../workbook/cell-values';
import type { FormDefinition } from './definition';
import { buildReferenceData } from './reference-data';
import type { RelatedOptions } from './related-layout';
import { cellAddress, parseAddress, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
import { validateForm } from './validate';

const DATA_SHEET = 'Распределение';
/** The data workbook's columns of «Распределение» (as its blank lays them out). */
const DEFAULT_COLUMNS = { year: 1, schoolId: 2, curatorId: 3, leaderSchoolId: 4 } as const;
const text = (s: string): CellValue => ({ kind: 'text', text: s });

function columnOf(address: string | undefined): number | undefined {
  return address ? parseAddress(address)?.col : undefined;
}

/** The years of the distributions the documents approve. */
function distributionYears(dataset: Dataset, documents: readonly KaskadDocument[]): number[] {
  const docs = new Map(documents.map((d) => [d.id, d]));
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
  cells?: RelatedOptions['cells'],
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
  // Rows of other years (or empty ones) between this year's keep the table going — it ends at its
  // first empty row — with only Kaskad's «№» filled; their findings are not this distribution's.
  const last = Math.max(1, ...byRow.keys());
  for (let r = 2; r < last; r++) if (!byRow.has(r)) rows.cells[cellAddress(r, municipalityCol + 1)] = text('—');
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

/** F7's findings on each distribution the documents approve (the years of their «распределение» attachments). */
export function distributionFindings(def: FormDefinition, dataset: Dataset, documents: readonly KaskadDocument[], options: RelatedOptions): Issue[] {
  const data = buildReferenceData(dataset);
  const issues: Issue[] = [];
  for (const year of distributionYears(dataset, documents)) {
    const entries = dataset.distribution.filter((e) => e.year === year);
    const { snapshot, municipalityCol, schoolCol, byRow } = distributionSnapshot(def, dataset, entries, year, options.cells);
    const result = validateForm(def, snapshot, { file: options.file, data });
    for (const issue of result.issues) {
      const l = issue.location;
      if (l.kind === 'cell' && l.sheet === DATA_SHEET) {
        const p = parseAddress(l.address);
        const row = p ? byRow.get(p.row) : undefined;
        if (p && p.row > 1 && !row) continue; // a row of another year, laid only to keep the table going
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
  return issues;
}
