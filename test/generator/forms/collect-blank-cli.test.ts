import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './run-cli';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-collect-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A two-municipality data file: Кыштым and Миасс, 1 ШНОР each. */
function dataFile(): string {
  const file = path.join(dir, 'data.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      organisations: [],
      people: [],
      roadmapItems: [],
      events: [],
      reports: [],
      schedule: [],
      distribution: [],
      techCards: [],
      documents: [],
      paragraphs: [],
      attachments: [],
      municipalities: [
        { id: 'mo01', name: 'Кыштымский городской округ', kind: 'городской округ', authority: 'УО Кыштыма' },
        { id: 'mo02', name: 'Миасский городской округ', kind: 'городской округ', authority: 'УО Миасса' },
        { id: 'mo03', name: 'Уйский муниципальный округ', kind: 'муниципальный округ', authority: 'УО Уйского МО' },
      ],
      schools: [
        { id: 's1', municipalityId: 'mo01', name: 'СОШ № 1' },
        { id: 's2', municipalityId: 'mo02', name: 'СОШ № 2' },
      ],
      schoolLists: [
        { year: 2024, schoolId: 's1', list: 'ШНОР' },
        { year: 2024, schoolId: 's2', list: 'ШНОР' },
      ],
    }),
  );
  return file;
}

async function filledCard(name: string, municipality: string, program: string): Promise<string> {
  const blank = path.join(dir, `blank-${name}`);
  const made = await runCli(['blank', 'F1', '--municipality', municipality, '--year', '2024', '--data', dataFile(), '-o', blank]);
  expect(made.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(blank);
  const ws = wb.getWorksheet('Карта мониторинга')!;
  const answers: Record<string, ExcelJS.CellValue> = {
    '0.3': '15.01.2025',
    '0.4': 'Иванова И.И.',
    '0.5': 1,
    '1.1': program,
    '1.2': program === 'да' ? '08.02.2024' : null,
    '1.3': program === 'да' ? '1-од' : null,
    '1.4': 'да',
    '1.5': 'да',
    '1.6': 'да',
    '1.7': 'да',
    '2.1': 1,
    '2.2': 1,
    '2.3': 90,
    '2.4': 4,
    '2.5': 'наставничество; стажировки; консультирование',
    '2.6': 'в муниципальном бюджете',
    '3.1': 'да',
    '3.2': '01.12.2024',
    '3.3': 'да',
    '3.4': 'да',
    '3.5': 95,
    '4.1': 1,
    '4.2': 60,
    '4.3': 100,
    '4.4': 'значительное',
  };
  ws.eachRow((row, n) => {
    const k = row.getCell(1).value;
    if (typeof k === 'string' && n > 3 && k in answers) row.getCell(3).value = answers[k] ?? null;
    if (k === '1.1' && program === 'нет') row.getCell(4).value = 'в разработке';
  });
  const file = path.join(dir, 'cards', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

test('kaskad blank: the municipality by its code, an existing file kept without --force', async () => {
  const out = path.join(dir, 'b.xlsx');
  expect((await runCli(['blank', 'F1', '--municipality', 'mo02', '--year', '2024', '--data', dataFile(), '-o', out])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet('Карта мониторинга')!.getCell('C4').value).toBe('Миасский городской округ');
  const again = await runCli(['blank', 'F1', '-o', out]);
  expect(again.code).toBe(2);
  expect(again.out).toContain('уже существует');
  expect((await runCli(['blank', 'F1', '-o', out, '--force'])).code).toBe(0);
});

test('kaskad collect: one row per municipality, coloured level, red flags, a sheet of findings, duplicates and missing reported', async () => {
  await filledCard('kyshtym.xlsx', 'mo01', 'да');
  const miass1 = await filledCard('miass-1.xlsx', 'mo02', 'нет');
  const miass2 = await filledCard('miass-2.xlsx', 'mo02', 'да');
  // Same «Дата заполнения» in both: the file saved later (miass-1) is taken, both named with the reason.
  fs.utimesSync(miass1, new Date('2025-01-16T10:00:00Z'), new Date('2025-01-16T10:00:00Z'));
  fs.utimesSync(miass2, new Date('2025-01-15T10:00:00Z'), new Date('2025-01-15T10:00:00Z'));
  const svod = path.join(dir, 'svod.xlsx');
  const r = await runCli(['collect', path.join(dir, 'cards'), '--data', dataFile(), '-o', svod]);
  expect(r.out).toContain(
    '✖ Файл «miass-2.xlsx»: две карты муниципалитета «Миасский городской округ»: «miass-1.xlsx» и «miass-2.xlsx»; в свод взята «miass-1.xlsx» как более поздняя (по времени изменения файла (в картах нет различающейся даты): 16.01.2025 10:00:00 позже 15.01.2025 10:00:00 (UTC)).',
  );
  expect(r.out).toContain('нет карты муниципалитета «Уйский муниципальный округ»');
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(svod);
  const ws = wb.getWorksheet('Свод')!;
  const header = (ws.getRow(3).values as unknown[]).map((v) => String(v ?? ''));
  const rowOf = (name: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === name) found = row;
    });
    return found!;
  };
  const kyshtym = rowOf('Кыштымский городской округ');
  const miass = rowOf('Миасский городской округ');
  expect(kyshtym.getCell(header.indexOf('%')).value).toBe(100);
  expect(kyshtym.getCell(header.indexOf('Уровень')).value).toBe('высокий');
  expect((kyshtym.getCell(header.indexOf('Уровень')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00B050');
  expect(String(miass.getCell(header.indexOf('Красные флаги')).value)).toContain('Нет муниципального акта');
  expect(ws.rowCount).toBe(5);
  const findings = wb.getWorksheet('Замечания')!;
  expect((findings.getRow(1).values as unknown[]).slice(1)).toEqual(['Муниципалитет', 'Где', 'Важность', 'Замечание']);
  const rows: string[][] = [];
  findings.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map(String));
  });
  // By municipality, in Russian: no file names or codes in the first column, no raw codes anywhere.
  expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort((a, b) => a!.localeCompare(b!, 'ru')));
  expect(rows.find((r) => r[3]!.includes('нет карты муниципалитета «Уйский муниципальный округ»'))?.slice(0, 3)).toEqual([
    'Уйский муниципальный округ',
    'Запись «Уйский муниципальный округ»',
    'предупреждение',
  ]);
  // Two cards of one municipality: the later is taken, and the finding names both files.
  const twice = rows.find((r) => r[3]!.includes('две карты муниципалитета «Миасский городской округ»'));
  expect(twice?.[3]).toMatch(/«miass-[12]\.xlsx» и «miass-[12]\.xlsx»/);
  expect(rows.flat().some((t) => /^[A-Z_]+$/.test(t))).toBe(false);
});

test('kaskad forms --json lists the shipped definitions', async () => {
  const r = await runCli(['forms', '--json']);
  expect(r.code).toBe(0);
  const list = JSON.parse(r.out) as Array<{ id: string; methodology: string }>;
  expect(list.map((d) => d.id)).toEqual(['F1', 'F2', 'F3', 'F7']);
  expect(list[0]!.methodology).toBe('методика 2024 года');
});
