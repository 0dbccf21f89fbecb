import { z } from 'zod';

/**
 * The data model: one workbook (or JSON of the same shape) drives forms and documents.
 * Dates are ISO strings (YYYY-MM-DD) so that JSON, the workbook and the task pane agree.
 */

const id = z.string().min(1).max(100);
const text = z.string().min(1);
const optionalText = z.string().optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в виде ГГГГ-ММ-ДД');
const year = z.number().int().min(2000).max(2100);

export const GENDERS = ['м', 'ж'] as const;
export const MUNICIPALITY_KINDS = ['городской округ', 'муниципальный район', 'муниципальный округ'] as const;
export const SCHOOL_LISTS = ['ШНОР', 'НСУ', 'необъективность ВПР', 'школа-лидер'] as const;
export const DOCUMENT_KINDS = ['письмо', 'приказ', 'справка'] as const;
export const PARAGRAPH_STYLES = ['абзац', 'список', 'без отступа', 'по центру', 'подзаголовок'] as const;
/** Where a paragraph stands when the template inserts a block (the seminar's reports) into the body. */
export const PARAGRAPH_PLACES = ['до вставки', 'после вставки'] as const;
export const ATTACHMENT_KINDS = ['дорожная карта', 'распределение', 'список школ', 'график', 'технологическая карта'] as const;
export const APPROVAL_FORMS = ['УТВЕРЖДЕН', 'УТВЕРЖДЕНА', 'УТВЕРЖДЕНО', 'УТВЕРЖДЕНЫ'] as const;
export const FIXED_MARKS = ['да'] as const;
export const SUPPORT_LEVELS = ['ОО', 'МОУО', 'институт', 'министерство', 'ресурсные центры', 'иные'] as const;

export const OrganisationSchema = z.object({
  id,
  /** As printed on the бланк; line breaks where the бланк breaks the name. */
  fullName: text,
  shortName: optionalText,
  /** The name in the genitive: «приказом Министерства образования и науки Челябинской области». */
  nameGenitive: optionalText,
  /** The parent authority printed above the name, when there is one. */
  parentName: optionalText,
  address: text,
  phone: optionalText,
  fax: optionalText,
  email: optionalText,
  site: optionalText,
  okpo: optionalText,
  ogrn: optionalText,
  innKpp: optionalText,
  /** Where orders are signed: «Челябинск». */
  city: optionalText,
  /**
   * The region's institute in the genitive, as the technology card's column «На уровне …» prints it:
   * «института развития образования». Another region's institute has another name.
   */
  instituteGenitive: optionalText,
});

export const MunicipalitySchema = z.object({
  id,
  name: text,
  kind: z.enum(MUNICIPALITY_KINDS),
  /** Year the current kind took effect (districts became municipal okrugs from 2022). */
  kindSince: year.optional(),
  formerName: optionalText,
  authority: text,
  /** The head's position in the dative, as the addressee line prints it. */
  headPositionDative: optionalText,
  headId: id.optional(),
  /** Codes of the neighbouring municipalities, comma-separated: a leader school is sought there next. */
  neighbours: optionalText,
});

export const SchoolSchema = z.object({
  id,
  municipalityId: id,
  name: text,
  shortName: optionalText,
  address: optionalText,
});

export const SchoolListEntrySchema = z.object({
  year,
  schoolId: id,
  list: z.enum(SCHOOL_LISTS),
  /** For a leader school: how many ШНОР it can support that year. */
  cap: z.number().int().min(0).optional(),
});

export const PersonSchema = z.object({
  id,
  lastName: text,
  firstName: text,
  middleName: optionalText,
  /** Overrides the gender taken from the patronymic. */
  gender: z.enum(GENDERS).optional(),
  /** Overrides the declined surname. */
  lastNameGenitive: optionalText,
  lastNameDative: optionalText,
  position: optionalText,
  organisation: optionalText,
  phone: optionalText,
  email: optionalText,
  /** «куратор» makes the person a candidate curator of the distribution planner. */
  role: optionalText,
  /** A curator's cap: at most this many ШНОР. */
  curatorCap: z.number().int().min(0).optional(),
  /** Codes of the municipalities a curator may take, comma-separated; empty — any. */
  covers: optionalText,
});

export const RoadmapItemSchema = z.object({
  roadmapId: id,
  section: optionalText,
  no: text,
  title: text,
  term: optionalText,
  responsible: optionalText,
  result: optionalText,
  done: optionalText,
});

export const EventSchema = z.object({
  id,
  title: text,
  date: isoDate.optional(),
  place: optionalText,
});

export const ReportSchema = z.object({
  eventId: id,
  no: z.number().int().min(1),
  speakerId: id,
  /** The speaker's position in the genitive, exactly as it must be printed. */
  positionGenitive: text,
  topic: optionalText,
  /** «на тему» by default; the seed once writes «на тему:». */
  topicLead: optionalText,
  summary: optionalText,
});

export const ScheduleRowSchema = z.object({
  eventId: id,
  when: optionalText,
  participant: text,
});

export const DistributionSchema = z.object({
  year,
  schoolId: id,
  curatorId: id,
  leaderSchoolId: id.optional(),
  /** «да»: the pair is decided by hand and the planner keeps it. */
  fixed: z.enum(FIXED_MARKS).optional(),
});

export const TechCardEntrySchema = z.object({
  schoolId: id,
  year,
  problem: z.number().int().min(1).max(10),
  priority: z.number().int().min(1).max(4),
  detail: optionalText,
  school: optionalText,
  municipality: optionalText,
  institute: optionalText,
  ministry: optionalText,
  resourceCentres: optionalText,
  others: optionalText,
});

export const DocumentSchema = z.object({
  id,
  organisationId: id,
  kind: z.enum(DOCUMENT_KINDS),
  template: text,
  date: isoDate.optional(),
  number: optionalText,
  replyToNumber: optionalText,
  replyToDate: isoDate.optional(),
  /** Addressee in the dative; line breaks kept. Per-МОУО mailings fill it from each municipality. */
  addressee: optionalText,
  subject: optionalText,
  salutation: optionalText,
  signatoryId: id.optional(),
  signatoryPosition: optionalText,
  executorId: id.optional(),
  year: year.optional(),
  eventId: id.optional(),
  /** «Приложение: на 11 л. в 1 экз.» is printed from this count of sheets. */
  attachmentSheets: z.number().int().min(1).optional(),
  copyTo: optionalText,
});

export const ParagraphSchema = z.object({
  documentId: id,
  no: z.number().int().min(1),
  text: text,
  style: z.enum(PARAGRAPH_STYLES).optional(),
  place: z.enum(PARAGRAPH_PLACES).optional(),
});

export const AttachmentSchema = z.object({
  documentId: id,
  no: z.number().int().min(1),
  kind: z.enum(ATTACHMENT_KINDS),
  title: text,
  /** What the attachment shows: a roadmap id, an event id, a list name. */
  source: optionalText,
  /** Overrides the agreement of «УТВЕРЖДЕН(А/О)» with the title's noun. */
  approvedAs: z.enum(APPROVAL_FORMS).optional(),
});

export const DatasetSchema = z.object({
  organisations: z.array(OrganisationSchema),
  municipalities: z.array(MunicipalitySchema),
  schools: z.array(SchoolSchema),
  schoolLists: z.array(SchoolListEntrySchema),
  people: z.array(PersonSchema),
  roadmapItems: z.array(RoadmapItemSchema),
  events: z.array(EventSchema),
  reports: z.array(ReportSchema),
  schedule: z.array(ScheduleRowSchema),
  distribution: z.array(DistributionSchema),
  techCards: z.array(TechCardEntrySchema),
  documents: z.array(DocumentSchema),
  paragraphs: z.array(ParagraphSchema),
  attachments: z.array(AttachmentSchema),
});

export type Organisation = z.infer<typeof OrganisationSchema>;
export type Municipality = z.infer<typeof MunicipalitySchema>;
export type School = z.infer<typeof SchoolSchema>;
export type SchoolListEntry = z.infer<typeof SchoolListEntrySchema>;
export type Person = z.infer<typeof PersonSchema>;
export type RoadmapItem = z.infer<typeof RoadmapItemSchema>;
export type KaskadEvent = z.infer<typeof EventSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;
export type DistributionEntry = z.infer<typeof DistributionSchema>;
export type TechCardEntry = z.infer<typeof TechCardEntrySchema>;
export type KaskadDocument = z.infer<typeof DocumentSchema>;
export type Paragraph = z.infer<typeof ParagraphSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type CollectionName = keyof Dataset;

export function emptyDataset(): Dataset {
  return {
    organisations: [],
    municipalities: [],
    schools: [],
    schoolLists: [],
    people: [],
    roadmapItems: [],
    events: [],
    reports: [],
    schedule: [],
    distribution: [],
    techCards: [],
    documents: [],
    paragraphs: [],
    attachments: [],
  };
}
