/**
 * The built-in templates: what each is, its file and what one document is made for. Kept apart
 * from the planning (template-catalog.ts) so the task pane can list them without loading the
 * rendering contexts.
 */

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

export const TEMPLATES: readonly TemplateInfo[] = [
  { id: 'letter', title: 'Информационное письмо на бланке', file: 'letter.docx', each: 'document', seed: '000 (№ 5112), 004 (№ 12865)' },
  { id: 'letter-schedule', title: 'Письмо с приложением-графиком', file: 'letter-schedule.docx', each: 'document', seed: '003 (приложение 1)' },
  { id: 'seminar-letter', title: 'Письмо о результатах семинара', file: 'seminar-letter.docx', each: 'document', seed: '002 (№ 13170)' },
  { id: 'order', title: 'Приказ с утверждаемыми приложениями', file: 'order.docx', each: 'document', seed: '004 (№ 04/335)' },
  {
    id: 'roadmap',
    title: 'Дорожная карта (утверждённое приложение)',
    file: 'roadmap.docx',
    each: 'document',
    seed: '004, 001',
    fileTitle: 'Дорожная карта',
  },
  { id: 'mailing', title: 'Письмо каждому МОУО со списком его школ', file: 'mailing.docx', each: 'municipality', seed: '004 (№ 12865)' },
  { id: 'tech-card', title: 'Технологическая карта адресной помощи', file: 'tech-card.docx', each: 'school', seed: '003 (приложение 2)' },
  {
    id: 'monitoring-report',
    title: 'Справка по результатам мониторинга',
    file: 'monitoring-report.docx',
    each: 'document',
    seed: '001, 002',
    fromSvod: true,
  },
];

export function findTemplate(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
