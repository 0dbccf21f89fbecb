import type { Municipality, Person } from '../../core/model/schemas';
import { inventPerson, seededRandom } from './invented-names';

type Kind = Municipality['kind'];

/** How the МОУО is named: the usual «Управление образования администрации …» or a variant. */
type AuthorityStyle = 'управление' | 'отдел' | 'управление образованием' | { name: string; head: string; headDative: string };

export interface MunicipalityRow {
  id: string;
  /** The adjective the name is built on: «Кизильский». */
  base: string;
  kind: Kind;
  zato?: boolean;
  /** The year a district became a municipal okrug. */
  since?: number;
  /** The administrative centre, with its kind: «г. Копейск», «с. Кизильское». */
  centre: string;
  /** ШНОР in 2023 and leader schools: the sample's school counts. */
  shnor: number;
  leaders: number;
  authority?: AuthorityStyle;
}

/**
 * Chelyabinsk oblast's 43 municipalities (public facts; names are not keys: Троицкий and
 * Чебаркульский are each an urban okrug and a district). Which districts became okrugs, and when,
 * is illustrative. School counts are invented, bigger okrugs having more.
 */
export const MUNICIPALITY_ROWS: readonly MunicipalityRow[] = [
  { id: 'mo01', base: 'Верхнеуфалейский', kind: 'городской округ', centre: 'г. Верхний Уфалей', shnor: 3, leaders: 1 },
  {
    id: 'mo02',
    base: 'Златоустовский',
    kind: 'городской округ',
    centre: 'г. Златоуст',
    shnor: 8,
    leaders: 1,
    authority: {
      name: 'Управление образования и молодежной политики администрации Златоустовского городского округа',
      head: 'Начальник Управления образования и молодежной политики администрации Златоустовского городского округа',
      headDative: 'Начальнику Управления образования и молодежной политики администрации Златоустовского городского округа',
    },
  },
  { id: 'mo03', base: 'Карабашский', kind: 'городской округ', centre: 'г. Карабаш', shnor: 2, leaders: 0, authority: 'отдел' },
  { id: 'mo04', base: 'Копейский', kind: 'городской округ', centre: 'г. Копейск', shnor: 9, leaders: 1 },
  { id: 'mo05', base: 'Кыштымский', kind: 'городской округ', centre: 'г. Кыштым', shnor: 4, leaders: 1 },
  { id: 'mo06', base: 'Локомотивный', kind: 'городской округ', zato: true, centre: 'п. Локомотивный', shnor: 1, leaders: 0, authority: 'отдел' },
  {
    id: 'mo07',
    base: 'Магнитогорский',
    kind: 'городской округ',
    centre: 'г. Магнитогорск',
    shnor: 13,
    leaders: 3,
    authority: {
      name: 'Управление образования администрации города Магнитогорска',
      head: 'Начальник Управления образования администрации города Магнитогорска',
      headDative: 'Начальнику Управления образования администрации города Магнитогорска',
    },
  },
  {
    id: 'mo08',
    base: 'Миасский',
    kind: 'городской округ',
    centre: 'г. Миасс',
    shnor: 8,
    leaders: 2,
    authority: {
      name: 'Управление образования Администрации Миасского городского округа',
      head: 'Начальник Управления образования Администрации Миасского городского округа',
      headDative: 'Начальнику Управления образования Администрации Миасского городского округа',
    },
  },
  { id: 'mo09', base: 'Озерский', kind: 'городской округ', zato: true, centre: 'г. Озерск', shnor: 4, leaders: 1 },
  { id: 'mo10', base: 'Снежинский', kind: 'городской округ', zato: true, centre: 'г. Снежинск', shnor: 2, leaders: 1 },
  { id: 'mo11', base: 'Трехгорный', kind: 'городской округ', zato: true, centre: 'г. Трехгорный', shnor: 2, leaders: 0 },
  {
    id: 'mo12',
    base: 'Троицкий',
    kind: 'городской округ',
    centre: 'г. Троицк',
    shnor: 5,
    leaders: 1,
    authority: {
      name: 'Комитет по образованию администрации города Троицка',
      head: 'Председатель Комитета по образованию администрации города Троицка',
      headDative: 'Председателю Комитета по образованию администрации города Троицка',
    },
  },
  { id: 'mo13', base: 'Усть-Катавский', kind: 'городской округ', centre: 'г. Усть-Катав', shnor: 3, leaders: 0 },
  { id: 'mo14', base: 'Чебаркульский', kind: 'городской округ', centre: 'г. Чебаркуль', shnor: 3, leaders: 1 },
  {
    id: 'mo15',
    base: 'Челябинский',
    kind: 'городской округ',
    centre: 'г. Челябинск',
    shnor: 28,
    leaders: 5,
    authority: {
      name: 'Комитет по делам образования города Челябинска',
      head: 'Председатель Комитета по делам образования города Челябинска',
      headDative: 'Председателю Комитета по делам образования города Челябинска',
    },
  },
  { id: 'mo16', base: 'Южноуральский', kind: 'городской округ', centre: 'г. Южноуральск', shnor: 3, leaders: 1 },
  { id: 'mo17', base: 'Агаповский', kind: 'муниципальный район', centre: 'с. Агаповка', shnor: 5, leaders: 1 },
  { id: 'mo18', base: 'Аргаяшский', kind: 'муниципальный район', centre: 'с. Аргаяш', shnor: 6, leaders: 0 },
  { id: 'mo19', base: 'Ашинский', kind: 'муниципальный район', centre: 'г. Аша', shnor: 5, leaders: 1, authority: 'управление образованием' },
  { id: 'mo20', base: 'Брединский', kind: 'муниципальный округ', since: 2024, centre: 'п. Бреды', shnor: 5, leaders: 0 },
  { id: 'mo21', base: 'Варненский', kind: 'муниципальный округ', since: 2023, centre: 'с. Варна', shnor: 5, leaders: 1 },
  { id: 'mo22', base: 'Верхнеуральский', kind: 'муниципальный район', centre: 'г. Верхнеуральск', shnor: 5, leaders: 0 },
  { id: 'mo23', base: 'Еманжелинский', kind: 'муниципальный район', centre: 'г. Еманжелинск', shnor: 4, leaders: 1 },
  { id: 'mo24', base: 'Еткульский', kind: 'муниципальный округ', since: 2024, centre: 'с. Еткуль', shnor: 5, leaders: 0 },
  {
    id: 'mo25',
    base: 'Карталинский',
    kind: 'муниципальный район',
    centre: 'г. Карталы',
    shnor: 6,
    leaders: 1,
    authority: {
      name: 'Управление образования Карталинского муниципального района',
      head: 'Начальник Управления образования Карталинского муниципального района',
      headDative: 'Начальнику Управления образования Карталинского муниципального района',
    },
  },
  { id: 'mo26', base: 'Каслинский', kind: 'муниципальный район', centre: 'г. Касли', shnor: 4, leaders: 0 },
  { id: 'mo27', base: 'Катав-Ивановский', kind: 'муниципальный район', centre: 'г. Катав-Ивановск', shnor: 4, leaders: 0 },
  { id: 'mo28', base: 'Кизильский', kind: 'муниципальный округ', since: 2024, centre: 'с. Кизильское', shnor: 6, leaders: 1 },
  { id: 'mo29', base: 'Коркинский', kind: 'муниципальный район', centre: 'г. Коркино', shnor: 4, leaders: 1 },
  { id: 'mo30', base: 'Красноармейский', kind: 'муниципальный район', centre: 'с. Миасское', shnor: 5, leaders: 1 },
  {
    id: 'mo31',
    base: 'Кунашакский',
    kind: 'муниципальный район',
    centre: 'с. Кунашак',
    shnor: 5,
    leaders: 0,
    authority: {
      name: 'МКУ «Управление образования» Кунашакского муниципального района',
      head: 'Начальник МКУ «Управление образования» Кунашакского муниципального района',
      headDative: 'Начальнику МКУ «Управление образования» Кунашакского муниципального района',
    },
  },
  { id: 'mo32', base: 'Кусинский', kind: 'муниципальный район', centre: 'г. Куса', shnor: 3, leaders: 0 },
  { id: 'mo33', base: 'Нагайбакский', kind: 'муниципальный округ', since: 2024, centre: 'с. Фершампенуаз', shnor: 4, leaders: 0, authority: 'отдел' },
  { id: 'mo34', base: 'Нязепетровский', kind: 'муниципальный округ', since: 2022, centre: 'г. Нязепетровск', shnor: 3, leaders: 0 },
  { id: 'mo35', base: 'Октябрьский', kind: 'муниципальный округ', since: 2024, centre: 'с. Октябрьское', shnor: 5, leaders: 1 },
  { id: 'mo36', base: 'Пластовский', kind: 'муниципальный округ', since: 2022, centre: 'г. Пласт', shnor: 3, leaders: 1 },
  { id: 'mo37', base: 'Саткинский', kind: 'муниципальный район', centre: 'г. Сатка', shnor: 4, leaders: 1, authority: 'управление образованием' },
  { id: 'mo38', base: 'Сосновский', kind: 'муниципальный район', centre: 'с. Долгодеревенское', shnor: 5, leaders: 1 },
  { id: 'mo39', base: 'Троицкий', kind: 'муниципальный район', centre: 'г. Троицк', shnor: 4, leaders: 0 },
  { id: 'mo40', base: 'Увельский', kind: 'муниципальный район', centre: 'п. Увельский', shnor: 4, leaders: 1 },
  { id: 'mo41', base: 'Уйский', kind: 'муниципальный округ', since: 2023, centre: 'с. Уйское', shnor: 4, leaders: 0 },
  { id: 'mo42', base: 'Чебаркульский', kind: 'муниципальный район', centre: 'г. Чебаркуль', shnor: 3, leaders: 0 },
  { id: 'mo43', base: 'Чесменский', kind: 'муниципальный округ', since: 2023, centre: 'с. Чесма', shnor: 4, leaders: 0 },
];

const KIND_GENITIVE: Record<Kind, string> = {
  'городской округ': 'городского округа',
  'муниципальный район': 'муниципального района',
  'муниципальный округ': 'муниципального округа',
};

/** «Кизильский» → «Кизильского», «Трехгорный» → «Трехгорного». */
function adjectiveGenitive(base: string): string {
  return base.replace(/ий$/, 'ого').replace(/ый$/, 'ого');
}

export function municipalityName(row: Pick<MunicipalityRow, 'base' | 'kind' | 'zato'>): string {
  return `${row.base} ${row.kind}${row.zato ? ' (ЗАТО)' : ''}`;
}

function authorityOf(row: MunicipalityRow): { name: string; head: string; headDative: string } {
  const style = row.authority ?? 'управление';
  if (typeof style === 'object') return style;
  const of = `администрации ${adjectiveGenitive(row.base)} ${KIND_GENITIVE[row.kind]}`;
  const body = style === 'отдел' ? 'Отдел образования' : style === 'управление образованием' ? 'Управление образованием' : 'Управление образования';
  const bodyGenitive =
    style === 'отдел' ? 'Отдела образования' : style === 'управление образованием' ? 'Управления образованием' : 'Управления образования';
  return { name: `${body} ${of}`, head: `Начальник ${bodyGenitive} ${of}`, headDative: `Начальнику ${bodyGenitive} ${of}` };
}

/** The 43 municipalities and their invented heads of education. */
export function buildMunicipalities(takenSurnames: Set<string>): { municipalities: Municipality[]; heads: Person[] } {
  const random = seededRandom(7443);
  const municipalities: Municipality[] = [];
  const heads: Person[] = [];
  for (const row of MUNICIPALITY_ROWS) {
    const authority = authorityOf(row);
    const headId = `head${row.id.slice(2)}`;
    const head = inventPerson(random, headId, takenSurnames, random() < 0.6);
    heads.push({ ...head, position: authority.head, organisation: authority.name });
    municipalities.push({
      id: row.id,
      name: municipalityName(row),
      kind: row.kind,
      ...(row.since !== undefined ? { kindSince: row.since, formerName: municipalityName({ ...row, kind: 'муниципальный район' }) } : {}),
      authority: authority.name,
      headPositionDative: authority.headDative,
      headId,
    });
  }
  return { municipalities, heads };
}
