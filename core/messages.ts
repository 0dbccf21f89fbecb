import { escapeControlChars } from './format/control-chars';
import type { IssueLocation } from './issues';

/**
 * The one catalogue of what users read. Codes are API (tests and the task pane rely on them);
 * the wording may change. Each entry: the input that triggers it, then the message.
 */
/** Parts of a form definition, as FORM_DEF_* messages name them. */
const DEFINITION_PARTS = {
  layout: 'макет',
  field: 'поле',
  list: 'список',
  check: 'проверка',
  section: 'раздел',
  level: 'уровень',
  flag: 'флаг',
  rows: 'список строк',
} as const;
export type DefinitionPart = keyof typeof DEFINITION_PARTS;

/** How to save a workbook as .xlsx in the three office suites municipalities use (issue-9). */
const SAVE_AS_XLSX =
  'Сохраните её как .xlsx: в Excel — «Файл → Сохранить как», тип «Книга Excel (*.xlsx)»; в LibreOffice Calc — «Файл → Сохранить как», тип «Excel 2007-365 (.xlsx)»; в Р7-Офис — «Файл → Сохранить как» (или «Скачать как»), формат XLSX.';

const catalogue = {
  // a 0-byte file given as data
  FILE_EMPTY: () => 'файл пуст (0 байт). Сохраните книгу в Excel ещё раз и повторите.',
  // a .txt or .docx renamed to .xlsx
  FILE_NOT_WORKBOOK: () => 'файл не является книгой Excel (.xlsx). Откройте его в Excel и сохраните как «Книга Excel (*.xlsx)».',
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
  SHEET_EMPTY: (p: { sheet: string }) => `лист «${p.sheet}» пуст: нет строки заголовков. Скопируйте заголовки из пустого шаблона данных.`,
  // the header «Муниципалитет» was deleted or renamed
  COLUMN_MISSING: (p: { header: string; suggestion?: string }) =>
    `нет обязательного столбца «${p.header}».${p.suggestion ? ` Возможно, это столбец «${p.suggestion}» — переименуйте его.` : ''}`,
  // an empty required cell
  CELL_REQUIRED: (p: { header: string }) => `не заполнено обязательное поле «${p.header}».`,
  // «вчера» where a date belongs
  CELL_DATE: (p: { header: string; value: string }) => `в поле «${p.header}» должна быть дата в виде ДД.ММ.ГГГГ, введено «${p.value}».`,
  // «пять» where a number belongs
  CELL_NUMBER: (p: { header: string; value: string }) => `в поле «${p.header}» должно быть число, введено «${p.value}».`,
  // «Школа» in a column that allows «письмо» or «приказ»
  CELL_CHOICE: (p: { header: string; value: string; allowed: string }) =>
    `в поле «${p.header}» допустимы значения: ${p.allowed}; введено «${p.value}».`,
  // #REF! or #ДЕЛ/0! in a data cell
  CELL_FORMULA_ERROR: (p: { header: string; value: string }) =>
    `в поле «${p.header}» ошибка формулы ${p.value}. Исправьте формулу или введите значение.`,
  // 11 in «Проблема (№ 1–10)»
  CELL_INVALID: (p: { header: string; value: string; detail: string }) => `в поле «${p.header}» недопустимое значение «${p.value}»: ${p.detail}.`,
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
  // `kaskad generate monitoring-report`: the справка needs the cards
  TEMPLATE_NEEDS_SVOD: (p: { template: string }) =>
    `шаблон «${p.template}» делается из свода карт: kaskad collect <карты> -o свод.xlsx --data <книга данных> --report справка.docx.`,
  // collect --report with a data workbook that has no «Документы» row for the справка
  REPORT_NO_DOCUMENT: (p: { template: string }) =>
    `на листе «Документы» нет строки с шаблоном «${p.template}»: справка делается с реквизитами первой организации, без номера и подписи.`,
  // collect --report without --data
  REPORT_NEEDS_DATA: () => 'для справки нужна книга данных с реквизитами: добавьте --data <книга.xlsx>.',
  // the template expects a document, the record says something else
  RENDER_FAILED: (p: { record: string; detail: string }) => `документ для «${p.record}» не создан: ${p.detail}.`,
  // --select 999 when there is no such record
  SELECT_UNKNOWN: (p: { value: string; each: string }) => `среди записей «${p.each}» нет кода «${p.value}».`,
  // --each school for a template made for documents
  EACH_UNSUPPORTED: (p: { template: string; each: string; allowed: string }) =>
    `шаблон «${p.template}» не делается «по ${p.each}»; допустимо: ${p.allowed}.`,
  // --each village
  EACH_UNKNOWN: (p: { value: string }) => `неизвестное значение --each «${p.value}»: допустимо document, municipality, school.`,
  // nothing to make: the document sheet has no row for this template
  NOTHING_TO_MAKE: (p: { template: string }) => `в данных нет ни одной записи для шаблона «${p.template}».`,
  // an output file that already exists, without --force
  OUTPUT_EXISTS: (p: { file: string }) => `файл «${p.file}» уже существует и не перезаписан. Укажите другую папку или добавьте --force.`,
  // an output folder on a full disk, read-only, or a .docx kept open in Word under --force
  OUTPUT_UNWRITABLE: (p: { detail: string }) =>
    `не удалось записать: ${p.detail}. Проверьте, что папка доступна для записи, на диске есть место и файл не открыт в Word.`,
  // --pdf on a machine without LibreOffice
  PDF_UNAVAILABLE: () => 'LibreOffice не найден, PDF не созданы (документы .docx готовы). Установите LibreOffice или уберите --pdf.',
  // LibreOffice crashed or timed out on a chunk
  PDF_FAILED: (p: { detail: string }) => `не удалось преобразовать в PDF: ${p.detail}.`,
  // ── forms (core/forms): definitions ──
  // a definition row whose «тип» is «число!» or whose id is missing
  FORM_DEF_INVALID: (p: { detail: string }) => `ошибка в определении формы: ${p.detail}.`,
  // two rows of «Поля» with the id «f1_1»
  FORM_DEF_DUPLICATE_ID: (p: { id: string; what: DefinitionPart }) =>
    `код «${p.id}» (${DEFINITION_PARTS[p.what]}) встречается дважды. Коды должны быть уникальны.`,
  // `share <= totl` where no field is called totl
  FORM_DEF_UNKNOWN_FIELD: (p: { name: string; expression: string }) =>
    `в выражении «${p.expression}» упомянуто неизвестное поле «${p.name}». Проверьте код поля на листе «Поля».`,
  // a field whose «макет» or «список» names nothing
  FORM_DEF_UNKNOWN_NAME: (p: { what: DefinitionPart; name: string }) => `${DEFINITION_PARTS[p.what]} «${p.name}» не определён(о) в форме.`,
  // a card field without «Ключ», a table field without «Столбец», a choice without «Список»
  FORM_DEF_FIELD_INCOMPLETE: (p: { field: string; missing: 'key' | 'column' | 'list' }) =>
    `у поля «${p.field}» не заполнено «${{ key: 'Ключ', column: 'Столбец', list: 'Список' }[p.missing]}».`,
  // a «сравнение» check without «Оператор»
  FORM_DEF_CHECK_PARAM: (p: { check: string; param: string }) => `у проверки «${p.check}» не заполнен параметр «${p.param}».`,
  // details of FORM_DEF_BAD_EXPRESSION, the parser's findings
  EXPR_UNCLOSED_QUOTE: (p: { quote: string }) => `не закрыта кавычка ${p.quote}`,
  EXPR_BAD_CHAR: (p: { char: string }) => `непонятный символ «${p.char}»`,
  EXPR_EXPECTED: (p: { token: string }) => `ожидалось «${p.token}»`,
  EXPR_TRAILING: (p: { token: string }) => `лишнее в конце: «${p.token}»`,
  EXPR_UNEXPECTED: (p: { token: string }) => `неожиданное «${p.token}»`,
  EXPR_TRUNCATED: () => 'выражение оборвано',
  EXPR_UNKNOWN_FUNCTION: (p: { name: string }) => `неизвестная функция «${p.name}»`,
  // `a > ` or `foo(1)`
  FORM_DEF_BAD_EXPRESSION: (p: { expression: string; detail: string }) => `ошибка в выражении «${p.expression}»: ${p.detail}.`,
  // a = b + 1 while b = a * 2
  FORM_DEF_CYCLE: (p: { fields: string }) => `вычисляемые поля ссылаются друг на друга по кругу: ${p.fields}.`,
  // ── forms: reading a filled card ──
  // the row «1.3» of the card was deleted
  FORM_ROW_MISSING: (p: { key: string; label: string }) => `нет строки «${p.key}» («${p.label}»). Верните строку из пустой формы.`,
  // the value and comment cells of a row merged into one
  FORM_MERGED_INPUT: (p: { label: string; range: string }) =>
    `ячейка ответа «${p.label}» объединена с другими (${p.range}). Отмените объединение ячеек.`,
  // #ДЕЛ/0! where a share belongs
  FORM_FORMULA_ERROR: (p: { label: string; value: string }) => `«${p.label}»: ошибка формулы ${p.value}. Исправьте формулу или введите значение.`,
  // «пять» for a number
  FORM_NOT_NUMBER: (p: { label: string; value: string }) => `«${p.label}»: должно быть число, введено «${p.value}».`,
  // 2,5 for a count of schools
  FORM_NOT_INTEGER: (p: { label: string; value: string }) => `«${p.label}»: должно быть целое число, введено «${p.value}».`,
  // 120 in a share
  FORM_NOT_PERCENT: (p: { label: string; value: string }) => `«${p.label}»: доля должна быть от 0 до 100 %, введено «${p.value}».`,
  // «вчера» for a date
  FORM_NOT_DATE: (p: { label: string; value: string }) => `«${p.label}»: должна быть дата в виде ДД.ММ.ГГГГ, введено «${p.value}».`,
  // «может быть» where «да/нет» is asked
  FORM_NOT_YESNO: (p: { label: string; value: string }) => `«${p.label}»: ответьте «да» или «нет», введено «${p.value}».`,
  // «иногда» for a choice among «ежемесячно», «ежеквартально»
  FORM_NOT_CHOICE: (p: { label: string; value: string; allowed: string }) => `«${p.label}»: выберите из списка (${p.allowed}), введено «${p.value}».`,
  // 15 where 0…10 is allowed
  FORM_OUT_OF_RANGE: (p: { label: string; value: string; min?: string; max?: string }) =>
    `«${p.label}»: допустимо ${p.min !== undefined ? `от ${p.min} ` : ''}${p.max !== undefined ? `до ${p.max}` : ''}, введено «${p.value}».`.replace(
      ' ,',
      ',',
    ),
  // an act number given while «Принят ли акт» says «нет»
  FORM_NOT_RELEVANT: (p: { label: string }) => `«${p.label}» заполнено, хотя по другим ответам не требуется; значение не учтено.`,
  // an empty required answer
  FORM_REQUIRED: (p: { label: string }) => `не заполнено «${p.label}».`,
  // a constraint of the definition with its own message
  FORM_CONSTRAINT: (p: { label: string; message?: string; value: string; expression: string }) =>
    `«${p.label}»: ${p.message ?? `значение «${p.value}» не проходит проверку ${p.expression}.`}`,
  // «Школа № 999» that the data workbook does not list
  FORM_REF_UNKNOWN: (p: { label: string; value: string; what: 'municipality' | 'school' | 'person' }) =>
    `«${p.label}»: ${{ municipality: 'муниципалитет', school: 'школа', person: 'человек' }[p.what]} «${p.value}» не найден(а) в данных. Выберите из списка или проверьте написание.`,
  // ── forms: cross-field rules (custom: the definition's own message) ──
  // 12 schools with curators out of 10 ШНОР
  FORM_COMPARE: (p: { label: string; value: string; op: '<' | '<=' | '=' | '>=' | '>'; other: string; custom?: string }) =>
    p.custom ??
    `«${p.label}» (${p.value}) должно быть ${{ '<': 'меньше', '<=': 'не больше', '=': 'равно', '>=': 'не меньше', '>': 'больше' }[p.op]} ${p.other}.`,
  // an act dated 2019 in the 2024 card
  FORM_DATE_OUTSIDE: (p: { label: string; value: string; from: string; to: string; custom?: string }) =>
    p.custom ?? `«${p.label}»: дата ${p.value} вне отчётного периода ${p.from} — ${p.to}.`,
  // two problems both ranked 1, or ranks 1 and 3 without 2
  FORM_RANK_INVALID: (p: { label: string; value: string; count: number; tie: boolean; custom?: string }) =>
    p.custom ??
    `«${p.label}»: приоритеты должны идти 1, 2, … N без повторов и пропусков (${p.tie ? `повтор ${p.value}` : `значение ${p.value} при ${p.count} выбранных`}).`,
  // one school twice in the distribution
  FORM_DUPLICATE_VALUE: (p: { label: string; value: string; first: string; here?: string; custom?: string }) =>
    `«${p.label}»: «${p.value}» указано дважды — ${p.here ? `в ячейках ${p.first} и ${p.here}` : `уже в ячейке ${p.first}`}${p.custom ? `: ${p.custom}` : '.'}`,
  // a ШНОР missing from the distribution
  FORM_LIST_NOT_COVERED: (p: { value: string; code?: string; list: string; custom?: string }) =>
    p.custom ?? `школа «${p.value}»${p.code && p.code !== p.value ? ` (код ${p.code})` : ''} из списка «${p.list}» не указана в форме.`,
  // a curator with 7 schools when the cap is 5
  FORM_CAP_EXCEEDED: (p: { label: string; value: string; count: number; cap: number; custom?: string }) =>
    p.custom ?? `«${p.label}»: у «${p.value}» ${p.count}, допускается не больше ${p.cap}.`,
  // 5 ШНОР in the card, 6 in the data
  FORM_COUNT_MISMATCH: (p: { label: string; value: string; expected: number; list: string; custom?: string }) =>
    p.custom ?? `«${p.label}»: указано ${p.value}, а в списке «${p.list}» — ${p.expected}.`,
  // a school of Кыштым in the card of Миасс
  FORM_WRONG_MUNICIPALITY: (p: { value: string; municipality: string; custom?: string }) =>
    p.custom ?? `школа «${p.value}» не относится к муниципалитету «${p.municipality}».`,
  // ── forms: files ──
  // a workbook without the hidden marker whose sheets match no form, and not the data workbook
  FORM_UNRECOGNISED: (p: { known: string }) =>
    `не удалось определить форму: в книге нет отметки бланка «Каскада», и её листы не совпадают ни с одной известной формой (${p.known}) и не похожи на книгу данных. Заполните бланк (вкладка «Бланки» или kaskad blank) или укажите форму: kaskad validate --form <код>.`,
  // --form F9
  FORM_UNKNOWN_ID: (p: { id: string; known: string }) => `нет формы «${p.id}». Доступные формы: ${p.known}.`,
  // a folder without .xlsx
  FORM_NO_FILES: (p: { path: string }) => `в «${p.path}» нет файлов .xlsx.`,
  // two cards from Кыштымский городской округ
  COLLECT_DUPLICATE: (p: { municipality: string; kept: string; dropped: string; why: string }) =>
    `две карты муниципалитета «${p.municipality}»: «${p.kept}» и «${p.dropped}»; в свод взята «${p.kept}» как более поздняя (${p.why}).`,
  // no card from Уйский муниципальный округ
  COLLECT_MISSING: (p: { municipality: string }) => `нет карты муниципалитета «${p.municipality}».`,
  // an F2 technology card among the F1 cards being consolidated
  COLLECT_OTHER_FORM: (p: { form: string; expected: string }) => `это форма ${p.form}, а сводится форма ${p.expected}; файл в свод не взят.`,
  // a card whose municipality cannot be determined
  COLLECT_NO_MUNICIPALITY: () => 'в карте не указан (или не найден) муниципалитет; в свод она не взята.',
  // ── forms: input messages of a blank form (Excel shows them beside the selected cell) ──
  BLANK_INPUT: (p: { type: string; min?: string; max?: string; hint?: string }) => {
    const what: Record<string, string> = {
      number: 'Число; дробную часть можно писать через запятую.',
      integer: 'Целое число.',
      percent: 'Доля в процентах, от 0 до 100.',
      date: 'Дата в виде ДД.ММ.ГГГГ.',
      text: 'Текст.',
      choice: 'Выберите значение из списка.',
      multi: 'Одно или несколько значений из списка через «;».',
      yesno: 'Выберите «да» или «нет».',
    };
    const range =
      p.min !== undefined || p.max !== undefined
        ? ` Допустимо${p.min !== undefined ? ` от ${p.min}` : ''}${p.max !== undefined ? ` до ${p.max}` : ''}.`
        : '';
    return `${p.hint ? `${p.hint} ` : ''}${what[p.type] ?? ''}${range}`.trim();
  },
  // a value Excel's own data validation refuses while typing
  BLANK_INPUT_ERROR: (p: { label: string }) => `Недопустимое значение для «${p.label}». Проверьте подсказку к ячейке.`,
  // the printed header line of a blank form
  BLANK_SUBTITLE: (p: { version: number; methodology?: string }) =>
    `Форма ${p.version} года${p.methodology ? ` · ${p.methodology}` : ''}. Заполняйте белые ячейки; серые заполнены заранее.`,
  // ── forms: lines the CLI prints ──
  CLI_FORM_CHECKED: (p: { file: string; form: string; errors: number; warnings: number }) =>
    `«${p.file}» — форма ${p.form}: ${p.errors === 0 && p.warnings === 0 ? 'замечаний нет' : `ошибок ${p.errors}, предупреждений ${p.warnings}`}`,
  CLI_FORM_SCORE: (p: { total: string; max: string; percent: string; level: string }) =>
    `  баллы: ${p.total} из ${p.max} (${p.percent} %)${p.level ? `, уровень «${p.level}»` : ''}`,
  CLI_FORM_LEVEL: (p: { value: string; level: string }) => `  показатель: ${p.value} %${p.level ? `, уровень «${p.level}»` : ''}`,
  CLI_FORM_FLAG: (p: { message: string }) => `  красный флаг: ${p.message}`,
  CLI_FORM_SECTION: (p: { title: string; points: string; max: string }) => `  ${p.title}: ${p.points} из ${p.max}`,
  CLI_WRITTEN: (p: { file: string }) => `записан файл «${p.file}»`,
  CLI_SVOD_SUMMARY: (p: { cards: number; rows: number; missing: number; duplicates: number }) =>
    `свод: карт ${p.cards}, муниципалитетов в своде ${p.rows}, без карты ${p.missing}, повторных карт ${p.duplicates}`,
  CLI_FORM_LIST: (p: { id: string; version: number; title: string; methodology?: string }) =>
    `${p.id} (${p.version}) — ${p.title}${p.methodology ? ` [${p.methodology}]` : ''}`,
  // an unexpected failure inside Kaskad itself
  // a record that gave no document, followed by its reasons
  CLI_SKIPPED: (p: { record: string }) => `Пропущено «${p.record}»:`,
  // one line of `kaskad templates`
  CLI_TEMPLATE_LINE: (p: { id: string; title: string; each: string; seed: string }) => `${p.id} — ${p.title} (${p.each}; образец: ${p.seed})`,
  // a heading line of `kaskad demo`
  CLI_DEMO_STEP: (p: { title: string }) => `— ${p.title}`,
  CLI_INTERNAL_ERROR: (p: { detail: string }) => `внутренняя ошибка Каскада: ${p.detail}. Сообщите разработчикам, приложив файл.`,
  // ── forms: score explanations ──
  SCORE_OPTION: (p: { option: string; points: string }) => `ответ «${p.option}» — ${p.points}`,
  SCORE_BAND: (p: { range: string; points: string }) => `значение в диапазоне ${p.range} — ${p.points}`,
  SCORE_FORMULA: (p: { points: string }) => `по формуле — ${p.points}`,
  SCORE_NA: () => 'не применяется, максимум уменьшен',
  SCORE_NONE: () => 'ответ не даёт баллов — 0',
  // issue-8: one engine behind every door
  // `kaskad validate sample-region.xlsx`: the data workbook is recognised and read by its rules
  CLI_DATA_CHECKED: (p: { file: string; errors: number; warnings: number }) =>
    `«${p.file}» — книга данных: ${p.errors === 0 && p.warnings === 0 ? 'замечаний нет' : `ошибок ${p.errors}, предупреждений ${p.warnings}`}`,

  // issue 10: documents a clerk signs without retouching
  // two records whose documents would have one name: «Письмо № 5 — Ашинский…» twice
  FILE_NAME_COLLISION: (p: { name: string; records: string; files: string }) =>
    `документы записей ${p.records} получили бы одно имя «${p.name}»; названы так: ${p.files}. Уточните названия в данных, если нужны разные имена.`,
  // --merge without --pdf, or with --zip
  MERGE_NEEDS_PDF: () => 'общий PDF (--merge) собирается из отдельных PDF: добавьте --pdf (и уберите --zip).',
  // a PDF of the batch that pdf-lib could not read
  MERGE_PDF_UNREADABLE: (p: { file: string }) => `PDF «${p.file}» не удалось прочитать, в общий PDF он не вошёл.`,
  // issue-12: the distribution planner (kaskad plan, the pane's «Распределение»)
  // the year has no ШНОР on «Списки школ»
  PLAN_NO_SHNOR: (p: { year: number }) => `в «Списках школ» нет ни одной ШНОР ${p.year} года — распределять нечего.`,
  // `kaskad plan` without --year, and the data has no ШНОР in any year
  PLAN_NO_SHNOR_ANY_YEAR: () => 'в «Списках школ» нет ни одной ШНОР — распределять нечего.',
  // `kaskad plan` without --year: the newest year with ШНОР is planned, and the terminal says so
  PLAN_YEAR_CHOSEN: (p: { year: number }) => `Год не указан (--year): распределение на ${p.year} год — самый новый год ШНОР в «Списках школ».`,
  // nobody has the role «куратор» and last year's distribution names no one either
  PLAN_NO_CURATORS: () => 'нет кураторов: отметьте их на листе «Люди» в столбце «Роль» словом «куратор» и укажите «Лимит ШНОР».',
  // no one has «куратор» as role: last year's curators are taken
  PLAN_CURATORS_FROM_LAST_YEAR: (p: { count: number; year: number }) =>
    `ни у кого на листе «Люди» нет роли «куратор»: взяты ${p.count} кураторов распределения ${p.year} года с лимитом по форме.`,
  // the curators' caps together are less than the ШНОР of the year
  PLAN_CURATORS_SHORT: (p: { need: number; have: number }) =>
    `не хватает мест у кураторов: нужно ${p.need}, есть ${p.have} — добавьте кураторов или поднимите лимит.`,
  // enough places in all, but the curators allowed for a municipality are full
  PLAN_MUNICIPALITY_UNCOVERED: (p: { municipality: string; count: number }) =>
    `для муниципалитета «${p.municipality}» не хватает кураторов: ${p.count} ШНОР без куратора — разрешите этот муниципалитет другим кураторам («Муниципалитеты куратора») или поднимите лимит.`,
  // leader schools' caps together are less than the ШНОР of the year
  PLAN_LEADERS_SHORT: (p: { need: number; have: number }) =>
    `мест у школ-лидеров меньше, чем ШНОР: нужно ${p.need}, есть ${p.have} — часть ШНОР останется без школы-лидера; добавьте школы-лидеры или поднимите их лимит.`,
  // a ШНОР got no leader school: none with free places nearby
  PLAN_NO_LEADER: (p: { school: string }) =>
    `для ШНОР «${p.school}» не нашлось школы-лидера со свободными местами в своём и соседних муниципалитетах.`,
  // a school on the leader list is also on a risk list of the year
  PLAN_LEADER_AT_RISK: (p: { school: string; list: string }) =>
    `школа «${p.school}» в списке школ-лидеров, но в этом году она и в списке «${p.list}» — школой-лидером она не назначается.`,
  // a code in «Соседи (коды)» or «Муниципалитеты куратора (коды)» names no municipality
  PLAN_UNKNOWN_MUNICIPALITY: (p: { code: string }) => `нет муниципалитета с кодом «${p.code}» — код пропущен.`,
  // a fixed pair whose school is not a ШНОР of the year
  PLAN_FIXED_NOT_SHNOR: (p: { school: string; year: number }) =>
    `закреплённая школа «${p.school}» не входит в список ШНОР ${p.year} года — пара пропущена.`,
  // a fixed pair whose leader cannot be a leader this year
  PLAN_FIXED_LEADER_INVALID: (p: { school: string; leader: string }) =>
    `закреплённая школа-лидер «${p.leader}» для «${p.school}» не может быть школой-лидером в этом году (нет в списке школ-лидеров, сама в списке риска или это та же школа) — подобрана другая.`,
  // fixed pairs give a curator or a leader more than its cap
  PLAN_FIXED_OVER_CAP: (p: { who: string; load: number; cap: number }) =>
    `закреплённых пар у «${p.who}» ${p.load}, а лимит ${p.cap} — новых ШНОР ему не дано; проверьте лимит.`,
  // one school fixed twice with different curators
  PLAN_FIXED_TWICE: (p: { school: string }) => `школа «${p.school}» закреплена дважды по-разному — взята первая пара.`,
  // a row of the fixed F7 whose school cannot be found
  PLAN_FIXED_UNKNOWN: (p: { value: string }) => `«${p.value}» не найдено в данных — строка закреплений пропущена.`,
  // the solver did not give a solution
  PLAN_SOLVER_FAILED: (p: { status: string }) =>
    `решатель не нашёл распределения (состояние «${p.status}»). Сообщите разработчикам, приложив книгу данных.`,
  // the --fixed file is not an F7 workbook
  PLAN_FIXED_NOT_F7: () => 'книга закреплений не похожа на форму F7: нет листа «Распределение» с нужными столбцами.',
  // reasons printed on «Пояснения»
  PLAN_REASON_CURATOR: (p: { reason: string; municipality: string; others: number }) =>
    (
      ({
        fixed: 'закреплено вручную',
        kept: 'как в прошлом году',
        only: `единственный куратор муниципалитета «${p.municipality}»`,
        shared: `куратор муниципалитета «${p.municipality}» (ещё кураторов там: ${p.others} — не хватило лимита одного)`,
        none: 'куратор не назначен: не хватает мест',
      }) as Record<string, string>
    )[p.reason] ?? p.reason,
  PLAN_REASON_LEADER: (p: { reason: string; municipality: string }) =>
    (
      ({
        fixed: 'закреплено вручную',
        kept: 'как в прошлом году',
        same: 'тот же муниципалитет',
        neighbour: `соседний муниципалитет «${p.municipality}»`,
        nearest: `ближайшая свободная: муниципалитет «${p.municipality}»`,
        none: 'школа-лидер не назначена: поблизости нет свободных мест',
      }) as Record<string, string>
    )[p.reason] ?? p.reason,
  // the lines of the summary (CLI, demo, pane)
  PLAN_SUMMARY: (p: {
    year: number;
    shnor: number;
    withCurator: number;
    withLeader: number;
    keptCurators: number;
    keptLeaders: number;
    cross: number;
    shared: number;
  }) =>
    `Распределение ${p.year}: ШНОР ${p.shnor}, с куратором ${p.withCurator}, со школой-лидером ${p.withLeader}; сохранено пар прошлого года: кураторов ${p.keptCurators}, школ-лидеров ${p.keptLeaders}; школа-лидер из другого муниципалитета: ${p.cross}; муниципалитетов с несколькими кураторами: ${p.shared}.`,
  PLAN_SUMMARY_LOADS: (p: { min: number; max: number; curators: number; leadersUsed: number; leaders: number }) =>
    `Нагрузка кураторов: от ${p.min} до ${p.max} (кураторов ${p.curators}); задействовано школ-лидеров: ${p.leadersUsed} из ${p.leaders}.`,
  // --year that is not a year
  PLAN_YEAR_INVALID: (p: { value: string }) => `год «${p.value}» не похож на год — укажите, например, --year 2025.`,
  // no F7 definition among the forms
  PLAN_NO_F7: () => 'нет определения формы F7 (распределение ШНОР) — проверьте папку форм.',
  // the data has no order with a distribution appendix to follow
  PLAN_NO_ORDER: () => 'в данных нет приказа с приложением «распределение» — приказ не сделан, записана только форма F7.',
  // issue 11: bounds on every archive and input file, temporary folders
  // a workbook part inflating far more per compressed byte than any real sheet (a zip bomb)
  FILE_RATIO_TOO_HIGH: (p: { limit: number }) =>
    `файл сжат подозрительно сильно (больше чем в ${p.limit} раз) — так сжимаются только «zip-бомбы»; файл не открыт.`,
  // a sheet declaring more cells (rows, merged or validated cells) than any monitoring card has
  SHEET_TOO_MANY_CELLS: (p: { sheet: string; limit: number }) =>
    `лист «${p.sheet}» содержит больше ${p.limit.toLocaleString('ru-RU')} ячеек — такой книга мониторинга быть не может; файл не открыт.`,
  // a .docx template whose XML parts unpack to more than the limit, or compress like a zip bomb
  TEMPLATE_TOO_LARGE: (p: { limitMb: number }) =>
    `шаблон распаковывается больше чем в ${p.limitMb} МБ или сжат как «zip-бомба» — такой шаблон письма быть не может; шаблон не открыт.`,
  // a template whose zip directory does not match its contents
  TEMPLATE_DAMAGED: (p: { detail: string }) => `шаблон повреждён и не читается (${p.detail}). Возьмите исходный файл ещё раз.`,
  // an input file (card, data workbook, template) larger on disk than the limit
  FILE_TOO_BIG_ON_DISK: (p: { limitMb: number; sizeMb: string }) =>
    `файл занимает ${p.sizeMb} МБ, а допускается не больше ${p.limitMb} МБ; файл не открыт.`,
  // a .json data file larger than the limit
  JSON_TOO_LARGE: (p: { limitMb: number; sizeMb: string }) =>
    `файл JSON занимает ${p.sizeMb} МБ, а допускается не больше ${p.limitMb} МБ; файл не прочитан.`,
  // a run found temporary folders left by an interrupted run more than a day ago and removed them
  CLI_STALE_TEMP_REMOVED: (p: { count: number }) =>
    `удалены временные папки .kaskad-tmp-*, оставленные прерванными запусками больше суток назад: ${p.count}.`,
  // issue-8b: the definition files are the source; the methodology's yearly lifecycle
  // --forms names a folder (or templates/forms is) without one usable definition
  FORMS_CATALOGUE_EMPTY: (p: { path: string }) => `в «${p.path}» нет ни одного исправного определения формы (.xlsx или .json): проверять не по чему.`,
  // «сравненье» typed in «Вид» of «Проверки» (a column whose values are words from a list)
  FORM_DEF_BAD_WORD: (p: { header: string; value: string; allowed: string }) =>
    `в столбце «${p.header}» введено «${p.value}», а допустимо: ${p.allowed}. Определение формы не загружено.`,
  // a row of «Баллы» whose «Вариант» is not among the options of the field's list
  FORM_DEF_UNKNOWN_OPTION: (p: { field: string; option: string; list: string; allowed: string }) =>
    `в баллах поля «${p.field}» указан вариант «${p.option}», которого нет в списке «${p.list}» (есть: ${p.allowed}).`,
  // `kaskad blank F1 --version 2023` when templates/forms has no F1 of 2023
  FORM_UNKNOWN_VERSION: (p: { id: string; version: string; known: string }) => `нет формы «${p.id}» версии ${p.version}. Есть версии: ${p.known}.`,
  // `kaskad collect` given F1 cards of 2024 and of 2025: each version on its own sheet
  COLLECT_VERSION_SHEET: (p: { form: string; version: number; versions: string; sheet: string }) =>
    `карта формы ${p.form} версии ${p.version}; среди сводимых карт есть версии ${p.versions}, а карты разных версий считаются по разным методикам — эта карта сведена на лист «${p.sheet}».`,
  // the справка of a svod of two versions: made of the newest version's cards
  COLLECT_REPORT_NEWEST: (p: { form: string; version: number; left: string }) =>
    `справка составлена по картам формы ${p.form} версии ${p.version} — самой новой среди сводимых; карты других версий считаются по другой методике и в справку не вошли: ${p.left}. Их баллы — на своих листах свода.`,
  // the reason a later card of a municipality was taken (the tail of COLLECT_DUPLICATE)
  COLLECT_LATER_BY_DATE: (p: { field: string; later: string; earlier: string }) => `по полю «${p.field}» в карте: ${p.later} позже ${p.earlier}`,
  COLLECT_LATER_BY_FILE_TIME: (p: { later: string; earlier: string }) =>
    `по времени изменения файла (в картах нет различающейся даты): ${p.later} позже ${p.earlier} (UTC)`,
  COLLECT_LATER_BY_ORDER: () => 'по порядку файлов (ни дата в картах, ни время изменения файлов их не различают)',
  // a definition file opened in the page beside cards
  PANE_DEFINITION_OPENED: (p: { form: string; version: number; title: string }) =>
    `определение формы ${p.form} (${p.version}) «${p.title}» принято: карты этой формы и версии проверяются и оцениваются по нему.`,
  // issue-9: what users hand on is right
  // an order from a distribution with an over-cap curator: the documents are not made
  RELATED_FINDINGS_BLOCK: (p: { form: string; count: string }) =>
    `документы не сделаны: данные не прошли проверки формы «${p.form}» — ${p.count} (перечислены выше). Исправьте книгу данных или запустите с --allow-findings, чтобы сделать документы с замечаниями.`,
  // the same with --allow-findings: made, and the findings listed
  RELATED_FINDINGS_ALLOWED: (p: { form: string; count: string }) =>
    `документы сделаны с --allow-findings, хотя данные не прошли проверки формы «${p.form}» — ${p.count} (перечислены выше).`,
  // the pane: the findings shown above the documents, before the download
  RELATED_FINDINGS_PANE: (p: { form: string; count: string }) =>
    `данные не прошли проверки формы «${p.form}» — ${p.count} (перечислены выше). Исправьте книгу данных, прежде чем отдавать документы на подпись.`,
  // «31.02.2022» in a data workbook: written right, but the day does not exist
  CELL_DATE_MISSING_DAY: (p: { header: string; value: string; why: string }) => `в поле «${p.header}» дата «${p.value}» не существует: ${p.why}.`,
  // the same in a form's cell
  FORM_DATE_MISSING_DAY: (p: { label: string; value: string }) => `«${p.label}»: даты «${p.value}» не существует — такого дня нет в календаре.`,
  // the closing line of `kaskad generate`: documents and PDFs counted apart, a zip's contents counted
  CLI_GENERATE_DONE: (p: { made: string; skipped: string; seconds: string }) => `Готово: ${p.made}, пропущено ${p.skipped}, время ${p.seconds} с.`,
  CLI_MADE_FILES: (p: { documents: string; pdfs: string }) => `создано ${p.documents}${p.pdfs ? ` и ${p.pdfs}` : ''}`,
  CLI_MADE_ZIP: (p: { documents: string; zip: string }) => `создан архив «${p.zip}», в нём ${p.documents}`,
  // records skipped: how many and where the reasons are
  CLI_SKIPPED_WHY: (p: { count: string }) => `${p.count} (причины — выше)`,
  // every record of the template was left out for errors in the data
  NOTHING_LEFT: (p: { template: string; count: string }) =>
    `ни одного документа по шаблону «${p.template}»: его записи пропущены из-за ошибок в данных — ${p.count} (перечислены выше). Исправьте их и запустите снова.`,
  // the pane's line under a template's documents: how many can be downloaded, how many were skipped
  DOCUMENTS_READY: (p: { ready: string; total: number; skipped: number }) =>
    `Готово: ${p.ready} из ${p.total}${p.skipped > 0 ? `, пропущено ${p.skipped} (причины — у документов в списке)` : ''}`,
  // the same when the data's errors left none of the template's records
  DOCUMENTS_NONE_LEFT: (p: { count: string }) =>
    `Готово: 0\u00a0документов — все записи шаблона пропущены из-за ошибок в данных (${p.count}, перечислены выше).`,
  // no documents for another reason (the template, the selection, the related form's checks)
  DOCUMENTS_NONE: () => `Документы не сделаны (причины — выше).`,
  // an Excel 97–2003 workbook
  FILE_XLS: () => `это книга Excel 97–2003 (.xls), а Каскад читает книги .xlsx. ${SAVE_AS_XLSX}`,
  // a LibreOffice / OpenDocument spreadsheet
  FILE_ODS: () => `это таблица OpenDocument (.ods), а Каскад читает книги .xlsx. ${SAVE_AS_XLSX}`,
  // «Смирнова Саша» without a patronymic: the surname cannot be declined
  PERSON_GENDER_UNKNOWN: (p: { name: string; lastName: string }) =>
    `«${p.name}»: пол не определить ни по отчеству, ни по имени, поэтому фамилия «${p.lastName}» в документах останется несклонённой. Укажите «м» или «ж» в столбце «Пол».`,
  // a technology card made for an organisation whose «Институт (род. п.)» is empty
  INSTITUTE_NAME_MISSING: (p: { organisation: string; header: string; fallback: string }) =>
    `у организации «${p.organisation}» не заполнено «${p.header}»: в технологической карте столбец назван «На уровне ${p.fallback}». Впишите наименование института в родительном падеже, например «института развития образования» (нет столбца — добавьте его на лист «Организации»).`,
} satisfies Record<string, (p: never) => string>;

export type MessageCode = keyof typeof catalogue;
export type MessageParams<C extends MessageCode> = Parameters<(typeof catalogue)[C]> extends [infer P] ? P : Record<string, never>;

export function messageFor<C extends MessageCode>(code: C, params: MessageParams<C>): string {
  const render = catalogue[code] as (p: MessageParams<C>) => string;
  // Values from cards and data are shown with their control characters escaped (issue 11).
  return escapeControlChars(render(params));
}

/** The place inside the file, without «Файл «…»»: for lists that already belong to one workbook. */
export function describePlace(location: IssueLocation): string {
  const { file: _file, ...rest } = location as IssueLocation & { file?: string };
  return describeLocation(rest as IssueLocation);
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
    case 'option':
      parts.push(`параметр ${location.option}${location.value === undefined ? '' : ` ${location.value}`}`);
      break;
  }
  const text = escapeControlChars(parts.join(', '));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
