import { planFileNames, safeFileName } from '../format/file-names';
import { hasErrors, makeIssue, type Issue } from '../issues';
import { undeclinedPeople } from '../format/undeclined';
import type { FormDefinition } from '../forms/definition';
import { hasRelatedForm, relatedFindingsVerdict, relatedFormFindings, type RecordCells } from '../forms/related-checks';
import type { Dataset } from '../model/schemas';
import { indexDataset } from '../render/contexts/dataset-index';
import { nothingLeft } from '../render/honest-counts';
import { instituteFindings } from '../render/profile-findings';
import { prepareTemplate, renderDocument, type PreparedTemplate, type RenderOptions } from '../render/render-docx';
import { planJobs, type PlanOptions, type RenderJob, type TemplateInfo } from '../render/template-catalog';
import { writeZip } from '../zip/write-zip';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_MIME = 'application/zip';

/** One document of a batch with its Windows-safe file name, unique within the batch. */
export interface BatchJob extends RenderJob {
  fileName: string;
}

/** What a template makes from the data, before anything is rendered. */
export type BatchPlan =
  | { ok: true; template: TemplateInfo; prepared: PreparedTemplate; jobs: BatchJob[]; issues: Issue[] }
  /**
   * The template is broken, or there is nothing to make (or a selected record is unknown): exit 2;
   * `blocked`: the data fails its related form's checks (a curator over the cap…): exit 1.
   */
  | { ok: false; blocked?: boolean; template: TemplateInfo; jobs: BatchJob[]; issues: Issue[] };

export interface BatchOptions extends PlanOptions {
  /** The template's name in messages (the id, or the user's file). */
  name?: string;
  /** Where the data came from, for the locations of its findings (file name, each record's cells). */
  source?: { file?: string; cells?: RecordCells };
  /**
   * Data a related form describes (the distribution an order approves) is checked by that form
   * first: its findings block the batch unless `allow` (then they are warnings); the pane shows them.
   */
  related?: { definitions: readonly FormDefinition[]; allow: boolean | 'pane' };
}

/**
 * Plans a batch — the use-case behind `kaskad generate` and the pane's «Документы»: the template is
 * prepared (its tag errors reported with the part), the records chosen (`select`), and each job
 * given its file name. `name` is the template's name in messages (the id, or the user's file).
 */
export function planBatch(template: TemplateInfo, templateBytes: Uint8Array, dataset: Dataset, options: BatchOptions = {}): BatchPlan {
  const prepared = prepareTemplate(templateBytes, options.name ?? template.id);
  if (!prepared.ok) return { ok: false, template, jobs: [], issues: prepared.issues };
  const plan = planJobs(template, indexDataset(dataset), options);
  const named = planFileNames(plan.jobs, '.docx');
  const jobs = plan.jobs.map((job, i) => ({ ...job, fileName: named.names[i]! }));
  // Records whose names coincide once made safe for Windows get «… (2)»: say which record got which.
  const used = new Set<number>();
  const fileOf = (record: string): string => {
    const at = jobs.findIndex((j, k) => !used.has(k) && j.record === record);
    used.add(at);
    return jobs[at]?.fileName ?? '';
  };
  const collisions = named.collisions.map((c) =>
    makeIssue(
      'FILE_NAME_COLLISION',
      { kind: 'record', template: options.name ?? template.id, record: c.records[0]! },
      {
        name: c.name,
        records: c.records.map((r) => `«${r}»`).join(', '),
        files: c.records.map((r) => `«${r}» — «${fileOf(r)}»`).join(', '),
      },
      'warning',
    ),
  );
  const issues = [...plan.issues, ...collisions];
  if (jobs.length === 0 || hasErrors(plan.issues)) return { ok: false, template, jobs, issues };
  // A person whose gender nothing tells stays undeclined — said, never silently.
  issues.push(...undeclinedPeople(dataset.people, options.source));
  issues.push(...instituteFindings(prepared.template.tags, jobs, dataset.organisations, options.source));
  if (options.related && hasRelatedForm(template.id)) {
    const found = relatedFormFindings(template, dataset, options.related.definitions, { ...options.source, select: options.select });
    const verdict = relatedFindingsVerdict(found, options.related.allow, template.id);
    issues.push(...verdict.issues);
    if (verdict.block) return { ok: false, blocked: true, template, jobs, issues };
  }
  return { ok: true, template, prepared: prepared.template, jobs, issues };
}

/** The name of a batch packed in one archive: «<template title> — документы.zip». */
export function batchArchiveName(template: TemplateInfo): string {
  return safeFileName(`${template.title} — документы`, '.zip', new Set());
}

/** One document of a plan, rendered in memory: the pane previews it and packs it. */
export interface PlannedDocument {
  record: string;
  fileName: string;
  bytes?: Uint8Array;
  /** Why it cannot be made: missing values, template errors. */
  issues: Issue[];
}

export interface DocumentPlan {
  template: TemplateInfo;
  documents: PlannedDocument[];
  /** Problems of the template or the selection as a whole. */
  issues: Issue[];
}

/** Renders every job of a plan in memory; a record with a missing value is listed with its tags and no bytes. */
export function renderBatch(plan: BatchPlan, options: RenderOptions = {}): DocumentPlan {
  if (!plan.ok) return { template: plan.template, documents: [], issues: plan.issues };
  const documents = plan.jobs.map((job): PlannedDocument => {
    const rendered = renderDocument(plan.prepared, job.data, job.record, options);
    return rendered.ok
      ? { record: job.record, fileName: job.fileName, bytes: rendered.bytes, issues: [] }
      : { record: job.record, fileName: job.fileName, issues: rendered.issues };
  });
  return { template: plan.template, documents, issues: plan.issues };
}

/**
 * planBatch then renderBatch: every document of a template from the data, in memory. `dataIssues`
 * are the data's own findings (rows left out): when they left none of the template's records, the
 * plan lists them and says so (NOTHING_LEFT), as `kaskad generate` does.
 */
export function planDocuments(
  dataset: Dataset,
  template: TemplateInfo,
  templateBytes: Uint8Array,
  options: RenderOptions & { definitions?: readonly FormDefinition[]; dataIssues?: readonly Issue[] } = {},
): DocumentPlan {
  const related = options.definitions ? { definitions: options.definitions, allow: 'pane' as const } : undefined;
  const batch = planBatch(template, templateBytes, dataset, { related });
  const dataIssues = options.dataIssues ?? [];
  const issues = nothingLeft(batch.issues, dataIssues, template.id);
  const left = issues.some((i) => i.code === 'NOTHING_LEFT');
  return renderBatch({ ...batch, issues: left ? [...dataIssues.filter((i) => i.severity === 'error'), ...issues] : issues }, options);
}

export interface PackedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

/** One document as it is; several in one zip named after the template. Undefined when nothing is ready. */
export function packDocuments(plan: DocumentPlan, records?: ReadonlySet<string>): PackedFile | undefined {
  const ready = plan.documents.filter((d) => d.bytes && (!records || records.has(d.record)));
  if (ready.length === 0) return undefined;
  if (ready.length === 1) {
    const only = ready[0]!;
    return { name: only.fileName, bytes: only.bytes!, mime: DOCX_MIME };
  }
  const zip = writeZip(ready.map((d) => ({ name: d.fileName, data: d.bytes!, compress: false })));
  return { name: batchArchiveName(plan.template), bytes: zip, mime: ZIP_MIME };
}
