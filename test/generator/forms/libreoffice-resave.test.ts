import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { buildBlankForm } from '../../../core/forms/blank-form';
import { defaultDefinitions } from '../../fixtures/forms';
import { detectForm } from '../../../core/forms/marker';
import { readSnapshot } from '../../../core/forms/snapshot';
import { scoreForm } from '../../../core/forms/score';
import { validateForm } from '../../../core/forms/validate';
import { openWorkbook } from '../../../core/workbook/open-workbook';

const defs = defaultDefinitions();
const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60000 });
    return true;
  } catch {
    return false;
  }
})();

async function check(file: string) {
  const opened = await openWorkbook(new Uint8Array(fs.readFileSync(file)), 'card.xlsx');
  if (!opened.ok) throw new Error(opened.issues[0]!.message);
  const snapshot = readSnapshot(opened.workbook);
  const def = detectForm(snapshot, defs)!;
  const result = validateForm(def, snapshot, { file: 'card.xlsx' });
  return { form: def.id, issues: result.issues, values: result.values, score: def.scoring ? scoreForm(def, result) : undefined };
}

(hasSoffice || process.env.CI ? test : test.skip)('a card re-saved by LibreOffice validates exactly like the original', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-lo-'));
  try {
    const f1 = defs.find((d) => d.id === 'F1')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildBlankForm(f1, { municipality: 'Кыштымский городской округ', year: 2024 })) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Карта мониторинга')!;
    const answers: Record<string, ExcelJS.CellValue> = {
      '0.3': new Date(Date.UTC(2025, 0, 15)),
      '0.4': 'Иванова И.И.',
      '0.5': 3,
      '1.1': 'да',
      '1.2': '08.02.2024',
      '1.3': '35-од',
      '1.4': 'нет',
      '1.5': 'да',
      '1.6': 'частично',
      '1.7': 'может быть',
      '2.1': 4,
      '2.2': 2,
      '2.3': '85,5',
      '2.4': 5,
      '2.5': 'наставничество; стажировки',
      '2.6': 'из других источников',
      '3.1': 'да',
      '3.2': '01.12.2022',
      '3.3': 'да',
      '3.4': 'нет',
      '3.5': { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue,
      '4.1': 1,
      '4.2': 60,
      '4.3': 95,
      '4.4': 'незначительное',
    };
    ws.eachRow((row, n) => {
      const k = row.getCell(1).value;
      if (typeof k === 'string' && n > 3 && k in answers) row.getCell(3).value = answers[k] ?? null;
    });
    const original = path.join(dir, 'card.xlsx');
    await wb.xlsx.writeFile(original);
    const outDir = path.join(dir, 'lo');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, original],
      { stdio: 'ignore', timeout: 120000 },
    );
    const resaved = path.join(outDir, 'card.xlsx');
    expect(fs.existsSync(resaved)).toBe(true);
    const a = await check(original);
    const b = await check(resaved);
    expect(a.issues.length).toBeGreaterThan(4);
    expect(b).toEqual(a);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
