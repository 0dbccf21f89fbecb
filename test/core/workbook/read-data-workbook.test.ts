import { readFileSync } from 'node:fs';
import { hasErrors, type Issue } from '../../../core/issues';
import { readDatasetJson } from '../../../core/model/read-dataset-json';
import { readDataWorkbook } from '../../../core/workbook/read-data-workbook';
import { addressOf, SAMPLE_JSON, SAMPLE_XLSX, sampleBytesWith, sheetOf } from '../../helpers/sample-workbook';

const SEED_DOCUMENTS = ['d5112', 'd13170', 'd12865', 'o04-335', 'rm2024-doc', 'alt-web', 'tc2024'];
const codesAt = (issues: readonly Issue[]) => issues.map((i) => [i.code, i.location]);

describe('readDataWorkbook on the sample region', () => {
  let loaded: Awaited<ReturnType<typeof readDataWorkbook>>;
  beforeAll(async () => {
    loaded = await readDataWorkbook(readFileSync(SAMPLE_XLSX), 'sample-region.xlsx');
  });

  it('finds no errors', () => {
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads 43 municipalities, every school, the seed documents and the 6 paragraphs of № 5112', () => {
    const { dataset } = loaded;
    expect(dataset.municipalities).toHaveLength(43);
    expect(dataset.schools.length).toBeGreaterThanOrEqual(245);
    expect(dataset.documents.map((d) => d.id)).toEqual(expect.arrayContaining(SEED_DOCUMENTS));
    expect(dataset.paragraphs.filter((p) => p.documentId === 'd5112').map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dataset.documents.find((d) => d.id === 'd5112')).toMatchObject({ date: '2022-05-31', number: '5112', template: 'letter', kind: 'письмо' });
  });

  it('reads the same data as its JSON twin', () => {
    const json = readDatasetJson(readFileSync(SAMPLE_JSON, 'utf8'), 'sample-region.json');
    expect(hasErrors(json.issues)).toBe(false);
    expect(loaded.dataset).toEqual(json.dataset);
  });
});

describe('readDataWorkbook on bad cells', () => {
  it('reports every bad cell of one pass with its sheet and address, and keeps the other rows', async () => {
    const where: Record<string, string> = {};
    const bytes = await sampleBytesWith((wb) => {
      const docs = sheetOf(wb, 'Документы');
      where.date = addressOf(docs, 'Код', 'd5112', 'Дата');
      docs.getCell(where.date).value = 'вчера';
      where.kind = addressOf(docs, 'Код', 'd13170', 'Вид');
      docs.getCell(where.kind).value = 'Школа';
      where.year = addressOf(docs, 'Код', 'tc2024', 'Год');
      docs.getCell(where.year).value = 'пять';
      const schools = sheetOf(wb, 'Школы');
      where.name = addressOf(schools, 'Код', 'sch002', 'Наименование');
      schools.getCell(where.name).value = null;
      where.dup = addressOf(schools, 'Код', 'sch003', 'Код');
      schools.getCell(where.dup).value = 'sch001';
    });
    const loaded = await readDataWorkbook(bytes, 'data.xlsx');
    const cell = (sheet: string, address: string) => ({ kind: 'cell', file: 'data.xlsx', sheet, address });
    expect(codesAt(loaded.issues)).toEqual(
      expect.arrayContaining([
        ['CELL_DATE', cell('Документы', where.date!)],
        ['CELL_CHOICE', cell('Документы', where.kind!)],
        ['CELL_NUMBER', cell('Документы', where.year!)],
        ['CELL_REQUIRED', cell('Школы', where.name!)],
        ['ID_DUPLICATE', cell('Школы', where.dup!)],
      ]),
    );
    const choice = loaded.issues.find((i) => i.code === 'CELL_CHOICE');
    expect(choice?.message).toContain('«письмо», «приказ»');
    expect(choice?.message).toContain('«Школа»');
    const ids = loaded.dataset.documents.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['d12865', 'o04-335', 'rm2024-doc', 'alt-web']));
    expect(ids).not.toContain('d5112');
    expect(ids).not.toContain('d13170');
    expect(ids).not.toContain('tc2024');
    expect(loaded.dataset.schools.filter((s) => s.id === 'sch001')).toHaveLength(1);
    expect(loaded.dataset.schools.some((s) => s.id === 'sch002')).toBe(false);
    expect(loaded.dataset.municipalities).toHaveLength(43);
  });

  it('reports a missing required sheet as SHEET_MISSING for the file, suggesting a misspelt one', async () => {
    const bytes = await sampleBytesWith((wb) => {
      sheetOf(wb, 'Люди').name = 'Люд';
    });
    const loaded = await readDataWorkbook(bytes, 'data.xlsx');
    const missing = loaded.issues.filter((i) => i.code === 'SHEET_MISSING');
    expect(codesAt(missing)).toEqual([['SHEET_MISSING', { kind: 'file', file: 'data.xlsx' }]]);
    expect(missing[0]?.severity).toBe('error');
    expect(missing[0]?.message).toContain('«Люди»');
    expect(missing[0]?.message).toContain('«Люд»');
  });

  it('reports FILE_EMPTY, FILE_NOT_WORKBOOK and FILE_DAMAGED for the file and reads nothing', async () => {
    const sample = readFileSync(SAMPLE_XLSX);
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(0), 'FILE_EMPTY'],
      [new TextEncoder().encode('Код;Наименование\n1;Школа\n'), 'FILE_NOT_WORKBOOK'],
      [sample.subarray(0, Math.floor(sample.length / 2)), 'FILE_DAMAGED'],
    ];
    for (const [bytes, code] of cases) {
      const loaded = await readDataWorkbook(bytes, 'data.xlsx');
      expect(codesAt(loaded.issues)).toEqual([[code, { kind: 'file', file: 'data.xlsx' }]]);
      expect(loaded.dataset.documents).toEqual([]);
    }
  });
});

describe('readDatasetJson', () => {
  const sampleJson = () => JSON.parse(readFileSync(SAMPLE_JSON, 'utf8')) as Record<string, Array<Record<string, unknown>>>;

  it('reports JSON_INVALID for the file on a syntax error', () => {
    const loaded = readDatasetJson('{"documents": [', 'data.json');
    expect(codesAt(loaded.issues)).toEqual([['JSON_INVALID', { kind: 'file', file: 'data.json' }]]);
    expect(loaded.issues[0]?.message).toContain('не является корректным JSON');
    expect(loaded.dataset.documents).toEqual([]);
  });

  it('reports JSON_VALUE_INVALID with the path of each bad value and leaves only those records out', () => {
    const data = sampleJson();
    data.schools![0]!.name = '';
    data.documents![0]!.date = '31.05.2022';
    const loaded = readDatasetJson(JSON.stringify(data), 'data.json');
    const invalid = loaded.issues.filter((i) => i.code === 'JSON_VALUE_INVALID');
    expect(codesAt(invalid)).toEqual([
      ['JSON_VALUE_INVALID', { kind: 'record', file: 'data.json', record: 'schools[0]', field: 'name' }],
      ['JSON_VALUE_INVALID', { kind: 'record', file: 'data.json', record: 'documents[0]', field: 'date' }],
    ]);
    expect(invalid[0]?.message).toContain('«schools.0.name»');
    expect(invalid[1]?.message).toContain('«documents.0.date»');
    expect(loaded.dataset.schools).toHaveLength(data.schools!.length - 1);
    expect(loaded.dataset.documents.some((d) => d.id === 'd5112')).toBe(false);
  });

  it('reports a missing or non-array section by its name', () => {
    const data = sampleJson();
    delete (data as Record<string, unknown>).people;
    (data as Record<string, unknown>).documents = { d5112: {} };
    const loaded = readDatasetJson(JSON.stringify(data), 'data.json');
    const invalid = loaded.issues.filter((i) => i.code === 'JSON_VALUE_INVALID');
    expect(codesAt(invalid)).toEqual([
      ['JSON_VALUE_INVALID', { kind: 'file', file: 'data.json' }],
      ['JSON_VALUE_INVALID', { kind: 'file', file: 'data.json' }],
    ]);
    expect(invalid.map((i) => i.message)).toEqual([expect.stringContaining('«people»'), expect.stringContaining('«documents»')]);
  });

  it('reports a reference to an unknown code as REF_UNKNOWN at the record and field', () => {
    const data = sampleJson();
    const index = data.schools!.findIndex((s) => s.id === 'sch001');
    data.schools![index]!.municipalityId = 'mo999';
    const loaded = readDatasetJson(JSON.stringify(data), 'data.json');
    const refs = loaded.issues.filter((i) => i.code === 'REF_UNKNOWN' && i.location.kind === 'record' && i.location.record.startsWith('schools'));
    expect(codesAt(refs)).toEqual([['REF_UNKNOWN', { kind: 'record', file: 'data.json', record: `schools[${index}]`, field: 'municipalityId' }]]);
    expect(refs[0]?.message).toContain('«mo999»');
  });
});
