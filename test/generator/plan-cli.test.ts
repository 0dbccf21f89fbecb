/**
 * `kaskad plan`: Russian help, exit codes (0 full plan, 1 partial plan written with the reason,
 * 2 bad call or an output that exists), fixed pairs from a filled F7, never a silent overwrite.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runPlan } from '../../generator/plan';
import { makeTempDir, removeTempDir, ROOT, SAMPLE_JSON } from '../helpers/sample-workbook';

let dir: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'build', 'generator', 'cli', 'plan-command.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
});
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

function kaskad(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'kaskad.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

test('справка по-русски; год не годом — код 2', () => {
  const help = kaskad('plan', '--help');
  expect(help.code).toBe(0);
  expect(help.out).toContain('предложить распределение ШНОР между кураторами и школами-лидерами');
  expect(help.out).toContain('--keep-last-year');
  expect(help.out).toContain('--fixed <F7.xlsx>');
  const bad = kaskad('plan', '--data', SAMPLE_JSON, '--year', '20x5', '-o', join(dir, 'р.xlsx'));
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('год «20x5» не похож на год');
});

test('без --year — самый новый год ШНОР в данных, и терминал говорит об этом; без ШНОР вовсе — код 2', async () => {
  const out = join(dir, 'распределение.xlsx');
  const run = kaskad('plan', '--data', SAMPLE_JSON, '-o', out);
  expect(run.code).toBe(0);
  expect(run.out.split('\n')[0]).toBe('Год не указан (--year): распределение на 2025 год — самый новый год ШНОР в «Списках школ».');
  expect(run.out).toContain('Распределение 2025: ШНОР 202');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(String(wb.getWorksheet('Итоги распределения')!.getCell('A1').value)).toMatch(/^Распределение 2025: /);

  const data = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8'));
  data.schoolLists = data.schoolLists.filter((e: { list: string }) => e.list !== 'ШНОР');
  const file = join(dir, 'без ШНОР.json');
  writeFileSync(file, JSON.stringify(data));
  const none = kaskad('plan', '--data', file, '-o', join(dir, 'пусто.xlsx'));
  expect(none.code).toBe(2);
  expect(none.out + none.err).toContain('✖ Лист «Списки школ»: в «Списках школ» нет ни одной ШНОР — распределять нечего.');
  expect(existsSync(join(dir, 'пусто.xlsx'))).toBe(false);
});

test('пишет F7 и приказ; второй раз без --force не перезаписывает ничего (код 2)', async () => {
  const out = join(dir, 'распределение.xlsx');
  const first = await runPlan({ data: SAMPLE_JSON, year: 2025, out });
  expect(first.exitCode).toBe(0);
  expect(first.written).toEqual([out, join(dir, 'распределение — приказ.docx')]);
  const before = statSync(out).mtimeMs;
  const again = await runPlan({ data: SAMPLE_JSON, year: 2025, out });
  expect(again.exitCode).toBe(2);
  expect(again.written).toEqual([]);
  expect(again.issues.map((i) => i.code)).toContain('OUTPUT_EXISTS');
  expect(statSync(out).mtimeMs).toBe(before);
});

test('мест у кураторов мало: код 1, точная причина, частичный план записан', async () => {
  const data = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8'));
  for (const p of data.people) if (p.role === 'куратор') p.curatorCap = 9;
  const file = join(dir, 'данные.json');
  writeFileSync(file, JSON.stringify(data));
  const run = await runPlan({ data: file, year: 2025, out: join(dir, 'р.xlsx') });
  expect(run.exitCode).toBe(1);
  expect(run.issues.find((i) => i.code === 'PLAN_CURATORS_SHORT')?.message).toBe(
    'не хватает мест у кураторов: нужно 202, есть 180 — добавьте кураторов или поднимите лимит.',
  );
  expect(run.plan?.summary.withCurator).toBe(180);
  expect(run.plan?.summary.unassignedCurator).toHaveLength(22);
  expect(run.written).toHaveLength(2);
});

test('--fixed: пары заполненной F7 сохраняются, даже против прошлого года', async () => {
  const out = join(dir, 'первый.xlsx');
  await runPlan({ data: SAMPLE_JSON, year: 2025, out });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('Распределение')!;
  // Keep two rows; give the first one another curator (by ФИО, as a person types it); clear the rest.
  const curatorCol = [...Array(ws.columnCount).keys()].map((i) => i + 1).find((c) => ws.getCell(3, c).value === 'Куратор')!;
  const schoolCol = [...Array(ws.columnCount).keys()].map((i) => i + 1).find((c) => ws.getCell(3, c).value === 'Школа (ШНОР)')!;
  const data = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8'));
  const other = data.people.find((p: { id: string }) => p.id === 'cur07');
  const otherName = `${other.lastName} ${other.firstName} ${other.middleName ?? ''}`.trim();
  const firstSchool = String(ws.getCell(4, schoolCol).value);
  ws.getCell(4, curatorCol).value = otherName;
  for (let r = 6; r <= ws.rowCount; r++)
    ws.getRow(r).eachCell((cell) => {
      cell.value = null;
    });
  const fixed = join(dir, 'закреплено.xlsx');
  await wb.xlsx.writeFile(fixed);
  const run = await runPlan({ data: SAMPLE_JSON, year: 2025, out: join(dir, 'второй.xlsx'), fixed });
  expect(run.exitCode).toBe(0);
  const school = data.schools.find((s: { name: string; id: string }) => s.name === firstSchool || s.id === firstSchool);
  const pair = run.plan!.pairs.find((p) => p.schoolId === school.id)!;
  expect(pair).toMatchObject({ curatorId: 'cur07', curatorReason: 'fixed' });
  expect(run.plan!.pairs.filter((p) => p.curatorReason === 'fixed')).toHaveLength(2);
});

test('kaskad demo планирует 2025 год и печатает итоги распределения', () => {
  const demo = kaskad('demo', '-o', dir);
  expect(demo.err).toBe('');
  expect(demo.code).toBe(0);
  const lines = demo.out.split('\n');
  const step = lines.indexOf('— Распределение ШНОР 2025 года (kaskad plan): форма F7 и приказ');
  expect(step).toBeGreaterThan(0);
  expect(lines.slice(step + 1, step + 3)).toEqual([
    '  Распределение 2025: ШНОР 202, с куратором 202, со школой-лидером 202; сохранено пар прошлого года: кураторов 150, школ-лидеров 142; ' +
      'школа-лидер из другого муниципалитета: 60; муниципалитетов с несколькими кураторами: 1.',
    '  Нагрузка кураторов: от 8 до 12 (кураторов 20); задействовано школ-лидеров: 32 из 32.',
  ]);
  expect(statSync(join(dir, 'распределение 2025.xlsx')).size).toBeGreaterThan(0);
  expect(statSync(join(dir, 'распределение 2025 — приказ.docx')).size).toBeGreaterThan(0);
}, 180_000);
