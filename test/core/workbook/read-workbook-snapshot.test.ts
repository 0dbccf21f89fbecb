import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readSnapshot } from '../../../core/forms/snapshot';
import { openWorkbook } from '../../../core/workbook/open-workbook';
import { readWorkbookSnapshot } from '../../../core/workbook/read-workbook-snapshot';
import { readZipEntries } from '../../../core/zip/read-zip';
import { unpackEntry, newBudget } from '../../../core/zip/unpack';
import { writeZip } from '../../../core/zip/write-zip';
import { ROOT } from '../../helpers/sample-workbook';

/** What readSnapshot makes of exceljs's model of the bytes, or exceljs's refusal. */
async function throughExceljs(bytes: Uint8Array, file: string) {
  const opened = await openWorkbook(bytes, file);
  return opened.ok ? { ok: true, snapshot: readSnapshot(opened.workbook) } : opened;
}

/** Same values in the same order: issue order follows the cells' order. */
const asText = (value: unknown): string => JSON.stringify(value);

function workbooksUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return workbooksUnder(full);
      return name.endsWith('.xlsx') && !name.startsWith('~$') ? [full] : [];
    });
}

/** The workbook's parts with `edit` applied to the named part's XML: what Excel or LibreOffice may write. */
function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const budget = newBudget({ maxBytes: 1e9, maxRatio: 1e9 });
  return writeZip(
    readZipEntries(bytes).map((e) => {
      const data = unpackEntry(e, budget);
      return { name: e.name, data: e.name === part ? new TextEncoder().encode(edit(new TextDecoder().decode(data))) : data };
    }),
  );
}

describe('the snapshot read straight from the XML is the one exceljs gives', () => {
  const files = [...workbooksUnder(join(ROOT, 'templates')), ...workbooksUnder(join(ROOT, 'test'))];

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', async (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    expect(asText(readWorkbookSnapshot(bytes, 'x.xlsx'))).toBe(asText(await throughExceljs(bytes, 'x.xlsx')));
  });

  it('for dates, percents, formulas with cached results, rich text, hyperlinks, booleans, errors, merges and hidden sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const card = workbook.addWorksheet('Карта мониторинга');
    card.getCell('A1').value = 'Муниципалитет «Троицкий» & Co <1>';
    card.getCell('B1').value = 0.625;
    card.getCell('B1').numFmt = '0.0%';
    card.getCell('B2').value = 0.5;
    card.getCell('B2').numFmt = '0%';
    card.getCell('C1').value = new Date(Date.UTC(2024, 1, 29));
    card.getCell('C1').numFmt = 'dd.mm.yyyy';
    card.getCell('C2').value = 45351;
    card.getCell('C2').numFmt = '[$-419]d mmmm yyyy "г."';
    card.getCell('C3').value = 45351;
    card.getCell('C3').numFmt = '"мм" 0';
    card.getCell('D1').value = { formula: 'B1*2', result: 1.25 };
    card.getCell('D1').numFmt = '0%';
    card.getCell('D2').value = { formula: 'C1+1', result: 45352 };
    card.getCell('D2').numFmt = 'dd.mm.yyyy';
    card.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    card.getCell('D4').value = { formula: 'A1&""', result: 'Троицкий & <b>' };
    card.getCell('D5').value = { formula: 'TRUE()', result: true };
    card.getCell('D6').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    card.getCell('E1').value = { richText: [{ text: 'СОШ ', font: { bold: true } }, { text: '№ 1\nкорпус 2' }] };
    card.getCell('E2').value = true;
    card.getCell('E3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    card.getCell('E4').value = '#ДЕЛ/0!';
    card.getCell('E5').value = '   ';
    card.getCell('E6').value = 'строка\r\nвторая _x000D_ «_x0041_»';
    card.getCell('F1').value = 'объединено';
    card.mergeCells('F1:H2');
    card.getCell('G5').value = { text: 'Сайт школы', hyperlink: 'https://school.example' };
    card.getCell('G6').value = {
      text: { richText: [{ text: 'Сайт ', font: { bold: true } }, { text: 'СОШ № 2' }] },
      hyperlink: 'https://x.example',
    } as never;
    card.getCell('A10').value = -12.5e-3;
    card.getCell('B10').value = 1e21;
    const hidden = workbook.addWorksheet('Служебный', { state: 'veryHidden' });
    hidden.getCell('A1').value = 'F1';
    workbook.addWorksheet('Пустой', { state: 'hidden' });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const direct = readWorkbookSnapshot(bytes, 'card.xlsx');
    expect(asText(direct)).toBe(asText(await throughExceljs(bytes, 'card.xlsx')));
    if (!direct.ok) throw new Error('not read');
    const [sheet, service, empty] = direct.snapshot.sheets;
    expect(sheet?.cells).toMatchObject({
      B1: { kind: 'number', value: 0.625 },
      C1: { kind: 'date', iso: '2024-02-29' },
      C2: { kind: 'date', iso: '2024-02-29' },
      C3: { kind: 'number', value: 45351 },
      D2: { kind: 'date', iso: '2024-03-01' },
      D3: { kind: 'error', code: '#DIV/0!' },
      E1: { kind: 'text', text: 'СОШ № 1\nкорпус 2' },
      E4: { kind: 'error', code: '#DIV/0!' },
      F1: { kind: 'text', text: 'объединено' },
      G5: { kind: 'text', text: 'Сайт школы' },
      G6: { kind: 'text', text: 'Сайт СОШ № 2' },
    });
    expect(sheet?.cells).not.toHaveProperty('G2');
    expect(sheet?.percentCells).toEqual(['B1', 'D1', 'B2']);
    expect(sheet?.merges).toEqual(['F1:H2']);
    expect([service?.hidden, empty?.hidden, sheet?.hidden]).toEqual([true, true, false]);

    // The 1904 date system, shared formulas, inline strings and a cell without its address, as other programs write them.
    const edited = withPart(
      withPart(bytes, 'xl/workbook.xml', (xml) =>
        xml.replace(/<workbookPr\b[^>]*?\/>|<workbookPr\b[^>]*>[\s\S]*?<\/workbookPr>/, '<workbookPr date1904="1"/>'),
      ),
      'xl/worksheets/sheet1.xml',
      (xml) =>
        xml.replace(
          /<row r="10"[^>]*>[\s\S]*?<\/row>/,
          '<row r="10"><c r="A10" t="inlineStr"><is><t xml:space="preserve"> встроенная &amp; строка </t></is></c><c t="inlineStr"><is><r><t>бо</t></r><r><t>гатая</t></r></is></c>' +
            '<c r="C10"><f t="shared" ref="C10:C11" si="0">A1</f><v>3</v></c></row><row r="11"><c r="C11"><f t="shared" si="0"/><v>4</v></c></row>',
        ),
    );
    const direct1904 = readWorkbookSnapshot(edited, 'card.xlsx');
    expect(asText(direct1904)).toBe(asText(await throughExceljs(edited, 'card.xlsx')));
    if (!direct1904.ok) throw new Error('not read');
    expect(direct1904.snapshot.sheets[0]?.cells).toMatchObject({
      C1: { kind: 'date', iso: '2028-03-01' },
      A10: { kind: 'text', text: ' встроенная & строка ' },
      B10: { kind: 'text', text: 'богатая' },
      C11: { kind: 'number', value: 4 },
    });
  });

  it('reads a workbook whose XML is written with element prefixes (<x:c>, as the Open XML SDK writes) as the same card', async () => {
    const sample = new Uint8Array(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', 'F1-mo05.xlsx')));
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const prefixed = (namespace: string, prefix: string) => (xml: string) =>
      xml
        .replace(/<(\/?)([A-Za-z]+)(?=[\s/>])/g, (m, slash: string, name: string) => `<${slash}${prefix}:${name}`)
        .replace(`xmlns="${namespace}"`, `xmlns:${prefix}="${namespace}"`);
    let bytes: Uint8Array = sample;
    const sheets = readZipEntries(sample)
      .map((e) => e.name)
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    for (const part of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', ...sheets]) {
      bytes = withPart(bytes, part, prefixed(MAIN, 'x'));
    }
    bytes = withPart(bytes, 'xl/_rels/workbook.xml.rels', prefixed(RELS, 'pr'));
    // The sheet's relationship under another prefix than Excel's «r».
    bytes = withPart(bytes, 'xl/workbook.xml', (xml) => xml.replace(/xmlns:r="/, 'xmlns:rel="').replace(/ r:id=/g, ' rel:id='));
    const text = new TextDecoder().decode(
      unpackEntry(
        readZipEntries(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!,
        newBudget({ maxBytes: 1e9, maxRatio: 1e9 }),
      ),
    );
    expect(text).toMatch(/<x:worksheet xmlns:x="/);
    expect(text).toMatch(/<x:c r="A1"/);
    const original = readWorkbookSnapshot(sample, 'карта.xlsx');
    expect(original.ok && original.snapshot.sheets.length).toBe(sheets.length);
    expect(asText(readWorkbookSnapshot(bytes, 'карта.xlsx'))).toBe(asText(original));
    expect(asText(await throughExceljs(bytes, 'карта.xlsx'))).toBe(asText(original));
  });

  it('refuses what exceljs is not given, with the same findings', async () => {
    const sample = new Uint8Array(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', 'F1-mo01.xlsx')));
    const xls = new Uint8Array(64);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('Код;Наименование\n'), sample.subarray(0, sample.length >> 1), xls]) {
      const direct = readWorkbookSnapshot(bytes, 'карта.xlsx');
      expect(direct.ok).toBe(false);
      expect(asText(direct)).toBe(asText(await throughExceljs(bytes, 'карта.xlsx')));
    }
  });
});
