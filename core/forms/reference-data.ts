import type { Dataset } from '../model/schemas';

/**
 * What form rules may ask of the data workbook: which municipalities and schools exist, where a
 * school belongs, which schools are on a list (ШНОР, НСУ…) in a year. Built once per batch.
 */
export interface ReferenceData {
  /** A municipality id from its id or its (unique) name; undefined when unknown or ambiguous. */
  municipalityId(text: string): string | undefined;
  schoolId(text: string): string | undefined;
  /** A school id from its id, or from a name among the schools of one municipality (two municipalities may have a «СОШ № 1»). */
  schoolIdIn?(text: string, municipalityId: string): string | undefined;
  /** A person's «Фамилия Имя Отчество» for messages. */
  personName?(personId: string): string | undefined;
  schoolMunicipality(schoolId: string): string | undefined;
  schoolName(schoolId: string): string | undefined;
  /** Ids of the schools on `list` in `year`, optionally only those of one municipality. */
  listSchools(list: string, year: number, municipalityId?: string): readonly string[];
  /** Whether the school is on `list` in `year` (a set lookup: form rules ask it for every row). */
  isOnList(list: string, year: number, schoolId: string): boolean;
  municipalityIds(): string[];
  municipalityName(id: string): string | undefined;
  personId(text: string): string | undefined;
}

function push(map: Map<string, string[]>, k: string, value: string): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A ФИО compared as people write it: «Иванова А. С.», «Иванова А.С.», «иванова  а.с» and «Иванова А.С» are one person. */
export function personKey(s: string): string {
  return key(s)
    .replace(/\s*\.\s*/g, '.')
    .replace(/\.$/, '');
}

/** id → id, and each name that only one record carries → its id (names are not keys: Троицкий). */
function resolver(records: ReadonlyArray<{ id: string; names: ReadonlyArray<string | undefined> }>): (text: string) => string | undefined {
  const ids = new Map<string, string>();
  const names = new Map<string, string | null>();
  for (const r of records) {
    ids.set(key(r.id), r.id);
    for (const n of r.names) {
      if (!n) continue;
      const k = key(n);
      names.set(k, names.has(k) && names.get(k) !== r.id ? null : r.id);
    }
  }
  return (text) => {
    const k = key(text);
    return ids.get(k) ?? names.get(k) ?? undefined;
  };
}

export function buildReferenceData(dataset: Pick<Dataset, 'municipalities' | 'schools' | 'schoolLists' | 'people'>): ReferenceData {
  const municipality = resolver(dataset.municipalities.map((m) => ({ id: m.id, names: [m.name, m.formerName] })));
  const school = resolver(dataset.schools.map((s) => ({ id: s.id, names: [s.name, s.shortName] })));
  const personByName = resolver(
    dataset.people.map((p) => {
      const initials = `${p.firstName[0] ?? ''}.${p.middleName?.[0] ? `${p.middleName[0]}.` : ''}`;
      return {
        id: p.id,
        names: [`${p.lastName} ${p.firstName} ${p.middleName ?? ''}`, `${p.lastName} ${initials}`, `${initials} ${p.lastName}`].map(personKey),
      };
    }),
  );
  const person = (text: string): string | undefined => personByName(personKey(text));
  const personNames = new Map(dataset.people.map((p) => [p.id, [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ')]));
  const schoolsOf = new Map<string, Array<{ id: string; names: Array<string | undefined> }>>();
  for (const s of dataset.schools)
    schoolsOf.set(s.municipalityId, [...(schoolsOf.get(s.municipalityId) ?? []), { id: s.id, names: [s.name, s.shortName] }]);
  const schoolIn = new Map<string, (text: string) => string | undefined>();
  const schoolMuni = new Map(dataset.schools.map((s) => [s.id, s.municipalityId]));
  const schoolNames = new Map(dataset.schools.map((s) => [s.id, s.shortName ?? s.name]));
  const muniNames = new Map(dataset.municipalities.map((m) => [m.id, m.name]));
  // The lists indexed once per batch: «list + year» → ids in data order, and the same per municipality.
  const listKey = (list: string, year: number) => `${key(list)}\u0001${year}`;
  const onList = new Map<string, string[]>();
  const onListByMuni = new Map<string, string[]>();
  for (const e of dataset.schoolLists) {
    const k = listKey(e.list, e.year);
    push(onList, k, e.schoolId);
    push(onListByMuni, `${k}\u0001${schoolMuni.get(e.schoolId) ?? ''}`, e.schoolId);
  }
  const onListSets = new Map<string, Set<string>>();
  for (const [k, ids] of onList) onListSets.set(k, new Set(ids));
  // A form asks about the same few lists thousands of times: the normalised name is kept.
  const keyed = new Map<string, string>();
  const cachedListKey = (list: string, year: number) => {
    let k = keyed.get(list);
    if (k === undefined) {
      k = key(list);
      keyed.set(list, k);
    }
    return `${k}\u0001${year}`;
  };
  const none: readonly string[] = Object.freeze([]);
  return {
    municipalityId: municipality,
    schoolId: school,
    schoolIdIn: (text, municipalityId) => {
      let find = schoolIn.get(municipalityId);
      if (!find) {
        find = resolver(schoolsOf.get(municipalityId) ?? []);
        schoolIn.set(municipalityId, find);
      }
      return find(text) ?? (schoolMuni.has(text.trim()) ? text.trim() : undefined);
    },
    personId: person,
    personName: (id) => personNames.get(id),
    schoolMunicipality: (id) => schoolMuni.get(id),
    schoolName: (id) => schoolNames.get(id),
    listSchools: (list, year, municipalityId) => {
      const k = cachedListKey(list, year);
      return (municipalityId === undefined ? onList.get(k) : onListByMuni.get(`${k}\u0001${municipalityId}`)) ?? none;
    },
    isOnList: (list, year, schoolId) => onListSets.get(cachedListKey(list, year))?.has(schoolId) ?? false,
    municipalityIds: () => dataset.municipalities.map((m) => m.id),
    municipalityName: (id) => muniNames.get(id),
  };
}
