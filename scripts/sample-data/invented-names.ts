import type { Person } from '../../core/model/schemas';

/** A small seeded generator (mulberry32): the sample must come out the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Surnames in the masculine; the feminine adds «а» (all end in -ов, -ев, -ин, -ын). */
const SURNAMES = [
  'Абрамов',
  'Белоусов',
  'Васильев',
  'Галкин',
  'Гончаров',
  'Демин',
  'Ермолаев',
  'Жуков',
  'Зайцев',
  'Игнатьев',
  'Калинин',
  'Киселев',
  'Колесников',
  'Комаров',
  'Кудрявцев',
  'Лаптев',
  'Лебедев',
  'Мартынов',
  'Медведев',
  'Миронов',
  'Назаров',
  'Никитин',
  'Носов',
  'Овчинников',
  'Орлов',
  'Панов',
  'Пестов',
  'Полянин',
  'Рожков',
  'Рябов',
  'Савин',
  'Селиверстов',
  'Сидоров',
  'Симонов',
  'Соловьев',
  'Суханов',
  'Тимофеев',
  'Титов',
  'Уткин',
  'Федосеев',
  'Филатов',
  'Хабибуллин',
  'Чернов',
  'Шарипов',
  'Шестаков',
  'Щербаков',
  'Юдин',
  'Яковлев',
  'Ахметов',
  'Багаутдинов',
  'Вершинин',
  'Горбунов',
  'Дьячков',
  'Ершов',
  'Зырянов',
  'Исаев',
  'Карпов',
  'Кузьмин',
  'Латыпов',
  'Мухаметов',
  'Аксенов',
  'Блинов',
  'Воронин',
  'Головин',
  'Денисов',
  'Ефимов',
  'Журавлев',
  'Зуев',
  'Ильин',
  'Климов',
  'Королев',
  'Лукин',
  'Макаров',
  'Наумов',
  'Осипов',
  'Попов',
  'Родионов',
  'Субботин',
  'Ушаков',
  'Фомин',
] as const;

const MALE_NAMES = [
  'Александр',
  'Алексей',
  'Андрей',
  'Валерий',
  'Виктор',
  'Владимир',
  'Дмитрий',
  'Евгений',
  'Игорь',
  'Максим',
  'Михаил',
  'Николай',
  'Олег',
  'Павел',
  'Сергей',
  'Юрий',
  'Рустам',
  'Артем',
] as const;
const FEMALE_NAMES = [
  'Анна',
  'Валентина',
  'Галина',
  'Екатерина',
  'Елена',
  'Ирина',
  'Лариса',
  'Людмила',
  'Марина',
  'Наталья',
  'Оксана',
  'Ольга',
  'Светлана',
  'Татьяна',
  'Юлия',
  'Гульнара',
  'Надежда',
  'Вера',
] as const;
/** Patronymic stems: «Александрович» / «Александровна». */
const PATRONYMIC_STEMS = [
  'Александров',
  'Алексеев',
  'Анатольев',
  'Борисов',
  'Викторов',
  'Владимиров',
  'Геннадьев',
  'Иванов',
  'Михайлов',
  'Николаев',
  'Петров',
  'Сергеев',
  'Юрьев',
  'Рашидов',
  'Павлов',
  'Федоров',
] as const;

/** An invented person; the surname is unique among those already taken. */
export function inventPerson(random: () => number, id: string, taken: Set<string>, female: boolean): Person {
  let base: string = pick(random, SURNAMES);
  for (let guard = 0; taken.has(base) && guard < 200; guard++) base = pick(random, SURNAMES);
  taken.add(base);
  const stem = pick(random, PATRONYMIC_STEMS);
  return {
    id,
    lastName: female ? `${base}а` : base,
    firstName: female ? pick(random, FEMALE_NAMES) : pick(random, MALE_NAMES),
    middleName: female ? `${stem}на` : `${stem}ич`,
  };
}
