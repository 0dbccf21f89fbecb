import type { Issue } from '../issues';
import type { Dataset, DistributionEntry, KaskadDocument } from '../model/schemas';
import { indexDataset } from '../render/contexts/dataset-index';
import { prepareTemplate, renderDocument } from '../render/render-docx';
import { findTemplate, planJobs } from '../render/template-catalog';

const ORDER_TEMPLATE = 'order';
const DATE_BLANK = '__.__.____';
const NUMBER_BLANK = '______';

const distributionYear = (source: string | undefined, doc: KaskadDocument): number | undefined =>
  source && /^\d{4}$/.test(source.trim()) ? Number(source) : doc.year;

/**
 * The data the order of the year is made from: the year's distribution replaced by `entries` (as
 * read from the planned F7), and the order that approves it — the data's own order for that year,
 * or one made from the latest order with a distribution appendix (the year moved on, date and
 * number left for the signing).
 */
export function orderDataset(dataset: Dataset, year: number, entries: readonly DistributionEntry[]): { dataset: Dataset; documentId?: string } {
  const distribution = [...dataset.distribution.filter((d) => d.year !== year), ...entries];
  const orders = dataset.documents.filter((d) => d.template === ORDER_TEMPLATE);
  const appendixOf = (doc: KaskadDocument) => dataset.attachments.find((a) => a.documentId === doc.id && a.kind === 'распределение');
  const own = orders.find((doc) => {
    const a = appendixOf(doc);
    return a !== undefined && distributionYear(a.source, doc) === year;
  });
  if (own) return { dataset: { ...dataset, distribution }, documentId: own.id };
  const latest = orders
    .filter((doc) => appendixOf(doc))
    .sort((a, b) => (distributionYear(appendixOf(b)?.source, b) ?? 0) - (distributionYear(appendixOf(a)?.source, a) ?? 0))[0];
  if (!latest) return { dataset: { ...dataset, distribution } };
  const before = String(distributionYear(appendixOf(latest)?.source, latest) ?? '');
  // Only «в 2024 году», «на 2024 год»: dates of other acts the text cites stay as they are.
  const pattern = before ? new RegExp(`(^|[\\s(«])(в|на)(\\s+)${before}(\\s+)(год[ау]?)`, 'g') : undefined;
  const moved = (text: string) => (pattern ? text.replace(pattern, `$1$2$3${year}$4$5`) : text);
  const id = `${latest.id}-${year}`;
  const { date: _date, number: _number, ...rest } = latest;
  const doc: KaskadDocument = { ...rest, id, year, ...(latest.subject ? { subject: moved(latest.subject) } : {}) };
  return {
    documentId: id,
    dataset: {
      ...dataset,
      distribution,
      documents: [...dataset.documents, doc],
      paragraphs: [
        ...dataset.paragraphs,
        ...dataset.paragraphs.filter((p) => p.documentId === latest.id).map((p) => ({ ...p, documentId: id, text: moved(p.text) })),
      ],
      attachments: [
        ...dataset.attachments,
        ...dataset.attachments
          .filter((a) => a.documentId === latest.id)
          .map((a) => ({
            ...a,
            documentId: id,
            title: moved(a.title),
            ...(a.kind === 'распределение' ? { source: String(year) } : {}),
          })),
      ],
    },
  };
}

/** A draft order has no date and number yet: blanks to fill at signing, in the body and the appendix stamps. */
function draftBlanks(data: object): object {
  const d = data as { date?: string; number?: string; attachments?: Array<Record<string, unknown>> };
  return {
    ...data,
    date: d.date ?? DATE_BLANK,
    number: d.number ?? NUMBER_BLANK,
    attachments: (d.attachments ?? []).map((a) => ({
      ...a,
      approvedDate: a.approvedDate ?? DATE_BLANK,
      approvedNumber: a.approvedNumber ?? NUMBER_BLANK,
    })),
  };
}

/** The order with the distribution appendix, made by the same template and data as `generate order`. */
export function renderPlanOrder(
  templateBytes: Uint8Array,
  dataset: Dataset,
  documentId: string,
): { bytes?: Uint8Array; fileBase?: string; issues: Issue[] } {
  const template = findTemplate(ORDER_TEMPLATE)!;
  const prepared = prepareTemplate(templateBytes, template.file);
  if (!prepared.ok) return { issues: prepared.issues };
  const plan = planJobs(template, indexDataset(dataset), { select: [documentId] });
  const job = plan.jobs[0];
  if (!job) return { issues: plan.issues };
  const rendered = renderDocument(prepared.template, draftBlanks(job.data), job.record);
  return rendered.ok ? { bytes: rendered.bytes, fileBase: job.fileBase, issues: plan.issues } : { issues: [...plan.issues, ...rendered.issues] };
}
