/**
 * How a definition is laid out as a spreadsheet (XLSForm-style), shared by the compiler and the
 * writer: sheet names, column headers, and the Russian words for each enumerated value.
 */
export interface DefColumn {
  key: string;
  header: string;
  kind: 'text' | 'number' | 'word';
  /** Russian word → definition value, for kind 'word'. */
  words?: Readonly<Record<string, string>>;
  width?: number;
}

export interface DefSheet {
  part: 'layouts' | 'fields' | 'lists' | 'checks' | 'sections' | 'items' | 'levels' | 'flags';
  sheet: string;
  columns: readonly DefColumn[];
}

export const SETTINGS_SHEET = 'Настройки';
/** Rows of «Настройки» with a meaning of their own; every other row is a named parameter. */
export const SETTINGS_KEYS: Readonly<Record<string, 'id' | 'version' | 'title' | 'methodology' | 'levelBy'>> = {
  'Код формы': 'id',
  'Версия (год)': 'version',
  Название: 'title',
  Методика: 'methodology',
  'Уровень по полю': 'levelBy',
};
export const SETTINGS_HEADERS = ['Параметр', 'Значение'] as const;

export const TYPE_WORDS = {
  число: 'number',
  целое: 'integer',
  процент: 'percent',
  дата: 'date',
  текст: 'text',
  выбор: 'choice',
  'несколько из списка': 'multi',
  'да/нет': 'yesno',
} as const;
export const LAYOUT_WORDS = { карточка: 'card', таблица: 'table', матрица: 'matrix' } as const;
export const REF_WORDS = { муниципалитет: 'municipality', школа: 'school', человек: 'person' } as const;
export const PREFILL_WORDS = { муниципалитет: 'municipality', год: 'year' } as const;
export const CHECK_WORDS = {
  сравнение: 'compare',
  период: 'period',
  приоритеты: 'ranks',
  'без повторов': 'unique',
  'охват списка': 'covers',
  'не больше на одно значение': 'cap',
  'число по списку': 'listCount',
  'принадлежность муниципалитету': 'belongs',
} as const;

const w = (key: string, header: string, words: Record<string, string>, width = 14): DefColumn => ({ key, header, kind: 'word', words, width });
const t = (key: string, header: string, width = 16): DefColumn => ({ key, header, kind: 'text', width });
const n = (key: string, header: string, width = 8): DefColumn => ({ key, header, kind: 'number', width });

export const DEF_SHEETS: readonly DefSheet[] = [
  {
    part: 'layouts',
    sheet: 'Макеты',
    columns: [
      t('id', 'Код', 12),
      w('kind', 'Вид', LAYOUT_WORDS),
      t('sheet', 'Лист', 24),
      t('title', 'Заголовок', 40),
      t('keyHeader', 'Столбец ключа'),
      t('labelHeader', 'Столбец подписи'),
      t('valueHeader', 'Столбец значения'),
      t('rows', 'Строки (список)'),
      n('blankRows', 'Пустых строк'),
      t('noteHeader', 'Столбец пояснения'),
    ],
  },
  {
    part: 'fields',
    sheet: 'Поля',
    columns: [
      t('id', 'Код', 14),
      t('label', 'Подпись', 50),
      t('layout', 'Макет', 10),
      t('key', 'Ключ', 6),
      t('column', 'Столбец', 18),
      t('section', 'Раздел', 8),
      w('type', 'Тип', TYPE_WORDS, 12),
      t('list', 'Список', 12),
      t('required', 'Обязательно', 14),
      t('relevant', 'Условие', 22),
      t('constraint', 'Ограничение', 22),
      t('constraintMessage', 'Сообщение', 30),
      t('calculate', 'Формула', 30),
      n('min', 'Мин'),
      n('max', 'Макс'),
      w('ref', 'Справочник', REF_WORDS),
      w('prefill', 'Подставить', PREFILL_WORDS),
      t('hint', 'Подсказка', 30),
    ],
  },
  {
    part: 'lists',
    sheet: 'Списки',
    columns: [t('list', 'Список', 14), t('value', 'Значение', 20), t('label', 'Подпись', 50), t('note', 'Пояснение', 30)],
  },
  {
    part: 'checks',
    sheet: 'Проверки',
    columns: [
      t('id', 'Код', 14),
      w('kind', 'Вид', CHECK_WORDS, 22),
      t('field', 'Поле', 14),
      t('op', 'Оператор', 8),
      t('value', 'Значение', 20),
      t('from', 'С', 14),
      t('to', 'По', 14),
      t('list', 'Список школ', 10),
      t('year', 'Год', 10),
      t('municipality', 'Муниципалитет', 14),
      t('message', 'Сообщение', 40),
    ],
  },
  { part: 'sections', sheet: 'Разделы', columns: [t('id', 'Код', 8), t('title', 'Название', 60)] },
  {
    part: 'items',
    sheet: 'Баллы',
    columns: [
      t('field', 'Поле', 14),
      t('section', 'Раздел', 8),
      t('option', 'Вариант', 20),
      n('min', 'От'),
      n('max', 'До'),
      t('formula', 'Формула', 24),
      n('points', 'Баллы'),
      t('na', 'Н/П, если', 24),
    ],
  },
  {
    part: 'levels',
    sheet: 'Уровни',
    columns: [
      t('id', 'Код', 12),
      t('title', 'Уровень', 16),
      n('min', 'От (включительно)', 10),
      t('color', 'Цвет', 10),
      t('recommendation', 'Рекомендация', 60),
    ],
  },
  { part: 'flags', sheet: 'Флаги', columns: [t('id', 'Код', 16), t('when', 'Условие', 40), t('message', 'Сообщение', 60)] },
];

/** The Russian word for a definition value, for the writer. */
export function wordFor(column: DefColumn, value: string): string {
  const hit = Object.entries(column.words ?? {}).find(([, v]) => v === value);
  return hit ? hit[0] : value;
}
