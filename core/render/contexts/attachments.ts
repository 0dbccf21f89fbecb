import { approvalFormFor } from '../../format/agreement';
import { formatDateNumeric } from '../../format/dates';
import { compareNatural } from '../../format/natural-sort';
import { surnameFirst } from '../../format/names';
import type { Attachment, KaskadDocument } from '../../model/schemas';
import type { DatasetIndex } from './dataset-index';

/** Roadmap items grouped by section, in the order the sheet gives them. */
export function roadmapContext(index: DatasetIndex, roadmapId: string | undefined) {
  const items = roadmapId ? (index.roadmapItems.get(roadmapId) ?? []) : [];
  const sections: Array<{ title: string; hasTitle: boolean; items: object[] }> = [];
  for (const item of items) {
    const title = item.section ?? '';
    let current = sections[sections.length - 1];
    if (!current || current.title !== title) {
      current = { title, hasTitle: Boolean(title), items: [] };
      sections.push(current);
    }
    current.items.push({ no: item.no, title: item.title, term: item.term ?? '', responsible: item.responsible ?? '', result: item.result ?? '' });
  }
  return { sections };
}

/** The distribution of a year's ШНОР among curators and leader schools, by municipality. */
export function distributionContext(index: DatasetIndex, year: number | undefined) {
  const entries = year !== undefined ? (index.distribution.get(String(year)) ?? []) : [];
  const rows = entries.map((e) => {
    const school = index.schools.get(e.schoolId);
    const municipality = school ? index.municipalities.get(school.municipalityId) : undefined;
    const curator = index.people.get(e.curatorId);
    const leader = e.leaderSchoolId ? index.schools.get(e.leaderSchoolId) : undefined;
    return {
      municipality: municipality?.name ?? '',
      school: school?.name ?? '',
      curator: curator ? surnameFirst(curator) : '',
      leader: leader?.name ?? '',
    };
  });
  rows.sort((a, b) => compareNatural(a.municipality, b.municipality) || compareNatural(a.school, b.school));
  return { rows: rows.map((r, i) => ({ no: String(i + 1), ...r })) };
}

/** Schedule rows; a date repeated on the next row is left blank, as in seed 003. */
export function scheduleRows(index: DatasetIndex, eventId: string | undefined) {
  const rows = eventId ? (index.schedule.get(eventId) ?? []) : [];
  return rows.map((row, i) => ({ when: i > 0 && rows[i - 1]!.when === row.when ? '' : (row.when ?? ''), participant: row.participant }));
}

function yearOfSource(source: string | undefined, fallback: number | undefined): number | undefined {
  return source && /^\d{4}$/.test(source.trim()) ? Number(source) : fallback;
}

/**
 * The document's attachments: «УТВЕРЖДЕНА приказом … от … № …» for an order's approved
 * attachments (agreeing with the title), «Приложение № 1 к письму …» for a letter's.
 */
export function attachmentsContext(index: DatasetIndex, doc: KaskadDocument) {
  const rows: Attachment[] = index.attachments.get(doc.id) ?? [];
  const org = index.organisations.get(doc.organisationId);
  const act = doc.kind === 'приказ' ? 'приказом' : 'письмом';
  return rows.map((a) => ({
    no: a.no,
    title: a.title,
    approvedAs: a.approvedAs ?? approvalFormFor(a.title),
    approvedBy: org?.nameGenitive ? `${act} ${org.nameGenitive}` : undefined,
    approvedDate: doc.date ? formatDateNumeric(doc.date) : undefined,
    approvedNumber: doc.number,
    captionNo: ` №\u00a0${a.no}`,
    captionOf: org?.shortName ?? org?.fullName.replace(/\s*\n\s*/g, ' '),
    isRoadmap: a.kind === 'дорожная карта',
    isDistribution: a.kind === 'распределение',
    roadmap: a.kind === 'дорожная карта' ? roadmapContext(index, a.source) : { sections: [] },
    distribution: a.kind === 'распределение' ? distributionContext(index, yearOfSource(a.source, doc.year)) : { rows: [] },
    rows: a.kind === 'график' ? scheduleRows(index, a.source ?? doc.eventId) : [],
  }));
}
