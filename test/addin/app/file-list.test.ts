import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { annotatedZip } from '../../../addin/app/browser-files';
import { checkFile, withOpened, type CheckedFile } from '../../../addin/app/use-checked-files';
import { ROOT } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane reads its form definitions from dist/forms at start; here, from templates/forms.
beforeAll(() => primePaneCatalogue());

const F1 = (name: string) => readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', name));

describe('the pane’s file list', () => {
  it('a file opened again replaces the one of the same name where it stood', async () => {
    const a = await checkFile(1, 'F1-mo05.xlsx', F1('F1-mo05.xlsx'));
    const b = await checkFile(2, 'F1-mo01.xlsx', F1('F1-mo01.xlsx'));
    const again = await checkFile(3, 'F1-mo05.xlsx', F1('F1-mo01.xlsx'));
    const list = withOpened(withOpened(withOpened([], a), b), again);
    expect(list.map((f) => [f.id, f.name, Boolean(f.replaced)])).toEqual([
      [3, 'F1-mo05.xlsx', true],
      [2, 'F1-mo01.xlsx', false],
    ]);
    expect(list[0]!.outcome.issues).toEqual([]);
  });

  it('knows each card’s municipality', async () => {
    const a = await checkFile(1, 'F1-mo05.xlsx', F1('F1-mo05.xlsx'));
    expect(a.municipality).toMatch(/\S/);
    expect(a.municipality).not.toBe('F1-mo05.xlsx');
  });

  it('«Скачать все книги с замечаниями»: one .zip of the annotated workbooks with findings only', async () => {
    const files: CheckedFile[] = [];
    for (const [i, name] of ['F1-mo05.xlsx', 'F1-mo01.xlsx', 'F1-mo02.xlsx'].entries()) files.push(await checkFile(i + 1, name, F1(name)));
    const withFindings = files.filter((f) => f.outcome.issues.length);
    const zip = await annotatedZip(
      withFindings.map((f) => ({ name: f.name, bytes: f.bytes, issues: f.outcome.issues, municipality: f.municipality })),
    );
    expect(zip.count).toBe(withFindings.length);
    const entries = new PizZip(zip.bytes).files;
    expect(Object.keys(entries).sort()).toEqual(withFindings.map((f) => `${f.name.replace('.xlsx', '')} — замечания.xlsx`).sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entries['F1-mo05 — замечания.xlsx']!.asUint8Array() as unknown as ArrayBuffer);
    const c20 = wb.getWorksheet('Карта мониторинга')!.getCell('C20');
    expect((c20.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(wb.getWorksheet('Замечания Каскада')!.getCell('A2').value).toBe(files[0]!.municipality);
  });
});
