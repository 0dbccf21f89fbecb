import { formatDateNumeric } from '../../format/dates';
import { attachmentRequisite, type AttachmentLine } from '../../format/greeting';
import { fullName, initialsFirst } from '../../format/names';
import type { KaskadDocument, Organisation, Paragraph, Person } from '../../model/schemas';
import type { DatasetIndex } from './dataset-index';

/** Blank lines of a form («На № _____ от _____») where the data has nothing. */
export const BLANK = '_____';

export interface ParagraphContext {
  text: string;
  plain: boolean;
  list: boolean;
  noIndent: boolean;
  center: boolean;
  heading: boolean;
}

export function paragraphContext(p: Pick<Paragraph, 'text' | 'style'>): ParagraphContext {
  const style = p.style ?? 'абзац';
  return {
    text: p.text,
    plain: style === 'абзац',
    list: style === 'список',
    noIndent: style === 'без отступа',
    center: style === 'по центру',
    heading: style === 'подзаголовок',
  };
}

/** The requisite lines under the organisation's name, as on the бланк of seed 000. */
export function requisiteLines(org: Organisation): string[] {
  const lines: string[] = [];
  if (org.shortName) lines.push(`(${org.shortName})`);
  lines.push(org.address);
  const phones = [org.phone && `Тел. ${org.phone}`, org.fax && `факс ${org.fax}`].filter(Boolean).join(', ');
  if (phones) lines.push(phones);
  const web = [org.email && `e-mail: ${org.email}`, org.site].filter(Boolean).join('; ');
  if (web) lines.push(web);
  const codes = [org.okpo && `ОКПО ${org.okpo}`, org.ogrn && `ОГРН ${org.ogrn}`].filter(Boolean).join(', ');
  if (codes) lines.push(codes);
  if (org.innKpp) lines.push(`ИНН/КПП ${org.innKpp}`);
  return lines;
}

/**
 * The technology card's column «На уровне …» when the profile names no institute: true in every
 * region; the planner warns with the profile's cell (INSTITUTE_NAME_MISSING).
 */
export const INSTITUTE_FALLBACK = 'института';

export function organisationContext(org: Organisation | undefined) {
  if (!org) return undefined;
  return {
    fullName: org.fullName,
    shortName: org.shortName ?? org.fullName.replace(/\s*\n\s*/g, ' '),
    nameGenitive: org.nameGenitive,
    parentName: org.parentName ?? '',
    hasParent: Boolean(org.parentName),
    requisites: requisiteLines(org),
    city: org.city ?? '',
    instituteGenitive: org.instituteGenitive ?? INSTITUTE_FALLBACK,
  };
}

export function personContext(person: Person | undefined, position: string | undefined) {
  if (!person) return { name: undefined, position };
  return { name: initialsFirst(person), fullName: fullName(person), position: position ?? person.position, phone: person.phone ?? '' };
}

/**
 * A letter's «Приложение:» lines from its «Приложения» rows (titles in order; the row's sheet count
 * when the letter has one attachment — «Приложение, листов»). Orders approve their attachments
 * instead («УТВЕРЖДЕНА приказом …») and get none.
 */
export function attachmentLines(index: DatasetIndex, doc: KaskadDocument): AttachmentLine[] {
  const rows = doc.kind === 'письмо' ? (index.attachments.get(doc.id) ?? []) : [];
  return rows.map((a) => ({ title: a.title, ...(rows.length === 1 && doc.attachmentSheets ? { sheets: doc.attachmentSheets } : {}) }));
}

/**
 * What every letter and order shares: бланк, registration data, subject, body, signature, executor.
 * A value the template needs but the data lacks stays undefined, so rendering reports it by tag.
 */
export function documentBase(index: DatasetIndex, doc: KaskadDocument) {
  const paragraphs = index.paragraphs.get(doc.id) ?? [];
  const executor = doc.executorId ? index.people.get(doc.executorId) : undefined;
  const signatory = doc.signatoryId ? index.people.get(doc.signatoryId) : undefined;
  const lines = attachmentLines(index, doc);
  // Without «Приложения» rows, the old form from «Приложение, листов» alone («Приложение: на 11 л. в 1 экз.»).
  const attachmentNote = attachmentRequisite(lines, doc.attachmentSheets);
  return {
    org: organisationContext(index.organisations.get(doc.organisationId)),
    date: doc.date ? formatDateNumeric(doc.date) : undefined,
    number: doc.number,
    replyToNumber: doc.replyToNumber ?? BLANK,
    replyToDate: doc.replyToDate ? formatDateNumeric(doc.replyToDate) : BLANK,
    subject: doc.subject ?? '',
    hasSubject: Boolean(doc.subject),
    addressee: doc.addressee ?? '',
    hasAddressee: Boolean(doc.addressee),
    salutation: doc.salutation ?? '',
    hasSalutation: Boolean(doc.salutation),
    body: paragraphs.filter((p) => p.place !== 'после вставки').map(paragraphContext),
    bodyAfter: paragraphs.filter((p) => p.place === 'после вставки').map(paragraphContext),
    signatory: personContext(signatory, doc.signatoryPosition),
    executor: executor ? { name: fullName(executor), phone: executor.phone ?? '', email: executor.email ?? '' } : {},
    hasExecutor: Boolean(executor),
    attachmentLines: lines,
    attachmentNote,
    hasAttachmentNote: Boolean(attachmentNote),
  };
}
