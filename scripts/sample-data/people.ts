import type { Person } from '../../core/model/schemas';
import { inventPerson, seededRandom } from './invented-names';

const CHIPPKRO = 'ГБУ ДПО «Челябинский институт переподготовки и повышения квалификации работников образования»';
const CHIRO = 'ГБУ ДПО «Челябинский институт развития образования»';
const MINISTRY = 'Министерство образования и науки Челябинской области';

/** People of the seeds, with invented first names and patronymics that match their initials. */
export const SEED_PEOPLE: Person[] = [
  {
    id: 'kouzova',
    lastName: 'Коузова',
    firstName: 'Елена',
    middleName: 'Александровна',
    position: 'Первый заместитель Министра образования и науки Челябинской области',
    organisation: MINISTRY,
  },
  {
    id: 'buzhmastova',
    lastName: 'Бужмастова',
    firstName: 'Елена',
    middleName: 'Викторовна',
    position: 'Начальник управления общего образования',
    organisation: MINISTRY,
  },
  {
    id: 'ilyasov',
    lastName: 'Ильясов',
    firstName: 'Дамир',
    middleName: 'Фаритович',
    position: 'Заведующий кафедрой педагогики и психологии',
    organisation: CHIPPKRO,
  },
  {
    id: 'sevryukova',
    lastName: 'Севрюкова',
    firstName: 'Анна',
    middleName: 'Александровна',
    position: 'Доцент кафедры педагогики и психологии',
    organisation: CHIPPKRO,
  },
  {
    id: 'donskoy',
    lastName: 'Донской',
    firstName: 'Андрей',
    middleName: 'Геннадьевич',
    position: 'Заведующий лабораторией по научно-исследовательской работе',
    organisation: CHIPPKRO,
  },
  {
    id: 'sakhno',
    lastName: 'Сахно',
    firstName: 'Олег',
    middleName: 'Анатольевич',
    position: 'Заведующий центром цифрового образования и массовых коммуникаций',
    organisation: CHIPPKRO,
  },
  {
    id: 'borchenko',
    lastName: 'Борченко',
    firstName: 'Андрей',
    middleName: 'Александрович',
    position: 'Заместитель начальника отдела взаимодействия с органами исполнительной власти Челябинской области и органами местного самоуправления',
    organisation: 'ГУ МВД России по Челябинской области',
  },
  {
    id: 'zadorin',
    lastName: 'Задорин',
    firstName: 'Константин',
    middleName: 'Сергеевич',
    position: 'Доцент кафедры воспитания и дополнительного образования',
    organisation: CHIPPKRO,
  },
  {
    id: 'safronova',
    lastName: 'Сафронова',
    firstName: 'Светлана',
    middleName: 'Николаевна',
    position: 'Ректор',
    organisation: 'БУ ДПО РА ИПКиПП РО РА',
  },
  {
    id: 'chistyakova',
    lastName: 'Чистякова',
    firstName: 'Валентина',
    middleName: 'Алексеевна',
    position: 'Методист',
    organisation: 'БУ ДПО РА ИПКиПП РО РА',
    phone: '8(388)22-2-55-83',
  },
  {
    id: 'gorshkov',
    lastName: 'Горшков',
    firstName: 'Геннадий',
    middleName: 'Александрович',
    position: 'Начальник управления сопровождения оценочных процедур',
    organisation: CHIRO,
    phone: '217-31-02 (доб. 2061)',
    email: 'gennadiy.gorshkov@chiro74.ru',
  },
  {
    id: 'knutareva',
    lastName: 'Кнутарева',
    firstName: 'Надежда',
    middleName: 'Павловна',
    position: 'Методист управления сопровождения оценочных процедур',
    organisation: CHIRO,
    phone: '217-31-02 (доб. 2062)',
    email: 'nadezhda.knutareva@chiro74.ru',
    role: 'куратор',
    curatorCap: 12,
  },
];

/** Invented: the minister who signs the order, and the executor of the ministry's letters (seed 004's phone). */
export const MINISTRY_PEOPLE: Person[] = [
  {
    id: 'minister',
    lastName: 'Соколов',
    firstName: 'Андрей',
    middleName: 'Викторович',
    position: 'Министр образования и науки Челябинской области',
    organisation: MINISTRY,
  },
  {
    id: 'lopatina',
    lastName: 'Лопатина',
    firstName: 'Светлана',
    middleName: 'Александровна',
    position: 'Главный специалист управления общего образования',
    organisation: MINISTRY,
    phone: '(351) 263-18-15',
  },
];

const CURATOR_POSITIONS = [
  'Методист управления сопровождения оценочных процедур',
  'Старший методист управления сопровождения оценочных процедур',
  'Доцент кафедры педагогики и психологии',
  'Старший преподаватель кафедры управления и экономики образования',
  'Доцент кафедры естественно-математического образования',
  'Старший преподаватель кафедры филологического образования',
] as const;

/** Curators of the 2024 distribution: Кнутарева (seed 004) and nineteen invented institute staff. */
export function buildCurators(takenSurnames: Set<string>): Person[] {
  const random = seededRandom(74);
  const curators: Person[] = [];
  for (let i = 1; i <= 19; i++) {
    const person = inventPerson(random, `cur${String(i).padStart(2, '0')}`, takenSurnames, random() < 0.75);
    const position = CURATOR_POSITIONS[i % CURATOR_POSITIONS.length]!;
    const ext = 2062 + i;
    // Caps of 10 to 12 (the F7 form's cap); the first curator works in Челябинск only.
    const curatorCap = i % 4 === 0 ? 10 : 12;
    curators.push({
      ...person,
      position,
      organisation: CHIRO,
      phone: `217-31-02 (доб. ${ext})`,
      role: 'куратор',
      curatorCap,
      ...(i === 1 ? { covers: 'mo15' } : {}),
    });
  }
  return curators;
}

export const CURATOR_IDS_EXTRA = ['knutareva'] as const;
