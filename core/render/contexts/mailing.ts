import { formatDateNumeric } from '../../format/dates';
import { initialsOf, surnameIn } from '../../format/names';
import { attachmentRequisite, personalGreeting } from '../../format/greeting';
import { compareNatural } from '../../format/natural-sort';
import { countOf, SCHOOL_FORMS } from '../../format/numbers';
import type { KaskadDocument, Municipality } from '../../model/schemas';
import { documentBase } from './common';
import type { DatasetIndex } from './dataset-index';

/** «Начальнику Управления образования …\nЕ.В. Ивановой»: position as typed, name in the dative. */
export function municipalAddressee(index: DatasetIndex, m: Municipality): string | undefined {
  const head = m.headId ? index.people.get(m.headId) : undefined;
  if (!m.headPositionDative) return undefined;
  if (!head) return m.headPositionDative;
  return `${m.headPositionDative}\n${initialsOf(head)}\u00a0${surnameIn(head, 'dative')}`;
}

/** The municipality's own schools on one of the year's lists (or on any list but leader schools). */
export function municipalSchools(index: DatasetIndex, municipalityId: string, year: number | undefined, list?: string) {
  const entries = year !== undefined ? (index.schoolListsByMunicipality.get(`${year}|${municipalityId}`) ?? []) : [];
  const names = new Set<string>();
  for (const e of entries) {
    if (list ? e.list !== list : e.list === 'школа-лидер') continue;
    const school = index.schools.get(e.schoolId);
    if (school && school.municipalityId === municipalityId) names.add(school.name);
  }
  return [...names].sort(compareNatural).map((name, i) => ({ no: String(i + 1), name }));
}

/**
 * One letter of a per-МОУО mailing: the document's text addressed to the municipality's head, and
 * each «список школ» attachment narrowed to the municipality's own schools.
 */
export function mailingContext(index: DatasetIndex, doc: KaskadDocument, m: Municipality) {
  const org = index.organisations.get(doc.organisationId);
  const rows = (index.attachments.get(doc.id) ?? []).filter((a) => a.kind === 'список школ');
  const lists = rows.length > 0 ? rows : [{ no: 1, title: 'Список общеобразовательных организаций', source: undefined }];
  const attachments = lists.map((a) => {
    const schools = municipalSchools(index, m.id, doc.year, a.source);
    return {
      captionNo: lists.length > 1 ? ` №\u00a0${a.no}` : '',
      captionOf: org?.shortName ?? org?.fullName.replace(/\s*\n\s*/g, ' '),
      approvedDate: doc.date ? formatDateNumeric(doc.date) : undefined,
      approvedNumber: doc.number,
      title: a.title,
      schools,
      noSchools: schools.length === 0,
      schoolCount: countOf(schools.length, SCHOOL_FORMS),
    };
  });
  const base = documentBase(index, doc);
  const head = m.headId ? index.people.get(m.headId) : undefined;
  // One named person is greeted by name and patronymic; without one, as the document row says.
  const salutation = (head && personalGreeting(head)) ?? base.salutation;
  const lines = attachments.map((a) => ({ title: a.title, ...(lists.length === 1 && doc.attachmentSheets ? { sheets: doc.attachmentSheets } : {}) }));
  const attachmentNote = attachmentRequisite(lines);
  return {
    ...base,
    addressee: municipalAddressee(index, m),
    hasAddressee: true,
    salutation,
    hasSalutation: salutation !== '',
    attachmentLines: lines,
    attachmentNote,
    hasAttachmentNote: attachmentNote !== '',
    municipality: { name: m.name, authority: m.authority },
    attachments,
  };
}
