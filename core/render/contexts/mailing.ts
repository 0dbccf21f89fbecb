import { formatDateNumeric } from '../../format/dates';
import { initialsOf, surnameIn } from '../../format/names';
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

/** The municipality's own schools on the year's lists (leader schools are not a list to send). */
export function municipalSchools(index: DatasetIndex, municipalityId: string, year: number | undefined) {
  const entries = year !== undefined ? index.schoolLists.get(String(year)) ?? [] : [];
  const lists = new Map<string, string[]>();
  for (const e of entries) {
    if (e.list === 'школа-лидер') continue;
    const school = index.schools.get(e.schoolId);
    if (!school || school.municipalityId !== municipalityId) continue;
    lists.set(school.id, [...(lists.get(school.id) ?? []), e.list]);
  }
  return [...lists.entries()]
    .map(([id, names]) => ({ name: index.schools.get(id)!.name, lists: names.join('; ') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true }))
    .map((s, i) => ({ no: String(i + 1), ...s }));
}

/** One letter of a per-МОУО mailing: the document's text, addressed to the municipality, with its schools. */
export function mailingContext(index: DatasetIndex, doc: KaskadDocument, m: Municipality) {
  const base = documentBase(index, doc);
  const schools = municipalSchools(index, m.id, doc.year);
  const addressee = municipalAddressee(index, m);
  const org = index.organisations.get(doc.organisationId);
  return {
    ...base,
    addressee,
    hasAddressee: true,
    municipality: { name: m.name, authority: m.authority },
    schools,
    noSchools: schools.length === 0,
    schoolCount: countOf(schools.length, SCHOOL_FORMS),
    captionNo: '',
    captionOf: org?.shortName ?? org?.fullName.replace(/\s*\n\s*/g, ' '),
    approvedDate: doc.date ? formatDateNumeric(doc.date) : undefined,
    approvedNumber: doc.number,
  };
}
