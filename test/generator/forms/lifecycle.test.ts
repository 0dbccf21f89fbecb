/**
 * The methodology's yearly lifecycle through the CLI (issue 8, point 5): a blank of a chosen
 * version, cards of two versions on a svod sheet each, the later of two cards of a municipality
 * taken, a broken definition in the catalogue reported at its cell and skipped.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { GOOD_F1 } from '../../core/forms/helpers';
import { fillCard } from '../../core/forms/workbook-helpers';
import { docxParagraphs } from '../../helpers/docx-paragraphs';
import { runCli } from './run-cli';

const FORMS = path.join(__dirname, '..', '..', '..', 'templates', 'forms');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-lifecycle-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** Sets the value (column B) of the «Настройки» row named `name`. */
function setSetting(wb: ExcelJS.Workbook, name: string, value: string | number): void {
  const ws = wb.getWorksheet('Настройки')!;
  let done = false;
  ws.eachRow((row) => {
    if (row.getCell(1).value === name) {
      row.getCell(2).value = value;
      done = true;
    }
  });
  if (!done) throw new Error(`no «${name}» in «Настройки»`);
}

/** A catalogue folder: F1-2024 as shipped and F1-2025, a copy with «Версия (год)» 2025. */
async function twoVersions(name: string): Promise<string> {
  const forms = path.join(dir, name);
  fs.mkdirSync(forms, { recursive: true });
  fs.copyFileSync(path.join(FORMS, 'F1-2024.xlsx'), path.join(forms, 'F1-2024.xlsx'));
  const wb = await load(path.join(FORMS, 'F1-2024.xlsx'));
  setSetting(wb, 'Версия (год)', 2025);
  await wb.xlsx.writeFile(path.join(forms, 'F1-2025.xlsx'));
  return forms;
}

async function markerVersion(file: string): Promise<unknown> {
  return (await load(file)).getWorksheet('_kaskad')?.getCell('C1').value;
}

/** A filled F1 card: the blank the CLI makes (of that catalogue and version), answered like GOOD_F1. */
async function card(forms: string, name: string, answers: Record<string, unknown> = {}, version?: number): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  const made = await runCli(['blank', 'F1', '--forms', forms, '-o', blank, '--force', ...(version ? ['--version', String(version)] : [])]);
  expect(made.code).toBe(0);
  const wb = await load(blank);
  fillCard(wb.getWorksheet('Карта мониторинга')!, { ...GOOD_F1, ...answers });
  const file = path.join(dir, 'cards', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

test('kaskad blank F1 --version 2024 makes the 2024 blank; without it, the newest; an unknown version is exit 2', async () => {
  const forms = await twoVersions('two-versions');
  const newest = path.join(dir, 'newest.xlsx');
  expect((await runCli(['blank', 'F1', '--forms', forms, '-o', newest])).code).toBe(0);
  expect(await markerVersion(newest)).toBe(2025);
  const older = path.join(dir, 'older.xlsx');
  expect((await runCli(['blank', 'F1', '--forms', forms, '--version', '2024', '-o', older])).code).toBe(0);
  expect(await markerVersion(older)).toBe(2024);
  const missing = await runCli(['blank', 'F1', '--forms', forms, '--version', '2023', '-o', path.join(dir, 'none.xlsx')]);
  expect(missing.code).toBe(2);
  expect(missing.out.trim()).toBe('✖ Параметр --version 2023: нет формы «F1» версии 2023. Есть версии: 2024, 2025.');
  expect(fs.existsSync(path.join(dir, 'none.xlsx'))).toBe(false);
});

test('kaskad collect with F1 cards of 2024 and 2025: a svod sheet per version, a warning per card naming its sheet, the справка of the newest', async () => {
  const forms = await twoVersions('mixed');
  fs.rmSync(path.join(dir, 'cards'), { recursive: true, force: true });
  await card(forms, 'kyshtym-2024.xlsx', {}, 2024);
  await card(forms, 'miass-2025.xlsx', { '0.1': 'Миасский городской округ' }, 2025);
  const svod = path.join(dir, 'mixed-svod.xlsx');
  const report = path.join(dir, 'mixed-report.docx');
  const data = path.join(__dirname, '..', '..', '..', 'templates', 'data', 'sample-region.xlsx');
  const r = await runCli(['collect', path.join(dir, 'cards'), '--forms', forms, '-o', svod, '--data', data, '--report', report]);
  // Exit 1 for the cards' own error against the data (their ШНОР count); the versions add warnings only.
  expect(r.code).toBe(1);
  expect(
    r.out
      .split('\n')
      .filter((l) => l.startsWith('✖'))
      .map((l) => l.replace(/ — \d+\.$/, '')),
  ).toEqual([
    '✖ Файл «kyshtym-2024.xlsx», лист «Карта мониторинга», ячейка C8: «Количество ШНОР в муниципалитете»: указано 2, а в списке «ШНОР»',
    '✖ Файл «miass-2025.xlsx», лист «Карта мониторинга», ячейка C8: «Количество ШНОР в муниципалитете»: указано 2, а в списке «ШНОР»',
  ]);
  const lines = r.out.split('\n').filter((l) => l.startsWith('⚠') && !l.includes('нет карты'));
  expect(lines).toEqual([
    '⚠ Файл «kyshtym-2024.xlsx»: карта формы F1 версии 2024; среди сводимых карт есть версии 2024, 2025, а карты разных версий считаются по разным методикам — эта карта сведена на лист «Свод 2024».',
    '⚠ Файл «miass-2025.xlsx»: карта формы F1 версии 2025; среди сводимых карт есть версии 2024, 2025, а карты разных версий считаются по разным методикам — эта карта сведена на лист «Свод 2025».',
    '⚠ Шаблон «monitoring-report»: справка составлена по картам формы F1 версии 2025 — самой новой среди сводимых; карты других версий считаются по другой методике и в справку не вошли: «kyshtym-2024.xlsx» (2024). Их баллы — на своих листах свода.',
  ]);
  // Each card is still checked and scored by its own version.
  expect(r.out).toContain('«kyshtym-2024.xlsx» — форма F1 (2024): ошибок 1, предупреждений 0');
  expect(r.out).toContain('«miass-2025.xlsx» — форма F1 (2025): ошибок 1, предупреждений 0');
  // 41 municipalities sent no card of either version; Кыштым, with a 2024 card, is not among them.
  expect(r.out.split('\n').filter((l) => l.includes('нет карты'))).toHaveLength(41);
  expect(r.out).not.toMatch(/Кыштымский городской округ[^\n]*нет карты/);
  const wb = await load(svod);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Свод 2024', 'Свод 2025', 'Замечания']);
  const title = (w: string) => String(wb.getWorksheet(w)!.getCell('A1').value);
  expect([title('Свод 2024'), title('Свод 2025')]).toEqual([expect.stringMatching(/ \(версия 2024\)$/), expect.stringMatching(/ \(версия 2025\)$/)]);
  const municipalities = (w: string) => [wb.getWorksheet(w)!.getCell('B4').value, wb.getWorksheet(w)!.getCell('B5').value];
  expect(municipalities('Свод 2024')).toEqual(['Кыштымский городской округ', null]);
  expect(municipalities('Свод 2025')).toEqual(['Миасский городской округ', null]);
  // The справка is of the newest version's cards: Миасс is in it, Кыштым (2024) neither scored nor «без карты».
  const text = docxParagraphs(new Uint8Array(fs.readFileSync(report))).join('\n');
  expect(text).toContain('Миасский городской округ');
  expect(text).not.toContain('Кыштымский');
});

test('two cards of one municipality: the later by «Дата заполнения» is taken even when its file is older, and both are named', async () => {
  fs.rmSync(path.join(dir, 'cards'), { recursive: true, force: true });
  const later = await card(FORMS, 'a-kyshtym-later.xlsx', { '0.3': '20.01.2025' });
  const earlier = await card(FORMS, 'b-kyshtym-earlier.xlsx', { '0.3': '15.01.2025' });
  // The file times say the opposite: the card's own date decides.
  fs.utimesSync(later, new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
  fs.utimesSync(earlier, new Date('2025-02-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'));
  const r = await runCli(['collect', path.join(dir, 'cards'), '--forms', FORMS, '-o', path.join(dir, 'dup-svod.xlsx')]);
  expect(r.out).toContain(
    '✖ Файл «b-kyshtym-earlier.xlsx»: две карты муниципалитета «Кыштымский городской округ»: «a-kyshtym-later.xlsx» и «b-kyshtym-earlier.xlsx»; в свод взята «a-kyshtym-later.xlsx» как более поздняя (по полю «Дата заполнения» в карте: 20.01.2025 позже 15.01.2025).',
  );

  // Same date: the file time decides.
  fs.rmSync(path.join(dir, 'cards'), { recursive: true, force: true });
  const first = await card(FORMS, 'a-kyshtym.xlsx');
  const second = await card(FORMS, 'b-kyshtym.xlsx');
  fs.utimesSync(first, new Date('2025-01-20T09:30:00Z'), new Date('2025-01-20T09:30:00Z'));
  fs.utimesSync(second, new Date('2025-01-18T12:00:05Z'), new Date('2025-01-18T12:00:05Z'));
  const byTime = await runCli(['collect', path.join(dir, 'cards'), '--forms', FORMS, '-o', path.join(dir, 'dup-svod-2.xlsx')]);
  expect(byTime.out).toContain(
    '✖ Файл «b-kyshtym.xlsx»: две карты муниципалитета «Кыштымский городской округ»: «a-kyshtym.xlsx» и «b-kyshtym.xlsx»; в свод взята «a-kyshtym.xlsx» как более поздняя (по времени изменения файла (в картах нет различающейся даты): 20.01.2025 09:30:00 позже 18.01.2025 12:00:05 (UTC)).',
  );
  const svod = new ExcelJS.Workbook();
  await svod.xlsx.readFile(path.join(dir, 'dup-svod-2.xlsx'));
  const files: string[] = [];
  svod.worksheets[0]!.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string' && c.value.endsWith('.xlsx')) files.push(c.value);
    }),
  );
  expect(files).toEqual(['a-kyshtym.xlsx']);
});

test("a broken definition in the catalogue is reported at its cell in the sheet's words and skipped; other forms are still checked (exit 1)", async () => {
  const forms = path.join(dir, 'broken');
  fs.mkdirSync(forms, { recursive: true });
  fs.copyFileSync(path.join(FORMS, 'F1-2024.xlsx'), path.join(forms, 'F1-2024.xlsx'));
  const f3 = await load(path.join(FORMS, 'F3-2024.xlsx'));
  const checks = f3.getWorksheet('Проверки')!;
  expect(checks.getCell('B1').value).toBe('Вид');
  expect(checks.getCell('B2').value).toBe('период');
  checks.getCell('B2').value = 'сравненье';
  await f3.xlsx.writeFile(path.join(forms, 'F3-2024.xlsx'));
  fs.rmSync(path.join(dir, 'cards'), { recursive: true, force: true });
  const good = await card(FORMS, 'kyshtym.xlsx');
  // Any command over that catalogue says so and ends with 1, but still works: here, a blank of F1.
  const blank = await runCli(['blank', 'F1', '--forms', forms, '-o', path.join(dir, 'blank-broken.xlsx')]);
  expect(blank.code).toBe(1);
  expect(blank.out).toContain('записан файл');
  const r = await runCli(['validate', good, '--forms', forms]);
  expect(r.code).toBe(1);
  expect(r.out.split('\n')[0]).toBe(
    '✖ Файл «F3-2024.xlsx», лист «Проверки», ячейка B2: в столбце «Вид» введено «сравненье», а допустимо: «сравнение», «период», «приоритеты», «без повторов», «охват списка», «не больше на одно значение», «число по списку», «принадлежность муниципалитету». Определение формы не загружено.',
  );
  expect(r.out).toContain('«kyshtym.xlsx» — форма F1 (2024): замечаний нет');
  const list = await runCli(['forms', '--forms', forms, '--json']);
  expect((JSON.parse(list.out) as Array<{ id: string }>).map((d) => d.id)).toEqual(['F1']);
  expect(list.code).toBe(1);
});

test("a scoring rule naming an option not in the field's list is a definition error", async () => {
  const forms = path.join(dir, 'bad-option');
  fs.mkdirSync(forms, { recursive: true });
  const wb = await load(path.join(FORMS, 'F1-2024.xlsx'));
  const points = wb.getWorksheet('Баллы')!;
  let address = '';
  let firstRowOfSite = 0;
  points.eachRow((row, n) => {
    if (row.getCell(1).value !== 'site') return;
    firstRowOfSite ||= n;
    if (row.getCell(3).value === 'частично') {
      row.getCell(3).value = 'наполовину';
      address = row.getCell(3).address;
    }
  });
  expect(address).not.toBe('');
  await wb.xlsx.writeFile(path.join(forms, 'F1-2024.xlsx'));
  const r = await runCli(['forms', '--forms', forms]);
  expect(r.code).toBe(2);
  expect(r.out.split('\n')[0]).toBe(
    `✖ Файл «F1-2024.xlsx», лист «Баллы», ячейка A${firstRowOfSite}: в баллах поля «site» указан вариант «наполовину», которого нет в списке «site» (есть: «да», «частично», «нет»).`,
  );
  expect(r.out).toContain('нет ни одного исправного определения формы');
});
