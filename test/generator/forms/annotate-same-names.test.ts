import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { annotatedNames } from '../../../core/forms/annotated-names';
import { runCli } from './run-cli';

const SAMPLES = path.join(__dirname, '../../../templates/forms/samples/F1');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-same-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('annotated copies of cards with equal file names', () => {
  test('names: distinct names stay, equal names keep the folder that tells them apart', () => {
    expect([...annotatedNames(['x/a.xlsx', 'y/b.xlsx']).values()]).toEqual(['a.xlsx', 'b.xlsx']);
    expect([...annotatedNames(['in/a/card.xlsx', 'in/b/card.xlsx', 'c.xlsx']).values()]).toEqual(['a/card.xlsx', 'b/card.xlsx', 'c.xlsx']);
    expect([...annotatedNames(['/m/2024/a/card.xlsx', '/m/2025/a/card.xlsx']).values()]).toEqual(['2024/a/card.xlsx', '2025/a/card.xlsx']);
    expect([...annotatedNames(['a\\Card.xlsx', 'b/card.xlsx']).values()]).toEqual(['a/Card.xlsx', 'b/card.xlsx']);
    expect([...annotatedNames(['card.xlsx', './card.xlsx']).values()]).toEqual(['card.xlsx', 'card (2).xlsx']);
  });

  test('`validate a/card.xlsx b/card.xlsx --annotate out` writes both, each in its folder, and says where', async () => {
    for (const [folder, sample] of [
      ['a', 'F1-mo05.xlsx'],
      ['b', 'F1-mo02.xlsx'],
    ] as const) {
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      fs.copyFileSync(path.join(SAMPLES, sample), path.join(dir, folder, 'card.xlsx'));
    }
    const out = path.join(dir, 'out');
    const r = await runCli(['validate', path.join(dir, 'a/card.xlsx'), path.join(dir, 'b/card.xlsx'), '--annotate', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(path.join(out, 'a', 'card.xlsx'));
    expect(r.out).toContain(path.join(out, 'b', 'card.xlsx'));
    const noted = async (file: string): Promise<string[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const cells: string[] = [];
      wb.getWorksheet('Карта мониторинга')!.eachRow((row) =>
        row.eachCell((c) => {
          if (c.note) cells.push(c.address);
        }),
      );
      return cells;
    };
    expect(await noted(path.join(out, 'a', 'card.xlsx'))).toEqual(['C20']);
    expect((await noted(path.join(out, 'b', 'card.xlsx'))).length).toBeGreaterThan(0);
    expect(await noted(path.join(out, 'b', 'card.xlsx'))).not.toEqual(['C20']);
  });
});
