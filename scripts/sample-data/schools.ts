import type { School, SchoolListEntry } from '../../core/model/schemas';
import { MUNICIPALITY_ROWS, type MunicipalityRow } from './municipalities';
import { pick, seededRandom } from './invented-names';

/** Village names and their school adjectives (invented, common Russian place names). */
const VILLAGES: ReadonlyArray<readonly [string, string]> = [
  ['Березовка', 'Березовская'],
  ['Петровка', 'Петровская'],
  ['Андреевка', 'Андреевская'],
  ['Ивановка', 'Ивановская'],
  ['Николаевка', 'Николаевская'],
  ['Михайловка', 'Михайловская'],
  ['Александровка', 'Александровская'],
  ['Алексеевка', 'Алексеевская'],
  ['Владимировка', 'Владимировская'],
  ['Богдановка', 'Богдановская'],
  ['Полтавка', 'Полтавская'],
  ['Кочнево', 'Кочневская'],
  ['Ключи', 'Ключевская'],
  ['Дубровка', 'Дубровская'],
  ['Покровка', 'Покровская'],
  ['Вознесенка', 'Вознесенская'],
  ['Павловка', 'Павловская'],
  ['Еленинка', 'Еленинская'],
  ['Кулуево', 'Кулуевская'],
  ['Тимофеевка', 'Тимофеевская'],
  ['Степное', 'Степнинская'],
  ['Федоровка', 'Федоровская'],
  ['Каменка', 'Каменская'],
  ['Ильинка', 'Ильинская'],
  ['Максимовка', 'Максимовская'],
  ['Любимовка', 'Любимовская'],
  ['Черкасово', 'Черкасовская'],
  ['Бобровка', 'Бобровская'],
  ['Мирный', 'Мирненская'],
  ['Новинка', 'Новинская'],
  ['Коелга', 'Коелгинская'],
  ['Вахрушево', 'Вахрушевская'],
  ['Ларино', 'Ларинская'],
  ['Шумово', 'Шумовская'],
  ['Мордвиновка', 'Мордвиновская'],
  ['Анненское', 'Анненская'],
];

const STREETS = [
  'Ленина',
  'Мира',
  'Школьная',
  'Советская',
  'Молодежная',
  'Центральная',
  'Гагарина',
  'Победы',
  'Кирова',
  'Октябрьская',
  'Пушкина',
  'Садовая',
  'Строителей',
  'Труда',
];

export interface SampleSchools {
  schools: School[];
  schoolLists: SchoolListEntry[];
}

/** Schools a municipality gets: ШНОР of 2023, leader schools, and (for a few) newcomers of 2024. */
interface Plan {
  row: MunicipalityRow;
  shnor: number;
  leaders: number;
  newcomers: number;
}

/** «Кизильский» → «Кизильская». */
function feminine(base: string): string {
  return base.replace(/ий$/, 'ая').replace(/ый$/, 'ая');
}

class SchoolNamer {
  private readonly usedNumbers = new Set<number>();
  private readonly usedVillages = new Set<string>();
  private centreSchools = 0;
  /** The district's school № 1, parent of its filials. */
  private firstSchool = '';

  constructor(
    private readonly row: MunicipalityRow,
    private readonly random: () => number,
  ) {}

  private isUrban(): boolean {
    return this.row.kind === 'городской округ';
  }

  private freshNumber(max: number): number {
    let n = 1 + Math.floor(this.random() * max);
    while (this.usedNumbers.has(n)) n = (n % max) + 1;
    this.usedNumbers.add(n);
    return n;
  }

  private street(): string {
    return `ул. ${pick(this.random, STREETS)}, д. ${1 + Math.floor(this.random() * 60)}`;
  }

  /** School numbers run to about 150 in Челябинск, 70 in Магнитогорск, 30 in a small town. */
  private numberRange(): number {
    return this.row.shnor >= 20 ? 150 : this.row.shnor >= 10 ? 70 : 30;
  }

  private cityTail(): string {
    return this.row.id === 'mo15' ? ' г. Челябинска' : '';
  }

  /** A leader school: a lyceum or gymnasium in town, the centre's big school in a district. */
  leader(): Omit<School, 'id' | 'municipalityId'> {
    if (this.isUrban()) {
      const kind = pick(this.random, ['Лицей', 'Гимназия', 'СОШ'] as const);
      const n = this.freshNumber(kind === 'СОШ' ? this.numberRange() : Math.min(40, this.numberRange()));
      const form = kind === 'СОШ' ? 'МАОУ' : pick(this.random, ['МАОУ', 'МБОУ'] as const);
      return { name: `${form} "${kind} № ${n}${this.cityTail()}"`, address: `${this.row.centre}, ${this.street()}` };
    }
    return this.centreSchool('МОУ', true);
  }

  private centreSchool(form: string, leads = false): Omit<School, 'id' | 'municipalityId'> {
    this.centreSchools += 1;
    const name = `${form} "${feminine(this.row.base)} СОШ № ${this.centreSchools}"`;
    // A leader's filial would share its legal entity with a ШНОР: filials hang off ordinary schools only.
    if (this.centreSchools === 1 && !leads) this.firstSchool = name;
    return { name, address: `${this.row.centre}, ${this.street()}` };
  }

  /** An ordinary school: numbered in town; the centre's schools, then village schools and a filial in a district. */
  ordinary(): Omit<School, 'id' | 'municipalityId'> {
    if (this.isUrban()) {
      const kind = this.random() < 0.85 ? 'СОШ' : 'ООШ';
      const n = this.freshNumber(this.numberRange());
      const form = pick(this.random, ['МБОУ', 'МБОУ', 'МАОУ', 'МОУ'] as const);
      return { name: `${form} "${kind} № ${n}${this.cityTail()}"`, address: `${this.row.centre}, ${this.street()}` };
    }
    const form = pick(this.random, ['МКОУ', 'МКОУ', 'МОУ', 'МБОУ'] as const);
    if (this.centreSchools < 1 || (this.centreSchools < 2 && this.row.shnor >= 5)) return this.centreSchool(form);
    let village = pick(this.random, VILLAGES);
    while (this.usedVillages.has(village[0])) village = pick(this.random, VILLAGES);
    this.usedVillages.add(village[0]);
    const level = this.random() < 0.7 ? 'СОШ' : 'ООШ';
    const place = village[0].endsWith('ый') ? 'п.' : 'с.';
    const address = `${place} ${village[0]}, ${this.street()}`;
    if (this.firstSchool !== '' && this.random() < 0.12) {
      return { name: `филиал ${this.firstSchool} – "${village[1]} ООШ"`, address };
    }
    return { name: `${form} "${village[1]} ${level}"`, address };
  }
}

/** Municipalities that get a school new to the ШНОР list in 2024 (it was only under ВПР suspicion in 2023). */
const NEWCOMERS = new Set(['mo04', 'mo15', 'mo28', 'mo38']);
/** Every this-many-th ШНОР of 2023 left the list in 2024. */
const EXIT_EVERY = 36;

/** Every this-many-th ШНОР of 2024 left the list in 2025. */
const EXIT_2025_EVERY = 15;
/** How many ШНОР a leader school supports in 2025 (2024's lists carry no caps). */
const LEADER_CAP_2025 = 8;

/** 2025's lists from 2024's, without drawing random numbers (2024's schools stay as they were). */
function addNextYear(schoolLists: SchoolListEntry[]): void {
  let shnor = 0;
  for (const e of schoolLists.filter((x) => x.year === 2024)) {
    if (e.list === 'ШНОР' && ++shnor % EXIT_2025_EVERY === 0) continue;
    schoolLists.push({ ...e, year: 2025, ...(e.list === 'школа-лидер' ? { cap: LEADER_CAP_2025 } : {}) });
  }
}

/**
 * About 250 invented schools: 218 ШНОР of 2023 (as seed 004 counts), most of them still ШНОР in
 * 2024, some also НСУ or with signs of non-objective ВПР; 32 leader schools that are never ШНОР.
 */
export function buildSchools(): SampleSchools {
  const random = seededRandom(2023);
  const schools: School[] = [];
  const schoolLists: SchoolListEntry[] = [];
  const add = (year: number, schoolId: string, list: SchoolListEntry['list']) => schoolLists.push({ year, schoolId, list });
  let shnorCount = 0;
  const plans: Plan[] = MUNICIPALITY_ROWS.map((row) => ({ row, shnor: row.shnor, leaders: row.leaders, newcomers: NEWCOMERS.has(row.id) ? 1 : 0 }));
  for (const plan of plans) {
    const namer = new SchoolNamer(plan.row, random);
    const newSchool = (fields: Omit<School, 'id' | 'municipalityId'>): string => {
      const id = `sch${String(schools.length + 1).padStart(3, '0')}`;
      schools.push({ id, municipalityId: plan.row.id, ...fields });
      return id;
    };
    // District centres' first schools go to leaders when there are any: the big school leads.
    for (let i = 0; i < plan.leaders; i++) {
      const id = newSchool(namer.leader());
      add(2023, id, 'школа-лидер');
      add(2024, id, 'школа-лидер');
    }
    for (let i = 0; i < plan.shnor; i++) {
      const id = newSchool(namer.ordinary());
      shnorCount += 1;
      add(2023, id, 'ШНОР');
      if (random() < 0.15) add(2023, id, 'НСУ');
      if (random() < 0.08) add(2023, id, 'необъективность ВПР');
      if (shnorCount % EXIT_EVERY === 0) continue;
      add(2024, id, 'ШНОР');
      if (random() < 0.15) add(2024, id, 'НСУ');
      if (random() < 0.07) add(2024, id, 'необъективность ВПР');
    }
    for (let i = 0; i < plan.newcomers; i++) {
      const id = newSchool(namer.ordinary());
      add(2023, id, 'необъективность ВПР');
      add(2024, id, 'ШНОР');
    }
  }
  addNextYear(schoolLists);
  const order = (e: SchoolListEntry) => `${e.year}|${e.schoolId}|${['ШНОР', 'НСУ', 'необъективность ВПР', 'школа-лидер'].indexOf(e.list)}`;
  schoolLists.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { schools, schoolLists };
}
