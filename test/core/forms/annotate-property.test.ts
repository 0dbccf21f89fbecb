/**
 * The annotated workbook changes exactly the cells with findings (fill and note) and nothing else:
 * over every sample card and over junk cards typed into the blanks, every other cell keeps its
 * value, resolved style, data validation and protection — compared after writing and re-reading the bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { annotateWorkbook, FINDINGS_SHEET } from '../../../core/forms/annotate';
import { defaultDefinitions } from '../../fixtures/forms';
import { detectForm } from '../../../core/forms/marker';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { readSnapshot } from '../../../core/forms/snapshot';
import { validateForm } from '../../../core/forms/validate';
import type { Issue } from '../../../core/issues';
import { DatasetSchema } from '../../../core/model/schemas';
import { openWorkbook } from '../../../core/workbook/open-workbook';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '../../..');
const SAMPLES = path.join(ROOT, 'templates/forms/samples');
const BLANKS = path.join(ROOT, 'templates/forms/blank');
const defs = defaultDefinitions();
const data = buildReferenceData(DatasetSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/data/sample-region.json'), 'utf8'))));

function listXlsx(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listXlsx(full) : e.name.endsWith('.xlsx') ? [full] : [];
  });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Validates and annotates as `kaskad validate --annotate` does. */
async function annotate(name: string, bytes: Uint8Array): Promise<{ issues: Issue[]; annotated: Uint8Array }> {
  const opened = await openWorkbook(bytes, name);
  if (!opened.ok) throw new Error(`${name}: ${opened.issues.map((i) => i.message).join('; ')}`);
  const snapshot = readSnapshot(opened.workbook);
  const def = detectForm(snapshot, defs);
  if (!def) throw new Error(`${name}: no form`);
  const { issues } = validateForm(def, snapshot, { file: name, data });
  return { issues, annotated: await annotateWorkbook(opened.workbook, issues, { municipality: 'Проверочный' }) };
}

const styleOf = (cell: ExcelJS.Cell) => {
  const s = cell.style ?? {};
  return JSON.stringify({ fill: s.fill, font: s.font, border: s.border, numFmt: s.numFmt, alignment: s.alignment, protection: s.protection });
};
const cellFacts = (cell: ExcelJS.Cell) => JSON.stringify({ value: cell.value, validation: cell.dataValidation, merged: cell.isMerged });

/** Every difference between the original and the annotated workbook, as «sheet!A1: what». */
async function differences(original: Uint8Array, annotated: Uint8Array, issues: readonly Issue[]): Promise<string[]> {
  const [before, after] = await Promise.all([load(original), load(annotated)]);
  const marked = new Map<string, Issue[]>();
  for (const i of issues)
    if (i.location.kind === 'cell') {
      const key = `${i.location.sheet}!${i.location.address}`;
      marked.set(key, [...(marked.get(key) ?? []), i]);
    }
  const out: string[] = [];
  expect(after.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name).filter((n) => n !== FINDINGS_SHEET), FINDINGS_SHEET]);
  for (const ws of before.worksheets) {
    if (ws.name === FINDINGS_SHEET) continue;
    const other = after.getWorksheet(ws.name)!;
    const protectionOf = (w: ExcelJS.Worksheet): unknown => (w as unknown as { sheetProtection?: unknown }).sheetProtection ?? null;
    expect([ws.name, other.state, protectionOf(other)]).toEqual([ws.name, ws.state, protectionOf(ws)]);
    const rows = Math.max(ws.rowCount, other.rowCount);
    const cols = Math.max(ws.columnCount, other.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const a = ws.getCell(r, c);
        const b = other.getCell(r, c);
        const key = `${ws.name}!${a.address}`;
        if (cellFacts(a) !== cellFacts(b)) out.push(`${key}: ${cellFacts(a)} → ${cellFacts(b)}`);
        const found = marked.get(key);
        if (!found) {
          if (styleOf(a) !== styleOf(b)) out.push(`${key}: style ${styleOf(a)} → ${styleOf(b)}`);
          if (JSON.stringify(a.note ?? null) !== JSON.stringify(b.note ?? null)) out.push(`${key}: note changed`);
          continue;
        }
        const argb = found.some((i) => i.severity === 'error') ? 'FFFFC7CE' : 'FFFFEB9C';
        if ((b.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb !== argb) out.push(`${key}: not filled ${argb}`);
        const { fill: _a, ...restA } = a.style ?? {};
        const { fill: _b, ...restB } = b.style ?? {};
        if (JSON.stringify(restA) !== JSON.stringify(restB)) out.push(`${key}: style besides the fill changed`);
        const note = typeof b.note === 'string' ? b.note : (b.note?.texts ?? []).map((t) => t.text).join('');
        for (const i of found) if (!note.includes(i.message)) out.push(`${key}: note lacks «${i.message}»`);
      }
    }
  }
  return out;
}

describe('the annotated workbook changes only the cells with findings', () => {
  const samples = listXlsx(SAMPLES);

  test('the samples are all there', () => {
    expect(samples.length).toBeGreaterThan(45);
  });

  test.each(samples.map((f) => [path.relative(SAMPLES, f), f]))('%s', async (_name, file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { issues, annotated } = await annotate(path.basename(file), bytes);
    expect(await differences(bytes, annotated, issues)).toEqual([]);
  });

  test('F1-mo05: C20 alone is filled, the other cells of «Карта мониторинга» keep their fill', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'F1/F1-mo05.xlsx')));
    const { issues, annotated } = await annotate('F1-mo05.xlsx', bytes);
    expect(issues.map((i) => [i.code, i.location.kind === 'cell' ? i.location.address : ''])).toEqual([['FORM_NOT_PERCENT', 'C20']]);
    const wb = await load(annotated);
    const red: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if ((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFC7CE') red.push(`${ws.name}!${cell.address}`);
        }),
      );
    expect(red).toEqual(['Карта мониторинга!C20']);
    const summary = wb.getWorksheet(FINDINGS_SHEET)!;
    expect(summary.getRow(1).values).toEqual([undefined, 'Муниципалитет', 'Где', 'Замечание', 'Важность', 'Код']);
    expect(summary.getRow(2).values).toEqual([
      undefined,
      'Проверочный',
      'Лист «Карта мониторинга», ячейка C20',
      issues[0]!.message,
      'ошибка',
      'FORM_NOT_PERCENT',
    ]);
  });

  /** Junk typed into a blank: text, numbers, negative and huge numbers, dates, booleans, formulas with errors. */
  const junk = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.boolean(),
    fc.date({ min: new Date(1990, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true }),
    fc.constant({ formula: '1/0', result: { error: '#DIV/0!' } }),
  );
  const blanks = ['F1', 'F2', 'F3', 'F7'];

  test('junk cards typed into every blank', async () => {
    const originals = new Map(blanks.map((id) => [id, new Uint8Array(fs.readFileSync(path.join(BLANKS, `${id}.xlsx`)))]));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...blanks),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 8 }), junk), { minLength: 1, maxLength: 25 }),
        async (id, typed) => {
          const wb = await load(originals.get(id)!);
          const ws = wb.worksheets.find((w) => w.state === 'visible')!;
          for (const [r, c, v] of typed) ws.getCell(r, c).value = v as ExcelJS.CellValue;
          const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
          const { issues, annotated } = await annotate(`${id}-junk.xlsx`, bytes);
          expect(await differences(bytes, annotated, issues)).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 9 },
    );
  });
});
