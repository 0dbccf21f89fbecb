import { compileDefinitionWorkbook } from '../../../core/forms/compile-definition';
import { defaultDefinitions } from '../../fixtures/forms';
import { parseDefinitionJson } from '../../../core/forms/parse-definition';
import { writeDefinitionWorkbook } from '../../../core/forms/write-definition';
import { loadBook, saveBook, snapshotOf } from './workbook-helpers';

const defs = defaultDefinitions();
const f1 = defs.find((d) => d.id === 'F1')!;

const cellOf = (i: { location: { kind: string } }) => i.location as { sheet?: string; address?: string };

describe('definitions as data', () => {
  test.each(defs.map((d) => [d.id, d]))('%s survives spreadsheet → compile unchanged', async (_id, def) => {
    const compiled = compileDefinitionWorkbook(await snapshotOf(await writeDefinitionWorkbook(def)));
    if (!compiled.ok) throw new Error(compiled.issues.map((i) => i.message).join('\n'));
    expect(compiled.definition).toEqual(def);
  });

  test('JSON is accepted too, and a shape error names the JSON path', () => {
    expect(parseDefinitionJson(JSON.stringify(f1), 'f1.json').ok).toBe(true);
    const bad = parseDefinitionJson(JSON.stringify({ ...f1, fields: [{ ...f1.fields[0], type: 'число!' }, ...f1.fields.slice(1)] }), 'f1.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'FORM_DEF_INVALID', location: { kind: 'record', record: 'fields.0' } });
    const broken = parseDefinitionJson('{ "id": ', 'f1.json');
    expect(!broken.ok && broken.issues[0]!.code).toBe('JSON_INVALID');
  });

  test('a broken definition is reported like user data: unknown field, bad expression, duplicate id — with sheet and row', async () => {
    const wb = await loadBook(await writeDefinitionWorkbook(f1));
    const fields = wb.getWorksheet('Поля')!;
    const header = (fields.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    fields.getRow(8).getCell(col('Ограничение')).value = '. <= nosuch_field';
    fields.getRow(9).getCell(col('Условие')).value = 'program_act = ';
    fields.getRow(10).getCell(col('Код')).value = String(fields.getRow(11).getCell(col('Код')).value);
    fields.getRow(12).getCell(col('Тип')).value = 'число!';
    const compiled = compileDefinitionWorkbook(await snapshotOf(await saveBook(wb)), 'F1.xlsx');
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    const found = compiled.issues.map((i) => [i.code, cellOf(i).sheet, cellOf(i).address]);
    // A word the «Тип» column does not know: its own cell, the value typed, the allowed words in Russian.
    expect(found).toEqual([['FORM_DEF_BAD_WORD', 'Поля', 'G12']]);
    expect(compiled.issues[0]!.message).toBe(
      'в столбце «Тип» введено «число!», а допустимо: «число», «целое», «процент», «дата», «текст», «выбор», «несколько из списка», «да/нет». Определение формы не загружено.',
    );
    const fixedType = await loadBook(await saveBook(wb));
    fixedType.getWorksheet('Поля')!.getRow(12).getCell(col('Тип')).value = 'текст';
    const again = compileDefinitionWorkbook(await snapshotOf(await saveBook(fixedType)), 'F1.xlsx');
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.issues.map((i) => [i.code, cellOf(i).sheet, cellOf(i).address])).toEqual(
      expect.arrayContaining([
        ['FORM_DEF_UNKNOWN_FIELD', 'Поля', 'A8'],
        ['FORM_DEF_BAD_EXPRESSION', 'Поля', 'A9'],
        ['FORM_DEF_DUPLICATE_ID', 'Поля', 'A11'],
      ]),
    );
  });

  test('a calculation cycle and an unknown function are caught', () => {
    const bad = parseDefinitionJson(
      JSON.stringify({
        ...f1,
        fields: [...f1.fields, { id: 'x1', label: 'x1', calculate: 'x2 + 1' }, { id: 'x2', label: 'x2', calculate: 'system(x1)' }],
      }),
      'f.json',
    );
    expect(!bad.ok && bad.issues.map((i) => i.code)).toEqual(['FORM_DEF_BAD_EXPRESSION', 'FORM_DEF_CYCLE']);
  });
});
