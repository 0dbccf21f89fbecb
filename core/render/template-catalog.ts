import { formatDateNumeric } from '../format/dates';
import { compareNatural, sortNatural } from '../format/natural-sort';
import { makeIssue, type Issue } from '../issues';
import type { KaskadDocument } from '../model/schemas';
import { attachmentsContext } from './contexts/attachments';
import { documentBase } from './contexts/common';
import type { DatasetIndex } from './contexts/dataset-index';
import type { TemplateInfo } from './template-list';
import { mailingContext } from './contexts/mailing';
import { seminarLetterContext } from './contexts/seminar';
import { techCardContext } from './contexts/tech-card';

export { EACH_KINDS, TEMPLATES, findTemplate, type Each, type TemplateInfo } from './template-list';

/** One document to make: the record's name for messages, a file name base and the template data. */
export interface RenderJob {
  record: string;
  fileBase: string;
  data: object;
  /** The organisation whose profile the document prints (the document row's «Организация»). */
  organisationId?: string;
}

/** Template data for one document row (letters, orders, roadmaps). */
function documentData(index: DatasetIndex, doc: KaskadDocument, like: string): object {
  const attachments = attachmentsContext(index, doc);
  if (like === 'seminar-letter') return { ...seminarLetterContext(index, doc), attachments };
  return { ...documentBase(index, doc), attachments };
}

function documentTitle(doc: KaskadDocument): string {
  const kind = { письмо: 'Письмо', приказ: 'Приказ', справка: 'Справка' }[doc.kind];
  const number = doc.number ? ` № ${doc.number}` : '';
  const date = doc.date ? ` от ${formatDateNumeric(doc.date)}` : '';
  return `${kind}${number}${date}`;
}

export interface PlanOptions {
  /** Ids to make: document ids (each document), municipality ids or school ids. */
  select?: readonly string[];
  /** Which documents: by default those whose «Шаблон» is the template's id. */
  documentIds?: readonly string[];
}

/**
 * Plans the documents a template makes from the data: document rows naming it, times each
 * municipality or school where the template is made per municipality or per school.
 */
export function planJobs(template: TemplateInfo, index: DatasetIndex, options: PlanOptions = {}): { jobs: RenderJob[]; issues: Issue[] } {
  const issues: Issue[] = [];
  if (template.fromSvod)
    return { jobs: [], issues: [makeIssue('TEMPLATE_NEEDS_SVOD', { kind: 'template', template: template.id }, { template: template.id })] };
  const docs = index.dataset.documents.filter((d) => (options.documentIds ? options.documentIds.includes(d.id) : d.template === template.id));
  const wanted = options.select ? new Set(options.select) : undefined;
  const jobs: RenderJob[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (template.each === 'document') {
      if (wanted && !wanted.has(doc.id)) continue;
      seen.add(doc.id);
      const title = documentTitle(doc);
      jobs.push({
        record: doc.id,
        fileBase: template.fileTitle ? `${template.fileTitle} (${title})` : title,
        data: documentData(index, doc, template.id),
        organisationId: doc.organisationId,
      });
    } else if (template.each === 'municipality') {
      for (const m of sortNatural(index.dataset.municipalities, (x) => x.name)) {
        if (wanted && !wanted.has(m.id)) continue;
        seen.add(m.id);
        jobs.push({
          record: `${doc.id} / ${m.name}`,
          fileBase: `${documentTitle(doc)} — ${m.name}`,
          data: mailingContext(index, doc, m),
          organisationId: doc.organisationId,
        });
      }
    } else {
      const schoolIds = new Set(index.dataset.techCards.filter((t) => t.year === doc.year).map((t) => t.schoolId));
      const municipalityOf = (s: { municipalityId: string }) => index.municipalities.get(s.municipalityId)?.name ?? '';
      const schools = [...index.dataset.schools].sort(
        (a, b) => compareNatural(municipalityOf(a), municipalityOf(b)) || compareNatural(a.name, b.name),
      );
      for (const school of schools) {
        if (!schoolIds.has(school.id) || (wanted && !wanted.has(school.id))) continue;
        seen.add(school.id);
        const municipality = index.municipalities.get(school.municipalityId)?.name ?? '';
        jobs.push({
          record: `${doc.id} / ${school.name}`,
          fileBase: `Технологическая карта ${doc.year ?? ''} — ${school.name}, ${municipality}`,
          data: techCardContext(index, doc, school),
          organisationId: doc.organisationId,
        });
      }
    }
  }
  for (const id of wanted ?? []) {
    if (!seen.has(id))
      issues.push(
        makeIssue(
          'SELECT_UNKNOWN',
          { kind: 'record', record: id },
          { value: id, each: template.each === 'document' ? 'документы' : template.each === 'municipality' ? 'муниципалитеты' : 'школы' },
        ),
      );
  }
  if (jobs.length === 0 && issues.length === 0)
    issues.push(makeIssue('NOTHING_TO_MAKE', { kind: 'template', template: template.id }, { template: template.id }));
  return { jobs, issues };
}
