import { describeTier, detectCapabilities, NO_CAPABILITIES, type RequirementSetSupport } from '../../addin/excel/capabilities';
import { GATEWAY_MESSAGES } from '../../addin/excel/messages';

/** A host that supports ExcelApi up to `max` (1.1 … 1.13), as Office.context.requirements answers. */
function host(max: string, asked: string[] = []): RequirementSetSupport {
  const minor = (v: string): number => Number(v.split('.')[1]);
  return {
    isSetSupported: (name, version = '1.1') => {
      asked.push(`${name} ${version}`);
      return name === 'ExcelApi' && minor(version) <= minor(max);
    },
  };
}

const BROWSER_PAGE = 'Эта версия Excel не даёт прочитать лист целиком (нужен ExcelApi 1.4): откройте файл на странице «Каскад» в браузере.';
const NO_EVENTS = 'Эта версия Excel не сообщает об изменениях ячеек: нажмите «Проверить» после правки.';
const ONE_AREA_AT_A_TIME = 'Подсветка ставится по одной области за раз — на больших формах это медленнее.';
const DOWNLOAD_BLANK = 'Добавить бланк прямо в книгу нельзя в этой версии Excel — скачайте бланк файлом.';

describe('detectCapabilities', () => {
  it('asks Office once per ExcelApi version and maps each to what it enables', () => {
    const asked: string[] = [];
    expect(detectCapabilities(host('1.9', asked))).toEqual({
      usedRangeOrNullObject: true,
      setCellProperties: true,
      mergedAreas: false,
      worksheetChangedEvents: true,
      collectionChangedEvents: true,
      insertWorksheetsFromBase64: false,
      addWorksheets: true,
      customXmlParts: true,
      keepsUndo: false,
    });
    expect(asked).toEqual(['ExcelApi 1.4', 'ExcelApi 1.9', 'ExcelApi 1.13', 'ExcelApi 1.7', 'ExcelApi 1.1', 'ExcelApi 1.5', 'ExcelApi 1.19']);
  });

  it('reads Office.context.requirements when given nothing', () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    try {
      expect(Object.values(detectCapabilities()).every(Boolean)).toBe(true);
    } finally {
      delete g.Office;
    }
  });

  it('assumes nothing outside Office or when the host throws', () => {
    expect(detectCapabilities(undefined)).toEqual(NO_CAPABILITIES);
    expect(
      detectCapabilities({
        isSetSupported: () => {
          throw new Error('old host');
        },
      }),
    ).toEqual(NO_CAPABILITIES);
    expect(Object.values(NO_CAPABILITIES).some(Boolean)).toBe(false);
  });
});

describe('describeTier', () => {
  it('sends an ExcelApi 1.1 host (Excel 2016 without updates) to the browser page, and only that', () => {
    const caps = detectCapabilities(host('1.1'));
    expect(caps.addWorksheets).toBe(true);
    expect(describeTier(caps)).toEqual({ tier: 'none', missing: [BROWSER_PAGE] });
  });

  it('calls 1.7 partial: changes are reported per sheet, fills go one area at a time, blanks are downloaded', () => {
    const tier = describeTier(detectCapabilities(host('1.7')));
    expect(tier.tier).toBe('partial');
    expect(tier.missing).toEqual([GATEWAY_MESSAGES.NO_NEW_SHEET_EVENTS(), ONE_AREA_AT_A_TIME, GATEWAY_MESSAGES.NO_MERGED_AREAS(), DOWNLOAD_BLANK]);
    expect(tier.missing).not.toContain(NO_EVENTS);
  });

  it('tells a 1.4 host to press «Проверить» after an edit', () => {
    const tier = describeTier(detectCapabilities(host('1.4')));
    expect(tier.tier).toBe('partial');
    expect(tier.missing[0]).toBe(NO_EVENTS);
    expect(tier.missing).toContain(ONE_AREA_AT_A_TIME);
    expect(tier.missing).toContain(DOWNLOAD_BLANK);
    expect(tier.missing).toContain(GATEWAY_MESSAGES.NO_HIGHLIGHT_RECORD());
  });

  it('calls 1.9 partial only for merged areas and inserting blanks', () => {
    expect(describeTier(detectCapabilities(host('1.9')))).toEqual({
      tier: 'partial',
      missing: [GATEWAY_MESSAGES.NO_MERGED_AREAS(), DOWNLOAD_BLANK],
    });
  });

  it('calls 1.13 full, with nothing to tell', () => {
    expect(describeTier(detectCapabilities(host('1.13')))).toEqual({ tier: 'full', missing: [] });
  });

  it('writes every sentence in Russian, each a whole sentence ending in a full stop', () => {
    const sentences = [
      ...describeTier(NO_CAPABILITIES).missing,
      ...describeTier({ ...NO_CAPABILITIES, usedRangeOrNullObject: true }).missing,
      ...describeTier({ ...NO_CAPABILITIES, usedRangeOrNullObject: true, worksheetChangedEvents: true }).missing,
    ];
    for (const sentence of sentences) expect(sentence).toMatch(/^[А-ЯЁ].*[а-яё»]\.$/u);
  });
});
