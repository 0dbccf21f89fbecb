import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { loadDefinitions } from '../../../generator/forms/load-definitions';
import { runCli } from './run-cli';

const DATA = path.join(__dirname, '../../../templates/data/sample-region.json');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-blank-ref-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('F7 blank with the data: curators and schools from drop-downs', () => {
  test('the shipped F7 definition (spreadsheet and JSON) makes «Куратор» a reference to «Люди»', async () => {
    const { definitions, issues } = await loadDefinitions();
    expect(issues).toEqual([]);
    const f7 = definitions.find((d) => d.id === 'F7')!;
    expect(f7.fields.filter((f) => f.ref).map((f) => [f.id, f.ref])).toEqual([
      ['scope', 'municipality'],
      ['municipality', 'municipality'],
      ['school', 'school'],
      ['curator', 'person'],
      ['leader', 'school'],
    ]);
  });

  test('`blank F7 --data`: «Куратор», «Школа (ШНОР)», «Школа-лидер» and «Муниципалитет» offer the data’s names', async () => {
    const out = path.join(dir, 'F7.xlsx');
    const r = await runCli(['blank', 'F7', '--data', DATA, '-o', out]);
    expect(r.err).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Распределение')!;
    const header = (ws.getRow(3).values as unknown[]).map(String);
    const lists = wb.getWorksheet('Списки')!;
    const listOf = (title: string): string[] => {
      const col = header.indexOf(title);
      const v = ws.getCell(4, col).dataValidation;
      expect([title, v?.type, v?.errorStyle]).toEqual([title, 'list', 'warning']);
      const m = /\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)/.exec(String(v?.formulae?.[0]));
      const names: string[] = [];
      for (let row = 2; row <= Number(m![2]); row++) names.push(String(lists.getCell(`${m![1]}${row}`).value));
      return names;
    };
    expect(listOf('Куратор')).toContain('Кнутарева Н.П.');
    expect(listOf('Школа (ШНОР)').length).toBeGreaterThan(100);
    expect(listOf('Школа-лидер')).toEqual(listOf('Школа (ШНОР)'));
    expect(listOf('Муниципалитет')).toContain('Кыштымский городской округ');
  });
});
