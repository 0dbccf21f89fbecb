import type { IssueLocation } from './issues';

/**
 * The one catalogue of what users read. Codes are API (tests and the task pane rely on them);
 * the wording may change. Each entry: the input that triggers it, then the message.
 */
const catalogue = {
  // a 0-byte file given as data
  FILE_EMPTY: () => 'файл пуст (0 байт). Сохраните книгу в Excel ещё раз и повторите.',
  // a .txt or .docx renamed to .xlsx
  FILE_NOT_WORKBOOK: () =>
    'файл не является книгой Excel (.xlsx). Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».',
  // a workbook cut off while copying or downloading
  FILE_DAMAGED: (p: { detail: string }) =>
    `книга повреждена и не читается (${p.detail}). Возьмите исходный файл ещё раз или пересохраните его в Excel.`,
  // a zip whose parts unpack to gigabytes
  FILE_TOO_LARGE: (p: { limitMb: number }) =>
    `файл распаковывается больше чем в ${p.limitMb} МБ — такой книга мониторинга быть не может; файл не открыт.`,
  // a file that cannot be opened at all
  FILE_UNREADABLE: (p: { detail: string }) => `файл не удалось прочитать: ${p.detail}.`,
  // a .json data file with a syntax error
  JSON_INVALID: (p: { detail: string }) => `файл не является корректным JSON: ${p.detail}.`,
  // a JSON data file whose value does not fit the schema
  JSON_VALUE_INVALID: (p: { path: string; detail: string }) => `значение «${p.path}»: ${p.detail}.`,
  // the data workbook has no sheet «Школы»
  SHEET_MISSING: (p: { sheet: string; suggestion?: string }) =>
    `нет листа «${p.sheet}».${p.suggestion ? ` Возможно, имелся в виду лист «${p.suggestion}».` : ' Добавьте его из пустого шаблона данных.'}`,
  // a sheet with not even a header row
  SHEET_EMPTY: (p: { sheet: string }) =>
    `лист «${p.sheet}» пуст: нет строки заголовков. Скопируйте заголовки из пустого шаблона данных.`,
  // the header «Муниципалитет» was deleted or renamed
  COLUMN_MISSING: (p: { header: string; suggestion?: string }) =>
    `нет обязательного столбца «${p.header}».${p.suggestion ? ` Возможно, это столбец «${p.suggestion}» — переименуйте его.` : ''}`,
  // an empty required cell
  CELL_REQUIRED: (p: { header: string }) => `не заполнено обязательное поле «${p.header}».`,
  // «вчера» where a date belongs
  CELL_DATE: (p: { header: string; value: string }) =>
    `в поле «${p.header}» должна быть дата в виде ДД.ММ.ГГГГ, введено «${p.value}».`,
  // «пять» where a number belongs
  CELL_NUMBER: (p: { header: string; value: string }) => `в поле «${p.header}» должно быть число, введено «${p.value}».`,
  // «Школа» in a column that allows «письмо» or «приказ»
  CELL_CHOICE: (p: { header: string; value: string; allowed: string }) =>
    `в поле «${p.header}» допустимы значения: ${p.allowed}; введено «${p.value}».`,
  // #REF! or #ДЕЛ/0! in a data cell
  CELL_FORMULA_ERROR: (p: { header: string; value: string }) =>
    `в поле «${p.header}» ошибка формулы ${p.value}. Исправьте формулу или введите значение.`,
  // a school whose municipality code is not on the sheet «Муниципалитеты»
  REF_UNKNOWN: (p: { header: string; value: string; sheet: string }) =>
    `«${p.value}» в поле «${p.header}» не найдено на листе «${p.sheet}». Проверьте код.`,
  // two rows with the same code
  ID_DUPLICATE: (p: { value: string; firstAddress: string }) =>
    `код «${p.value}» уже встречается (ячейка ${p.firstAddress}). Коды должны быть уникальны.`,
  // a patronymic like «Оглы» or none at all, so the gender is unknown
  NAME_GENDER_UNKNOWN: (p: { name: string }) =>
    `не удалось определить пол по отчеству для «${p.name}»; падежные формы могут быть неверны. Заполните столбец «Пол».`,

  // a .docx whose XML has {unclosed tag
  TEMPLATE_SYNTAX: (p: { detail: string }) => `ошибка в шаблоне: ${p.detail}.`,
  // a .docx that is not a Word document
  TEMPLATE_NOT_DOCX: () => 'шаблон не является документом Word (.docx).',
  // `kaskad generate nosuch`
  TEMPLATE_UNKNOWN: (p: { id: string; known: string }) => `нет шаблона «${p.id}». Доступные шаблоны: ${p.known}.`,
  // a document row with no subject while the template prints {subject}
  RENDER_MISSING_VALUE: (p: { tag: string; record: string }) =>
    `для «${p.record}» нет значения поля {${p.tag}}; документ не создан. Заполните поле и повторите.`,
  // the template expects a document, the record says something else
  RENDER_FAILED: (p: { record: string; detail: string }) => `документ для «${p.record}» не создан: ${p.detail}.`,
  // --select 999 when there is no such record
  SELECT_UNKNOWN: (p: { value: string; each: string }) => `среди записей «${p.each}» нет кода «${p.value}».`,
  // --each school for a template made for documents
  EACH_UNSUPPORTED: (p: { template: string; each: string; allowed: string }) =>
    `шаблон «${p.template}» не делается «по ${p.each}»; допустимо: ${p.allowed}.`,
  // nothing to make: the document sheet has no row for this template
  NOTHING_TO_MAKE: (p: { template: string }) => `в данных нет ни одной записи для шаблона «${p.template}».`,
  // an output file that already exists, without --force
  OUTPUT_EXISTS: (p: { file: string }) =>
    `файл «${p.file}» уже существует и не перезаписан. Укажите другую папку или добавьте --force.`,
  // --pdf on a machine without LibreOffice
  PDF_UNAVAILABLE: () =>
    'LibreOffice не найден, PDF не созданы (документы .docx готовы). Установите LibreOffice или уберите --pdf.',
  // LibreOffice crashed or timed out on a chunk
  PDF_FAILED: (p: { detail: string }) => `не удалось преобразовать в PDF: ${p.detail}.`,
} satisfies Record<string, (p: never) => string>;

export type MessageCode = keyof typeof catalogue;
export type MessageParams<C extends MessageCode> = Parameters<(typeof catalogue)[C]> extends [infer P] ? P : Record<string, never>;

export function messageFor<C extends MessageCode>(code: C, params: MessageParams<C>): string {
  const render = catalogue[code] as (p: MessageParams<C>) => string;
  return render(params);
}

/** The location part of a finding, in the words a municipal specialist uses. */
export function describeLocation(location: IssueLocation): string {
  const parts: string[] = [];
  const file = 'file' in location ? location.file : undefined;
  if (file) parts.push(`Файл «${file}»`);
  switch (location.kind) {
    case 'cell':
      parts.push(`лист «${location.sheet}»`, `ячейка ${location.address}`);
      break;
    case 'sheet':
      parts.push(`лист «${location.sheet}»`);
      break;
    case 'template':
      parts.push(`шаблон «${location.template}»`);
      if (location.part) parts.push(`часть ${location.part}`);
      if (location.tag) parts.push(`тег {${location.tag}}`);
      break;
    case 'record':
      if (location.template) parts.push(`шаблон «${location.template}»`);
      if (location.sheet) parts.push(`лист «${location.sheet}»`);
      parts.push(`запись «${location.record}»`);
      if (location.tag) parts.push(`тег {${location.tag}}`);
      break;
    case 'file':
      break;
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
