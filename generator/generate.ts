import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { hasErrors, makeIssue, type Issue } from '../core/issues';
import { renderDocument, type PreparedTemplate, type Rendered } from '../core/render/render-docx';
import { EACH_KINDS, findTemplate, TEMPLATES, type Each, type RenderJob, type TemplateInfo } from '../core/render/template-catalog';
import { batchArchiveName, planBatch, type BatchPlan } from '../core/usecases/plan-documents';
import { writeZip } from '../core/zip/write-zip';
import { formatW3cdtf } from '../core/format/dates';
import { safeFileName } from '../core/format/file-names';
import { openOutput, writeFileAtomic, type OutputBatch } from './io/output';
import { appendixStarts, convertToPdf, mergePdfs } from './io/pdf';
import { appendixSheets, withAppendixSheets } from '../core/render/appendix-pages';
import { readInput } from './io/read-input';
import { loadDataset } from './load-dataset';
import { hasRelatedForm } from '../core/forms/related-checks';
import { loadDefinitions } from './forms/load-definitions';
import { nothingLeft } from '../core/render/honest-counts';
import { openRenderPool } from './render-pool';
import { templatesDir } from './templates-dir';

export interface GenerateRequest {
  /** A template id (`letter`, `mailing`…) or the path of a user's .docx with the same tags. */
  template: string;
  data: string;
  outDir: string;
  /** For a user's .docx: what one document is made for (default: document). */
  each?: Each;
  /** For a user's .docx: whose data it gets (default: letter, mailing or tech-card by `each`). */
  like?: string;
  select?: readonly string[];
  zip?: boolean;
  pdf?: boolean;
  /** With `pdf`: also one PDF of the whole batch, the documents in order (to print and sign). */
  merge?: boolean;
  force?: boolean;
  /** Make the documents even when the data fails its related form's checks (they are listed). */
  allowFindings?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** The documents' created/modified time (W3CDTF); by default the clock when the batch starts. */
  generatedAt?: string;
}

/** The clock, read here at the edge, as docProps/core.xml writes it. */
export function generationTime(): string {
  return formatW3cdtf(new Date());
}

export interface SkippedRecord {
  record: string;
  issues: Issue[];
}

export interface GenerateResult {
  /** 0 all made; 1 some records failed (the rest written); 2 bad usage or unreadable input. */
  exitCode: 0 | 1 | 2;
  made: string[];
  /** With --zip: how many documents the archive holds. */
  zipped?: number;
  skipped: SkippedRecord[];
  /** Problems not tied to one output: bad cells of the data, unknown template, PDF. */
  issues: Issue[];
  /** The one PDF of the batch (--merge), also listed in `made`. */
  merged?: string;
  ms: number;
}

const DEFAULT_LIKE: Record<Each, string> = { document: 'letter', municipality: 'mailing', school: 'tech-card' };
const nodeDeflate = (data: Uint8Array) => deflateRawSync(data, { level: 6 });
/** From this many documents on, rendering goes to worker threads (starting them costs ~100 ms). */
const POOL_THRESHOLD = 50;

/** Which template info a request means, and its bytes. */
async function resolveTemplate(request: GenerateRequest): Promise<{ info?: TemplateInfo; bytes?: Uint8Array; name: string; issues: Issue[] }> {
  const known = TEMPLATES.map((t) => t.id).join(', ');
  const builtIn = findTemplate(request.template);
  if (builtIn) {
    if (request.each && request.each !== builtIn.each) {
      return {
        name: builtIn.id,
        issues: [
          makeIssue(
            'EACH_UNSUPPORTED',
            { kind: 'template', template: builtIn.id },
            { template: builtIn.id, each: request.each, allowed: builtIn.each },
          ),
        ],
      };
    }
    const read = await readInput(path.join(templatesDir(), 'documents', builtIn.file));
    return read.ok ? { info: builtIn, bytes: read.bytes, name: builtIn.id, issues: [] } : { name: builtIn.id, issues: read.issues };
  }
  if (!/\.docx$/i.test(request.template)) {
    return {
      name: request.template,
      issues: [makeIssue('TEMPLATE_UNKNOWN', { kind: 'template', template: request.template }, { id: request.template, known })],
    };
  }
  const each = request.each ?? 'document';
  const like = findTemplate(request.like ?? DEFAULT_LIKE[each]);
  if (!like) {
    return {
      name: request.template,
      issues: [makeIssue('TEMPLATE_UNKNOWN', { kind: 'template', template: request.like ?? '' }, { id: request.like ?? '', known })],
    };
  }
  if (like.each !== each) {
    return {
      name: request.template,
      issues: [makeIssue('EACH_UNSUPPORTED', { kind: 'template', template: like.id }, { template: like.id, each, allowed: like.each })],
    };
  }
  const read = await readInput(request.template);
  const name = path.basename(request.template);
  return read.ok
    ? { info: { ...like, id: like.id, file: name, title: name.replace(/\.docx$/i, '') }, bytes: read.bytes, name, issues: [] }
    : { name, issues: read.issues };
}

/**
 * Makes documents from a template and the data: every good record gives a document, every bad
 * one is skipped with its reasons, and nothing that exists is overwritten without `force`.
 * For a user's .docx, the documents are those whose «Шаблон» names the template it is `like`.
 */
export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  const started = Date.now();
  const result: GenerateResult = { exitCode: 0, made: [], skipped: [], issues: [], ms: 0 };
  const finish = (exitCode: 0 | 1 | 2) => ({ ...result, exitCode, ms: Date.now() - started });
  if (request.each && !EACH_KINDS.includes(request.each)) {
    result.issues.push(makeIssue('EACH_UNKNOWN', { kind: 'template', template: request.template }, { value: String(request.each) }));
    return finish(2);
  }

  const [template, loaded] = await Promise.all([resolveTemplate(request), loadDataset(request.data)]);
  result.issues.push(...template.issues, ...loaded.issues);
  if (!template.info || !template.bytes || !loaded.dataset) return finish(2);
  if (request.merge && (!request.pdf || request.zip)) {
    result.issues.push(makeIssue('MERGE_NEEDS_PDF', { kind: 'template', template: template.name }, {}));
    return finish(2);
  }
  const related = hasRelatedForm(template.info.id)
    ? { definitions: (await loadDefinitions()).definitions, allow: Boolean(request.allowFindings) }
    : undefined;
  const plan = planBatch(template.info, template.bytes, loaded.dataset, {
    select: request.select,
    name: template.name,
    related,
    source: { file: path.basename(request.data), cells: loaded.cells },
  });
  result.issues.push(...nothingLeft(plan.issues, loaded.issues, template.info.id));
  if (!plan.ok) return finish(plan.blocked ? 1 : 2);

  const stamped = { ...request, generatedAt: request.generatedAt ?? generationTime() };
  const made = await writeJobs(plan, template.bytes, stamped, result);
  if (made === undefined) return finish(2);
  result.made = made;
  if (request.pdf && !request.zip && made.length > 0) {
    const pdf = await convertToPdf(made, request.outDir, { force: request.force });
    result.issues.push(...pdf.issues);
    result.issues.push(...(await countAppendixSheets(plan, made, pdf.made, stamped)));
    result.made.push(...pdf.made);
    if (request.merge && pdf.made.length > 0) {
      // In the batch's order: the PDF of each .docx, as convertToPdf named it.
      const byBase = new Map(pdf.made.map((f) => [path.basename(f, '.pdf'), f]));
      const ordered = made.map((f) => byBase.get(path.basename(f, '.docx'))).filter((f): f is string => f !== undefined);
      const title = template.info.fileTitle ?? template.info.title;
      const out = path.join(
        request.outDir,
        safeFileName(`${title} — все документы одним файлом`, '.pdf', new Set(made.map((f) => path.basename(f).toLowerCase()))),
      );
      const merged = await mergePdfs(ordered, out, { force: request.force });
      result.issues.push(...merged.issues);
      if (merged.written) result.made.push(merged.written);
      result.merged = merged.written;
    }
  }
  const failed = result.skipped.length > 0 || hasErrors(result.issues);
  return finish(failed ? 1 : 0);
}

/**
 * «Приложение: 1. … на N л. в 1 экз.» with the sheets each appendix took in LibreOffice's PDF
 * (where the data gives no count): the letters whose appendices are in the same document are
 * rendered again with the counts and converted again; the PDFs keep their names.
 */
async function countAppendixSheets(
  plan: BatchPlan & { ok: true },
  made: readonly string[],
  pdfs: readonly string[],
  request: GenerateRequest,
): Promise<Issue[]> {
  const jobByName = new Map(plan.jobs.map((job) => [job.fileName, job]));
  const pdfByBase = new Map(pdfs.map((f) => [path.basename(f, '.pdf'), f]));
  const redo: string[] = [];
  const issues: Issue[] = [];
  for (const docx of made) {
    const job = jobByName.get(path.basename(docx));
    const pdf = pdfByBase.get(path.basename(docx, '.docx'));
    if (!job || !pdf) continue;
    const found = await appendixStarts(pdf);
    const sheets = found && appendixSheets(found.starts, found.pages);
    const data = sheets && withAppendixSheets(job.data, sheets);
    if (!data) continue;
    const rendered = renderDocument(plan.prepared, data, job.record, { deflateRaw: nodeDeflate, generatedAt: request.generatedAt });
    if (!rendered.ok) continue;
    const failure = await writeFileAtomic(docx, rendered.bytes, { force: true });
    if (failure) issues.push(failure);
    else redo.push(docx);
  }
  if (redo.length > 0) issues.push(...(await convertToPdf(redo, request.outDir, { force: true })).issues);
  return issues;
}

async function writeJobs(
  plan: BatchPlan & { ok: true },
  templateBytes: Uint8Array,
  request: GenerateRequest,
  result: GenerateResult,
): Promise<string[] | undefined> {
  const { prepared: template, jobs } = plan;
  const names = jobs.map((job) => job.fileName);
  const zipEntries: Array<{ name: string; data: Uint8Array; compress: boolean }> = [];
  const opened = request.zip ? undefined : await openOutput(request.outDir, { force: request.force });
  if (opened && !opened.ok) {
    result.issues.push(...opened.issues);
    return undefined;
  }
  if (opened?.ok) result.issues.push(...opened.notices);
  const output = opened?.output;
  const renderer =
    jobs.length >= POOL_THRESHOLD
      ? await pooledRenderer(template, templateBytes, jobs, names, output, request.generatedAt)
      : inlineRenderer(template, output, request.generatedAt);
  try {
    for (const [index, job] of jobs.entries()) {
      const name = names[index]!;
      const conflict = await renderer.conflict(index, name);
      const rendered = conflict ? undefined : await renderer.render(job);
      if (conflict) result.skipped.push({ record: job.record, issues: [conflict] });
      else if (rendered && !rendered.ok) result.skipped.push({ record: job.record, issues: rendered.issues });
      else if (rendered?.ok) {
        if (output) {
          const failure = await output.write(name, rendered.bytes);
          if (failure) result.skipped.push({ record: job.record, issues: [failure] });
        } else zipEntries.push({ name, data: rendered.bytes, compress: false });
      }
      request.onProgress?.(index + 1, jobs.length);
    }
  } finally {
    await renderer.close();
  }
  if (output) {
    const committed = await output.commit();
    result.issues.push(...committed.issues);
    return committed.written;
  }
  if (zipEntries.length === 0) return [];
  result.zipped = zipEntries.length;
  const zipPath = path.join(request.outDir, batchArchiveName(plan.template));
  const failure = await writeFileAtomic(zipPath, writeZip(zipEntries), { force: request.force });
  if (failure) {
    result.issues.push(failure);
    return [];
  }
  return [zipPath];
}

/** Renders the jobs one by one, in order; `conflict` is asked just before `render` of the same job. */
interface JobRenderer {
  conflict(index: number, name: string): Promise<Issue | undefined>;
  render(job: RenderJob): Promise<Rendered>;
  close(): Promise<void>;
}

function inlineRenderer(template: PreparedTemplate, output: OutputBatch | undefined, generatedAt?: string): JobRenderer {
  return {
    conflict: async (_, name) => output?.conflict(name),
    render: async (job) => renderDocument(template, job.data, job.record, { deflateRaw: nodeDeflate, generatedAt }),
    close: async () => undefined,
  };
}

/**
 * Renders on worker threads, ahead of the writing. Conflicts are looked up first — the batch
 * writes into a hidden folder, so they cannot change meanwhile — and only the jobs without one
 * are rendered; their results arrive in job order.
 */
async function pooledRenderer(
  template: PreparedTemplate,
  templateBytes: Uint8Array,
  jobs: readonly RenderJob[],
  names: readonly string[],
  output: OutputBatch | undefined,
  generatedAt?: string,
): Promise<JobRenderer> {
  const conflicts = await Promise.all(names.map((name) => output?.conflict(name)));
  const pool = openRenderPool(templateBytes, template.name, { generatedAt });
  const results = pool.render(jobs.filter((_, index) => !conflicts[index]));
  return {
    conflict: async (index) => conflicts[index],
    async render() {
      const next = await results.next();
      if (next.done) throw new Error('the render pool returned fewer documents than it was given');
      return next.value;
    },
    async close() {
      await results.return();
      await pool.close();
    },
  };
}
