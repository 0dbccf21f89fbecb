import { surnameFirst } from '../../format/names';
import type { KaskadDocument, Report } from '../../model/schemas';
import { documentBase } from './common';
import type { DatasetIndex } from './dataset-index';

/**
 * One paragraph per report: «В докладе Ильясова Д.Ф., заведующего кафедрой …, на тему «…» …».
 * Speakers of one report (rows with the same №) are joined with «и»; names go to the genitive,
 * positions are printed as the user typed them (already in the genitive).
 */
export function reportsContext(index: DatasetIndex, eventId: string | undefined) {
  const rows = eventId ? (index.reports.get(eventId) ?? []) : [];
  const byNo = new Map<number, Report[]>();
  for (const row of rows) byNo.set(row.no, [...(byNo.get(row.no) ?? []), row]);
  return [...byNo.values()].map((speakers) => {
    const first = speakers[0]!;
    const names = speakers.map((s) => {
      const person = index.people.get(s.speakerId);
      return person ? `${surnameFirst(person, 'genitive')}, ${s.positionGenitive}` : undefined;
    });
    return {
      speakers: names.some((n) => n === undefined) ? undefined : names.join(' и '),
      topicLead: first.topicLead ?? 'на тему',
      topic: first.topic ?? '',
      summary: first.summary ?? '',
    };
  });
}

export function seminarLetterContext(index: DatasetIndex, doc: KaskadDocument) {
  const event = doc.eventId ? index.events.get(doc.eventId) : undefined;
  return { ...documentBase(index, doc), event: event ? { title: event.title } : undefined, reports: reportsContext(index, doc.eventId) };
}
