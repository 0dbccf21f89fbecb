import { formatDateNumeric } from '../format/dates';
import { makeIssue, type Issue } from '../issues';
import type { KaskadDocument } from '../model/schemas';
import { attachmentsContext } from './contexts/attachments';
import { documentBase } from './contexts/common';
import type { DatasetIndex } from './contexts/dataset-index';
import { mailingContext } from './contexts/mailing';
import { seminarLetterContext } from './contexts/seminar';
import { techCardContext } from './contexts/tech-card';

/** What one output document is made for: one document row, one municipality, or one school. */
export const EACH_KINDS = ['document', 'municipality', 'school'] as const;
export type Each = (typeof EACH_KINDS)[number];

export interface TemplateInfo {
  id: string;
  title: string;
  /** File in templates/documents/. */
  file: string;
  each: Each;
  /** Which seed document it reproduces. */
  seed: string;
  /** Names the file when the document's own title would repeat another template's (an order's attachment). */
  fileTitle?: string;
  /** Made from a svod of monitoring cards (`kaskad collect --report`), not from the data workbook alone. */
  fromSvod?: boolean;
}

/** One document to make: the record's name for messages, a file name base and the template data. */
export interface RenderJob {
  record: string;
  fileBase: string;
  data: object;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  { id: 'letter', title: 'Информационное письмо на бланке', file: 'letter.docx', each: 'document', seed: '000 (№ 5112), 004 (№ 12865)' },
  { id: 'letter-schedule', title: 'Письмо с приложением-графиком', file: 'letter-schedule.docx', each: 'document', seed: '003 (приложение 1)' },
  { id: 'seminar-letter', title: 'Письмо о результатах семинара', file: 'seminar-letter.docx', each: 'document', seed: '002 (№ 13170)' },
  { id: 'order', title: 'Приказ с утверждаемыми приложениями', file: 'order.docx', each: 'document', seed: '004 (№ 04/335)' },
  { id: 'roadmap', title: 'Дорожная карта (утверждённое приложение)', file: 'roadmap.docx', each: 'document', seed: '004, 001', fileTitle: 'Дорожная карта' },
  { id: 'mailing', title: 'Письмо каждому МОУО со списком его школ', file: 'mailing.docx', each: 'municipality', seed: '004 (№ 12865)' },
  { id: 'tech-card', title: 'Технологическая карта адресной помощи', file: 'tech-card.docx', each: 'school', seed: '003 (приложение 2)' },
  { id: 'monitoring-report', title: 'Справка по результатам мониторинга', file: 'monitoring-report.docx', each: 'document', seed: '001, 002', fromSvod: true },
];

export function findTemplate(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((t) => t.id === id);
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
  if (template.fromSvod) return { jobs: [], issues: [makeIssue('TEMPLATE_NEEDS_SVOD', { kind: 'template', template: template.id }, { template: template.id })] };
  const docs = index.dataset.documents.filter((d) => (options.documentIds ? options.documentIds.includes(d.id) : d.template === template.id));
  const wanted = options.select ? new Set(options.select) : undefined;
  const jobs: RenderJob[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (template.each === 'document') {
      if (wanted && !wanted.has(doc.id)) continue;
      seen.add(doc.id);
      const title = documentTitle(doc);
      jobs.push({ record: doc.id, fileBase: template.fileTitle ? `${template.fileTitle} (${title})` : title, data: documentData(index, doc, template.id) });
    } else if (template.each === 'municipality') {
      for (const m of index.dataset.municipalities) {
        if (wanted && !wanted.has(m.id)) continue;
        seen.add(m.id);
        jobs.push({ record: `${doc.id} / ${m.name}`, fileBase: `${documentTitle(doc)} — ${m.name}`, data: mailingContext(index, doc, m) });
      }
    } else {
      const schoolIds = new Set(index.dataset.techCards.filter((t) => t.year === doc.year).map((t) => t.schoolId));
      for (const school of index.dataset.schools) {
        if (!schoolIds.has(school.id) || (wanted && !wanted.has(school.id))) continue;
        seen.add(school.id);
        const municipality = index.municipalities.get(school.municipalityId)?.name ?? '';
        jobs.push({
          record: `${doc.id} / ${school.name}`,
          fileBase: `Технологическая карта ${doc.year ?? ''} — ${school.name}, ${municipality}`,
          data: techCardContext(index, doc, school),
        });
      }
    }
  }
  for (const id of wanted ?? []) {
    if (!seen.has(id)) issues.push(makeIssue('SELECT_UNKNOWN', { kind: 'record', record: id }, { value: id, each: template.each === 'document' ? 'документы' : template.each === 'municipality' ? 'муниципалитеты' : 'школы' }));
  }
  if (jobs.length === 0 && issues.length === 0) issues.push(makeIssue('NOTHING_TO_MAKE', { kind: 'template', template: template.id }, { template: template.id }));
  return { jobs, issues };
}
