/**
 * What the gateway tells the user, in one place: what this Excel cannot do and what to do instead,
 * and why a blank was not added. Keys are API (the pane and the tests use them); wording may change.
 */
export const GATEWAY_MESSAGES = {
  // an ExcelApi 1.1–1.3 host: Excel 2016 without updates
  NO_USED_RANGE: () => 'Эта версия Excel не даёт прочитать лист целиком (нужен ExcelApi 1.4): откройте файл на странице «Каскад» в браузере.',
  // ExcelApi below 1.7: no worksheet.onChanged
  NO_CHANGE_EVENTS: () => 'Эта версия Excel не сообщает об изменениях ячеек: нажмите «Проверить» после правки.',
  // ExcelApi 1.7–1.8: onChanged per sheet only, so a sheet added later is not watched
  NO_NEW_SHEET_EVENTS: () => 'Изменения на листах, добавленных после открытия панели, не отслеживаются: после правки на них нажмите «Проверить».',
  // ExcelApi below 1.9: no range.setCellProperties
  NO_SET_CELL_PROPERTIES: () => 'Подсветка ставится по одной области за раз — на больших формах это медленнее.',
  // ExcelApi below 1.13: no range.getMergedAreasOrNullObject
  NO_MERGED_AREAS: () =>
    'Эта версия Excel не сообщает об объединённых ячейках: ввод поверх объединения не проверяется — проверьте файл на странице «Каскад».',
  // getMergedAreasOrNullObject refuses a sheet with more than 512 merged areas
  MERGES_SKIPPED: (p: { sheets: readonly string[] }) =>
    `На ${p.sheets.length === 1 ? `листе «${p.sheets[0]}»` : `листах ${p.sheets.map((n) => `«${n}»`).join(', ')}`} больше 512 объединённых областей — Excel не сообщает их, поэтому подписи к объединённым ячейкам могут быть неточны. Остальное проверено.`,
  // ExcelApi below 1.13: no workbook.insertWorksheetsFromBase64
  NO_INSERT_SHEETS: () => 'Добавить бланк прямо в книгу нельзя в этой версии Excel — скачайте бланк файлом.',
  // ExcelApi below 1.5: no workbook.customXmlParts, so the highlight record lives only in the pane
  NO_HIGHLIGHT_RECORD: () =>
    'Эта версия Excel не даёт сохранить в книге, какие ячейки подсвечены: снимите подсветку до того, как закроете панель или книгу.',
  // a write through the API clears Excel's Undo history below ExcelApi 1.19
  UNDO_CLEARED: () =>
    'Подсветка меняет заливку ячеек, и Excel при этом очищает журнал отмены: прежние правки кнопкой «Отменить» (Ctrl+Z) уже не отменить.',
  UNDO_KEPT: () => 'Подсветка меняет заливку ячеек: первое «Отменить» (Ctrl+Z) после неё отменит подсветку, а не вашу правку.',
  // selecting a finding on a hidden sheet
  SHEET_HIDDEN: (p: { sheet: string }) =>
    `Лист «${p.sheet}» скрыт — покажите его (правый щелчок по ярлыку листа → «Показать»), чтобы перейти к ячейке.`,
  SHEET_GONE: (p: { sheet: string }) => `Листа «${p.sheet}» в книге больше нет: нажмите «Проверить».`,
  // data-validation drop-down picks may not fire onChanged on some builds (office-js issue 420)
  DROPDOWN_MAY_BE_MISSED: () =>
    'Выбор из раскрывающегося списка в ячейке Excel сообщает не всегда: если замечания не обновились, нажмите «Проверить».',
  // the blank has «Карта мониторинга» and the open workbook already has a sheet of that name
  SHEETS_EXIST: (p: { names: readonly string[] }) =>
    p.names.length === 1
      ? `В книге уже есть лист «${p.names[0]}»: переименуйте или удалите его и добавьте бланк снова. Ничего не добавлено.`
      : `В книге уже есть листы ${p.names.map((n) => `«${n}»`).join(', ')}: переименуйте или удалите их и добавьте бланк снова. Ничего не добавлено.`,
} as const;
