/**
 * Documents made from data that a monitoring form also describes first get that form's checks:
 * the distribution an order approves — F7, the roadmap an order or a roadmap document approves —
 * F3, a school's technology card — F2. Each finding names the cell of the data workbook (or the
 * record, for data without cells). Letters, the seminar letter and the mailing show no data a form
 * describes, and get none.
 */
import { countOf, FINDING_FORMS } from '../format/numbers';
import { makeIssue, type Issue, type IssueLocation } from '../issues';
import type { Dataset, KaskadDocument } from '../model/schemas';
import type { FormDefinition } from './definition';
import { distributionFindings } from './related-distribution';
import { definitionFor, type RelatedOptions } from './related-layout';
import { roadmapFindings } from './related-roadmap';
import { techCardFindings } from './related-tech-card';

export type { RecordCells } from './related-layout';

export interface RelatedFindings {
  /** The form whose checks were run: «F7 — Распределение школ …». */
  form: string;
  issues: Issue[];
}

type Checker = (
  def: FormDefinition,
  dataset: Dataset,
  documents: readonly KaskadDocument[],
  options: RelatedOptions & { select?: readonly string[] },
) => Issue[];

/** Which forms' checks a template's data must pass, in this order. */
const RELATED: Record<string, ReadonlyArray<{ form: string; check: Checker }>> = {
  order: [
    { form: 'F7', check: distributionFindings },
    { form: 'F3', check: roadmapFindings },
  ],
  roadmap: [
    { form: 'F7', check: distributionFindings },
    { form: 'F3', check: roadmapFindings },
  ],
  'tech-card': [{ form: 'F2', check: techCardFindings }],
};

/**
 * The related forms' findings on the data a template's documents are made from (only the documents
 * — or, made per school, the schools — `select` names); a form not among `definitions` is skipped.
 */
export function relatedFormFindings(
  template: { id: string; each: string },
  dataset: Dataset,
  definitions: readonly FormDefinition[],
  options: RelatedOptions & { select?: readonly string[] } = {},
): RelatedFindings[] {
  const perDocument = template.each === 'document' && options.select ? new Set(options.select) : undefined;
  const documents = dataset.documents.filter((d) => d.template === template.id && (!perDocument || perDocument.has(d.id)));
  const year = documents.find((d) => d.year !== undefined)?.year;
  const found: RelatedFindings[] = [];
  for (const { form, check } of RELATED[template.id] ?? []) {
    const def = definitionFor(definitions, form, year);
    if (!def) continue;
    const select = template.each === 'school' ? options.select : undefined;
    found.push({ form: `${def.id} — ${def.title}`, issues: check(def, dataset, documents, { ...options, select }) });
  }
  return found;
}

/** Whether documents of this template get a related form's checks first. */
export function hasRelatedForm(template: string): boolean {
  return template in RELATED;
}

/**
 * What a run does with the related forms' findings: without `allow` they block the documents
 * (errors, and a closing line per form saying so); with it they are listed as warnings and the
 * documents are made; in the pane they are shown as warnings above the documents.
 */
export function relatedFindingsVerdict(
  found: readonly RelatedFindings[],
  allow: boolean | 'pane',
  template: string,
): { block: boolean; issues: Issue[] } {
  const where: IssueLocation = { kind: 'template', template };
  const issues: Issue[] = [];
  let block = false;
  for (const f of found) {
    if (f.issues.length === 0) continue;
    const params = { form: f.form, count: countOf(f.issues.length, FINDING_FORMS) };
    if (allow === false) {
      block = true;
      issues.push(...f.issues, makeIssue('RELATED_FINDINGS_BLOCK', where, params));
    } else {
      issues.push(
        ...f.issues.map((i) => ({ ...i, severity: 'warning' as const })),
        makeIssue(allow === 'pane' ? 'RELATED_FINDINGS_PANE' : 'RELATED_FINDINGS_ALLOWED', where, params, 'warning'),
      );
    }
  }
  return { block, issues };
}
