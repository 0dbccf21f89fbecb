import type {
  Attachment,
  Dataset,
  DistributionEntry,
  KaskadDocument,
  Municipality,
  Organisation,
  Paragraph,
  Person,
  Report,
  RoadmapItem,
  School,
  ScheduleRow,
  SchoolListEntry,
  TechCardEntry,
  KaskadEvent,
} from '../../model/schemas';

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Look-ups over a dataset, built once per batch so that each document costs only its own work. */
export interface DatasetIndex {
  dataset: Dataset;
  organisations: Map<string, Organisation>;
  municipalities: Map<string, Municipality>;
  schools: Map<string, School>;
  people: Map<string, Person>;
  events: Map<string, KaskadEvent>;
  documents: Map<string, KaskadDocument>;
  paragraphs: Map<string, Paragraph[]>;
  attachments: Map<string, Attachment[]>;
  reports: Map<string, Report[]>;
  schedule: Map<string, ScheduleRow[]>;
  roadmapItems: Map<string, RoadmapItem[]>;
  /** `${year}` → entries. */
  schoolLists: Map<string, SchoolListEntry[]>;
  /** `${year}|${municipalityId}` → the entries of that municipality's schools (a mailing asks per municipality). */
  schoolListsByMunicipality: Map<string, SchoolListEntry[]>;
  distribution: Map<string, DistributionEntry[]>;
  /** `${schoolId}|${year}` → entries. */
  techCards: Map<string, TechCardEntry[]>;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const byNo = <T extends { no: number }>(rows: T[]) => [...rows].sort((a, b) => a.no - b.no);
  const sortGroups = <T extends { no: number }>(map: Map<string, T[]>) => new Map([...map].map(([k, v]) => [k, byNo(v)]));
  const schools = byId(dataset.schools);
  return {
    dataset,
    organisations: byId(dataset.organisations),
    municipalities: byId(dataset.municipalities),
    schools,
    people: byId(dataset.people),
    events: byId(dataset.events),
    documents: byId(dataset.documents),
    paragraphs: sortGroups(groupBy(dataset.paragraphs, (p) => p.documentId)),
    attachments: sortGroups(groupBy(dataset.attachments, (a) => a.documentId)),
    reports: sortGroups(groupBy(dataset.reports, (r) => r.eventId)),
    schedule: groupBy(dataset.schedule, (s) => s.eventId),
    roadmapItems: groupBy(dataset.roadmapItems, (r) => r.roadmapId),
    schoolLists: groupBy(dataset.schoolLists, (s) => String(s.year)),
    schoolListsByMunicipality: groupBy(dataset.schoolLists, (s) => `${s.year}|${schools.get(s.schoolId)?.municipalityId ?? ''}`),
    distribution: groupBy(dataset.distribution, (d) => String(d.year)),
    techCards: groupBy(dataset.techCards, (t) => `${t.schoolId}|${t.year}`),
  };
}
