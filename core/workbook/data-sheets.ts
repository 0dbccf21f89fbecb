import {
  APPROVAL_FORMS,
  ATTACHMENT_KINDS,
  DOCUMENT_KINDS,
  FIXED_MARKS,
  GENDERS,
  MUNICIPALITY_KINDS,
  PARAGRAPH_PLACES,
  PARAGRAPH_STYLES,
  SCHOOL_LISTS,
  type CollectionName,
  type Dataset,
} from '../model/schemas';

export type ColumnType = 'id' | 'text' | 'date' | 'integer' | 'choice';

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  type: ColumnType;
  required?: boolean;
  choices?: readonly string[];
  /** The collection whose `id` this column must name. */
  ref?: CollectionName;
  /** Shown in the blank workbook as the header's input message. */
  hint?: string;
  width?: number;
}

export interface SheetSpec<C extends CollectionName = CollectionName> {
  collection: C;
  sheet: string;
  /** A workbook without this sheet is an error; other sheets may be absent. */
  required: boolean;
  /** Which column is the record's unique code, if any. */
  idKey?: string;
  /** Columns whose combined value must be unique (e.g. document + paragraph №). */
  uniqueKeys?: readonly string[];
  columns: ReadonlyArray<ColumnSpec<Extract<keyof Dataset[C][number], string>>>;
  description: string;
}

/** A sheet spec with its column keys forgotten: what the generic reader and writer work with. */
export type AnySheetSpec = Omit<SheetSpec, 'columns'> & { columns: readonly ColumnSpec[] };

/** Checks, at compile time, that every column key is a field of the collection's records. */
function sheet<C extends CollectionName>(spec: SheetSpec<C>): AnySheetSpec {
  return spec as AnySheetSpec;
}

/** The data workbook: Russian sheet names and headers, in the order the blank workbook shows them. */
export const DATA_SHEETS = [
  sheet({
    collection: 'organisations',
    sheet: 'Организации',
    required: true,
    idKey: 'id',
    description: 'Профили организаций: реквизиты бланка письма и приказа.',
    columns: [
      { key: 'id', header: 'Код', type: 'id', required: true, width: 12 },
      {
        key: 'fullName',
        header: 'Наименование на бланке',
        type: 'text',
        required: true,
        width: 40,
        hint: 'Переносы строк (Alt+Enter) сохраняются на бланке.',
      },
      { key: 'shortName', header: 'Сокращённое наименование', type: 'text', width: 28 },
      {
        key: 'nameGenitive',
        header: 'Наименование (род. п.)',
        type: 'text',
        width: 40,
        hint: 'Для грифа «УТВЕРЖДЕН приказом …» и ссылок «письмо …».',
      },
      { key: 'parentName', header: 'Вышестоящий орган', type: 'text', width: 28 },
      { key: 'address', header: 'Адрес', type: 'text', required: true, width: 36 },
      { key: 'phone', header: 'Телефон', type: 'text', width: 18 },
      { key: 'fax', header: 'Факс', type: 'text', width: 18 },
      { key: 'email', header: 'Эл. почта', type: 'text', width: 22 },
      { key: 'site', header: 'Сайт', type: 'text', width: 22 },
      { key: 'okpo', header: 'ОКПО', type: 'text', width: 12 },
      { key: 'ogrn', header: 'ОГРН', type: 'text', width: 16 },
      { key: 'innKpp', header: 'ИНН/КПП', type: 'text', width: 22 },
      { key: 'city', header: 'Город', type: 'text', width: 14, hint: 'Место издания приказа.' },
      {
        key: 'instituteGenitive',
        header: 'Институт (род. п.)',
        type: 'text',
        width: 36,
        hint: 'Для столбца технологической карты «На уровне …»: например, «института развития образования».',
      },
    ],
  }),
  sheet({
    collection: 'municipalities',
    sheet: 'Муниципалитеты',
    required: true,
    idKey: 'id',
    description: 'Муниципальные образования и их органы управления образованием (МОУО).',
    columns: [
      { key: 'id', header: 'Код', type: 'id', required: true, width: 10 },
      { key: 'name', header: 'Муниципальное образование', type: 'text', required: true, width: 36 },
      { key: 'kind', header: 'Вид', type: 'choice', required: true, choices: MUNICIPALITY_KINDS, width: 22 },
      { key: 'kindSince', header: 'Вид с года', type: 'integer', width: 10 },
      { key: 'formerName', header: 'Прежнее наименование', type: 'text', width: 36 },
      { key: 'authority', header: 'МОУО', type: 'text', required: true, width: 50 },
      {
        key: 'headPositionDative',
        header: 'Должность руководителя (дат. п.)',
        type: 'text',
        width: 50,
        hint: 'Как в строке адресата: «Начальнику Управления образования …».',
      },
      { key: 'headId', header: 'Руководитель (код)', type: 'id', ref: 'people', width: 14 },
      {
        key: 'neighbours',
        header: 'Соседи (коды)',
        type: 'text',
        width: 24,
        hint: 'Коды соседних муниципалитетов через запятую: там ищется школа-лидер, если в своём нет.',
      },
    ],
  }),
  sheet({
    collection: 'schools',
    sheet: 'Школы',
    required: true,
    idKey: 'id',
    description: 'Общеобразовательные организации.',
    columns: [
      { key: 'id', header: 'Код', type: 'id', required: true, width: 10 },
      { key: 'municipalityId', header: 'Муниципалитет (код)', type: 'id', required: true, ref: 'municipalities', width: 14 },
      { key: 'name', header: 'Наименование', type: 'text', required: true, width: 50 },
      { key: 'shortName', header: 'Краткое наименование', type: 'text', width: 30 },
      { key: 'address', header: 'Адрес', type: 'text', width: 40 },
    ],
  }),
  sheet({
    collection: 'schoolLists',
    sheet: 'Списки школ',
    required: false,
    uniqueKeys: ['year', 'schoolId', 'list'],
    description: 'Принадлежность школ к спискам по годам: ШНОР, НСУ, признаки необъективности ВПР, школы-лидеры.',
    columns: [
      { key: 'year', header: 'Год', type: 'integer', required: true, width: 8 },
      { key: 'schoolId', header: 'Школа (код)', type: 'id', required: true, ref: 'schools', width: 12 },
      { key: 'list', header: 'Список', type: 'choice', required: true, choices: SCHOOL_LISTS, width: 22 },
      { key: 'cap', header: 'Лимит ШНОР', type: 'integer', width: 10, hint: 'Для школы-лидера: сколько ШНОР она может сопровождать в этом году.' },
    ],
  }),
  sheet({
    collection: 'people',
    sheet: 'Люди',
    required: true,
    idKey: 'id',
    description: 'Кураторы, подписанты, исполнители, докладчики, руководители МОУО.',
    columns: [
      { key: 'id', header: 'Код', type: 'id', required: true, width: 12 },
      { key: 'lastName', header: 'Фамилия', type: 'text', required: true, width: 16 },
      { key: 'firstName', header: 'Имя', type: 'text', required: true, width: 14 },
      { key: 'middleName', header: 'Отчество', type: 'text', width: 18 },
      { key: 'gender', header: 'Пол', type: 'choice', choices: GENDERS, width: 6, hint: 'Заполните, если пол не определяется по отчеству.' },
      { key: 'lastNameGenitive', header: 'Фамилия (род. п.)', type: 'text', width: 18, hint: 'Только если автоматическое склонение неверно.' },
      { key: 'lastNameDative', header: 'Фамилия (дат. п.)', type: 'text', width: 18, hint: 'Только если автоматическое склонение неверно.' },
      { key: 'position', header: 'Должность', type: 'text', width: 40 },
      { key: 'organisation', header: 'Организация', type: 'text', width: 30 },
      { key: 'phone', header: 'Телефон', type: 'text', width: 18 },
      { key: 'email', header: 'Эл. почта', type: 'text', width: 24 },
      { key: 'role', header: 'Роль', type: 'text', width: 12, hint: '«куратор» — человек участвует в распределении ШНОР.' },
      { key: 'curatorCap', header: 'Лимит ШНОР', type: 'integer', width: 10, hint: 'Для куратора: не больше стольких ШНОР.' },
      { key: 'covers', header: 'Муниципалитеты куратора (коды)', type: 'text', width: 24, hint: 'Через запятую; пусто — любые.' },
    ],
  }),
  sheet({
    collection: 'roadmapItems',
    sheet: 'Дорожная карта',
    required: false,
    uniqueKeys: ['roadmapId', 'section', 'no'],
    description: 'Мероприятия дорожных карт.',
    columns: [
      { key: 'roadmapId', header: 'Дорожная карта (код)', type: 'id', required: true, width: 14 },
      { key: 'section', header: 'Раздел', type: 'text', width: 30 },
      { key: 'no', header: '№', type: 'text', required: true, width: 6 },
      { key: 'title', header: 'Мероприятие', type: 'text', required: true, width: 60 },
      { key: 'term', header: 'Сроки', type: 'text', width: 16 },
      { key: 'responsible', header: 'Ответственные', type: 'text', width: 24 },
      { key: 'result', header: 'Ожидаемый результат', type: 'text', width: 30 },
      { key: 'done', header: 'Отметка о выполнении', type: 'text', width: 16 },
    ],
  }),
  sheet({
    collection: 'events',
    sheet: 'Мероприятия',
    required: false,
    idKey: 'id',
    description: 'Семинары, вебинары и другие мероприятия.',
    columns: [
      { key: 'id', header: 'Код', type: 'id', required: true, width: 12 },
      { key: 'title', header: 'Наименование', type: 'text', required: true, width: 60 },
      { key: 'date', header: 'Дата', type: 'date', width: 12 },
      { key: 'place', header: 'Место или ссылка', type: 'text', width: 30 },
    ],
  }),
  sheet({
    collection: 'reports',
    sheet: 'Доклады',
    required: false,
    description: 'Доклады мероприятий; несколько докладчиков одного доклада — строки с одним номером.',
    columns: [
      { key: 'eventId', header: 'Мероприятие (код)', type: 'id', required: true, ref: 'events', width: 14 },
      { key: 'no', header: '№ доклада', type: 'integer', required: true, width: 8 },
      { key: 'speakerId', header: 'Докладчик (код)', type: 'id', required: true, ref: 'people', width: 14 },
      { key: 'positionGenitive', header: 'Должность докладчика (род. п.)', type: 'text', required: true, width: 50 },
      { key: 'topic', header: 'Тема', type: 'text', width: 50 },
      { key: 'topicLead', header: 'Перед темой', type: 'text', width: 12, hint: 'По умолчанию «на тему».' },
      { key: 'summary', header: 'Содержание', type: 'text', width: 60 },
    ],
  }),
  sheet({
    collection: 'schedule',
    sheet: 'График',
    required: false,
    description: 'График проведения мероприятия: строки приложения к письму.',
    columns: [
      { key: 'eventId', header: 'Мероприятие (код)', type: 'id', required: true, ref: 'events', width: 14 },
      { key: 'when', header: 'Дата и время', type: 'text', width: 20 },
      { key: 'participant', header: 'Участник', type: 'text', required: true, width: 60 },
    ],
  }),
  sheet({
    collection: 'distribution',
    sheet: 'Распределение',
    required: false,
    uniqueKeys: ['year', 'schoolId'],
    description: 'Распределение ШНОР между кураторами и школами-лидерами.',
    columns: [
      { key: 'year', header: 'Год', type: 'integer', required: true, width: 8 },
      { key: 'schoolId', header: 'Школа (код)', type: 'id', required: true, ref: 'schools', width: 12 },
      { key: 'curatorId', header: 'Куратор (код)', type: 'id', required: true, ref: 'people', width: 12 },
      { key: 'leaderSchoolId', header: 'Школа-лидер (код)', type: 'id', ref: 'schools', width: 14 },
      {
        key: 'fixed',
        header: 'Закреплено',
        type: 'choice',
        choices: FIXED_MARKS,
        width: 12,
        hint: '«да» — пару решили вручную, планировщик её сохранит.',
      },
    ],
  }),
  sheet({
    collection: 'techCards',
    sheet: 'Технологические карты',
    required: false,
    uniqueKeys: ['schoolId', 'year', 'problem'],
    description: 'Технологическая карта адресной помощи: выбранные школой проблемы и меры поддержки по уровням.',
    columns: [
      { key: 'schoolId', header: 'Школа (код)', type: 'id', required: true, ref: 'schools', width: 12 },
      { key: 'year', header: 'Год', type: 'integer', required: true, width: 8 },
      { key: 'problem', header: 'Проблема (№ 1–10)', type: 'integer', required: true, width: 10 },
      { key: 'priority', header: 'Приоритет (1–4)', type: 'integer', required: true, width: 10 },
      { key: 'detail', header: 'Уточнение', type: 'text', width: 30 },
      { key: 'school', header: 'На уровне ОО', type: 'text', width: 30 },
      { key: 'municipality', header: 'На уровне МОУО', type: 'text', width: 30 },
      { key: 'institute', header: 'На уровне института', type: 'text', width: 30 },
      { key: 'ministry', header: 'На уровне министерства', type: 'text', width: 30 },
      { key: 'resourceCentres', header: 'На уровне ресурсных центров', type: 'text', width: 30 },
      { key: 'others', header: 'Иные организации', type: 'text', width: 30 },
    ],
  }),
  sheet({
    collection: 'documents',
    sheet: 'Документы',
    required: true,
    idKey: 'id',
    description: 'Исходящие документы: письма и приказы.',
    columns: [
      { key: 'id', header: 'Код', type: 'id', required: true, width: 12 },
      { key: 'organisationId', header: 'Организация (код)', type: 'id', required: true, ref: 'organisations', width: 14 },
      { key: 'kind', header: 'Вид', type: 'choice', required: true, choices: DOCUMENT_KINDS, width: 10 },
      { key: 'template', header: 'Шаблон', type: 'text', required: true, width: 18 },
      { key: 'date', header: 'Дата', type: 'date', width: 12 },
      { key: 'number', header: 'Номер', type: 'text', width: 10 },
      { key: 'replyToNumber', header: 'На №', type: 'text', width: 10 },
      { key: 'replyToDate', header: 'На № от', type: 'date', width: 12 },
      { key: 'addressee', header: 'Адресат (дат. п.)', type: 'text', width: 40 },
      { key: 'subject', header: 'Заголовок («О …»)', type: 'text', width: 50 },
      { key: 'salutation', header: 'Обращение', type: 'text', width: 22 },
      { key: 'signatoryId', header: 'Подписант (код)', type: 'id', ref: 'people', width: 14 },
      { key: 'signatoryPosition', header: 'Должность подписанта', type: 'text', width: 30 },
      { key: 'executorId', header: 'Исполнитель (код)', type: 'id', ref: 'people', width: 14 },
      { key: 'year', header: 'Год', type: 'integer', width: 8, hint: 'Год списков школ и распределения.' },
      { key: 'eventId', header: 'Мероприятие (код)', type: 'id', ref: 'events', width: 14 },
      { key: 'attachmentSheets', header: 'Приложение, листов', type: 'integer', width: 10 },
      { key: 'copyTo', header: 'Рассылка', type: 'text', width: 30 },
    ],
  }),
  sheet({
    collection: 'paragraphs',
    sheet: 'Тексты',
    required: false,
    uniqueKeys: ['documentId', 'no'],
    description: 'Абзацы текста документов, по порядку номеров.',
    columns: [
      { key: 'documentId', header: 'Документ (код)', type: 'id', required: true, ref: 'documents', width: 12 },
      { key: 'no', header: '№ абзаца', type: 'integer', required: true, width: 8 },
      { key: 'text', header: 'Текст', type: 'text', required: true, width: 100 },
      { key: 'style', header: 'Оформление', type: 'choice', choices: PARAGRAPH_STYLES, width: 14 },
      {
        key: 'place',
        header: 'Место',
        type: 'choice',
        choices: PARAGRAPH_PLACES,
        width: 14,
        hint: 'Для письма о семинаре: абзацы «после вставки» идут после докладов.',
      },
    ],
  }),
  sheet({
    collection: 'attachments',
    sheet: 'Приложения',
    required: false,
    uniqueKeys: ['documentId', 'no'],
    description: 'Приложения документов: утверждаемые дорожные карты, распределения, списки, графики.',
    columns: [
      { key: 'documentId', header: 'Документ (код)', type: 'id', required: true, ref: 'documents', width: 12 },
      { key: 'no', header: '№ приложения', type: 'integer', required: true, width: 8 },
      { key: 'kind', header: 'Вид', type: 'choice', required: true, choices: ATTACHMENT_KINDS, width: 22 },
      { key: 'title', header: 'Заголовок', type: 'text', required: true, width: 70 },
      { key: 'source', header: 'Источник (код)', type: 'text', width: 16, hint: 'Код дорожной карты, мероприятия или название списка.' },
      {
        key: 'approvedAs',
        header: 'Гриф',
        type: 'choice',
        choices: APPROVAL_FORMS,
        width: 14,
        hint: 'По умолчанию согласуется с первым словом заголовка.',
      },
    ],
  }),
] as const satisfies readonly AnySheetSpec[];

export function sheetSpecFor(collection: CollectionName): AnySheetSpec {
  const spec = DATA_SHEETS.find((s) => s.collection === collection);
  if (!spec) throw new Error(`no sheet spec for ${collection}`);
  return spec;
}
