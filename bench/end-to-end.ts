/**
 * End-to-end processes, as users run them: each figure is a whole `node bin/kaskad.js …` process
 * (start-up, reading files, printing) timed from outside, with its CPU time and peak memory read
 * inside the child at exit (process.resourceUsage(), all threads). Side by side with what each is
 * compared against, run the same way:
 *
 *   - validate 430 F1 cards with --data  vs  a bare exceljs read of the same files (≤ 1.25×)
 *   - `kaskad --help`                     vs  `node -e 0` (≤ 2×)
 *   - mailing for 1 000 and 10 000 municipalities: CPU ratio (≤ 11, i.e. linear)
 *   - F7 with 5 000 and 50 000 rows with --data (≤ 3 s and ≤ 30 s)
 *   - 1 000 letters as one `kaskad generate` process (≤ 2.5 s on 2 cores)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { writeLetterDataset, ROOT } from './letters';
import { scaledDataset } from './scale-data';

const BIN = path.join(ROOT, 'bin', 'kaskad.js');
const SAMPLE_JSON = path.join(ROOT, 'templates', 'data', 'sample-region.json');
/** Reads the child's own resource usage at exit into $KASKAD_USAGE_FILE. */
const USAGE_HOOK =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>{if(process.env.KASKAD_USAGE_FILE)writeFileSync(process.env.KASKAD_USAGE_FILE,JSON.stringify(process.resourceUsage()))});';

export interface ProcessRun {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  code: number | null;
}

/** One process: wall time from outside, CPU and peak RSS from inside. */
export function runProcess(args: readonly string[], work: string, cwd = work): ProcessRun {
  const usageFile = path.join(work, `usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', USAGE_HOOK, ...args], {
    cwd,
    env: { ...process.env, KASKAD_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  let cpuMs = Number.NaN;
  let maxRssMb = Number.NaN;
  try {
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
    cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    maxRssMb = usage.maxRSS / 1024;
  } catch {
    // The child died before its exit hook: the row shows «—».
  }
  return { ms, cpuMs, maxRssMb, code: run.status };
}

/** The fastest of `runs` (other work on a shared machine only slows a run), with every wall time. */
function best(runs: number, once: () => ProcessRun): ProcessRun & { all: number[] } {
  const all: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) all.push(once());
  const fastest = all.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, all: all.map((r) => r.ms) };
}

interface Row {
  what: string;
  run: ProcessRun & { all?: number[] };
  against?: { what: string; run: ProcessRun };
  ratio?: { value: number; target: string; pass: boolean; kind: string };
  note?: string;
}

const s = (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '—');
const mb = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '—');

/** The bare read: every file of `dir` loaded by exceljs, in one process, nothing else. */
const BARE_READ = (dir: string): string[] => [
  '-e',
  `const E=require(${JSON.stringify(require.resolve('exceljs'))});const fs=require('fs'),p=require('path');const d=${JSON.stringify(dir)};
   (async()=>{for(const f of fs.readdirSync(d).filter(n=>n.endsWith('.xlsx')).sort()){const w=new E.Workbook();await w.xlsx.load(fs.readFileSync(p.join(d,f)));}})();`,
];

export async function writeF7Card(rows: number, data: ReturnType<typeof scaledDataset>, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(ROOT, 'templates', 'forms', 'blank', 'F7.xlsx'));
  const info = workbook.getWorksheet('Сведения');
  const sheet = workbook.getWorksheet('Распределение');
  if (!info || !sheet) throw new Error('F7 blank has no «Сведения» or «Распределение»');
  info.eachRow((row) => {
    if (String(row.getCell(1).value) === '1') row.getCell(3).value = 2024;
  });
  // The header row is the one with «Муниципалитет» in it.
  const headers = new Map<string, number>();
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (headerRow) return;
    const cells: Array<[string, number]> = [];
    row.eachCell((cell, c) => cells.push([String(cell.value).trim(), c]));
    if (!cells.some(([text]) => text === 'Муниципалитет')) return;
    headerRow = n;
    for (const [text, c] of cells) headers.set(text, c);
  });
  if (!headerRow) throw new Error('F7 blank: no header row with «Муниципалитет»');
  const schools = new Map((data['schools'] ?? []).map((x) => [x['id'] as string, x]));
  const shnor = (data['schoolLists'] ?? [])
    .filter((e) => e['list'] === 'ШНОР' && e['year'] === 2024)
    .map((e) => schools.get(e['schoolId'] as string))
    .filter(Boolean);
  const municipalities = new Map((data['municipalities'] ?? []).map((m) => [m['id'] as string, m['name'] as string]));
  const col = (h: string): number => {
    const c = headers.get(h);
    if (c === undefined) throw new Error(`F7 blank: no column «${h}»`);
    return c;
  };
  for (let i = 0; i < rows; i++) {
    const school = shnor[i % shnor.length]!;
    const row = sheet.getRow(headerRow + 1 + i);
    row.getCell(col('№ п/п')).value = String(i + 1);
    row.getCell(col('Муниципалитет')).value = municipalities.get(school['municipalityId'] as string) ?? '';
    row.getCell(col('Школа (ШНОР)')).value = school['id'] as string;
    row.getCell(col('Куратор')).value = `Куратор ${i % 5000}`;
  }
  await workbook.xlsx.writeFile(file);
}

export async function benchEndToEnd(work: string): Promise<{ markdown: string; lines: string[] }> {
  const loadBefore = loadavg();
  const rows: Row[] = [];
  const say = (line: string) => console.log(line);

  // Start-up.
  const node0 = best(5, () => runProcess(['-e', '0'], work));
  const help = best(5, () => runProcess([BIN, '--help'], work));
  rows.push({
    what: '`kaskad --help`',
    run: help,
    against: { what: '`node -e 0`', run: node0 },
    ratio: { value: help.ms / node0.ms, target: '≤ 2×', pass: help.ms / node0.ms <= 2, kind: 'wall' },
  });
  say(`help ${s(help.ms)} s vs node -e 0 ${s(node0.ms)} s`);

  // 430 F1 cards with --data vs a bare exceljs read of the same files.
  const cards = path.join(work, 'f1-cards');
  mkdirSync(cards, { recursive: true });
  const samples = readdirSync(path.join(ROOT, 'templates', 'forms', 'samples', 'F1'))
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  for (let i = 0; i < 430; i++)
    copyFileSync(
      path.join(ROOT, 'templates', 'forms', 'samples', 'F1', samples[i % samples.length]!),
      path.join(cards, `card-${String(i).padStart(3, '0')}.xlsx`),
    );
  const bare = best(3, () => runProcess(BARE_READ(cards), work));
  const validate = best(3, () => runProcess([BIN, 'validate', cards, '--form', 'F1', '--data', SAMPLE_JSON], work));
  rows.push({
    what: 'validate 430 F1 cards `--form F1 --data sample-region.json`',
    run: validate,
    against: { what: 'bare exceljs read of the same 430 files', run: bare },
    ratio: { value: validate.ms / bare.ms, target: '≤ 1.25×', pass: validate.ms / bare.ms <= 1.25, kind: 'wall' },
  });
  say(`validate 430 ${s(validate.ms)} s vs bare ${s(bare.ms)} s`);

  // Mailing: 1 000 and 10 000 municipalities, CPU ratio.
  const mailing: Record<number, ProcessRun> = {};
  for (const n of [1000, 10_000]) {
    const data = path.join(work, `mailing-${n}.json`);
    writeFileSync(data, JSON.stringify(scaledDataset(n)));
    mailing[n] = runProcess([BIN, 'generate', 'mailing', '--data', data, '-o', path.join(work, `mailing-out-${n}`), '--force'], work);
    rmSync(path.join(work, `mailing-out-${n}`), { recursive: true, force: true });
    say(`mailing ${n}: ${s(mailing[n]!.ms)} s, CPU ${s(mailing[n]!.cpuMs)} s`);
  }
  const cpuRatio = mailing[10_000]!.cpuMs / mailing[1000]!.cpuMs;
  rows.push({
    what: 'mailing, 10 000 municipalities',
    run: mailing[10_000]!,
    against: { what: 'mailing, 1 000 municipalities', run: mailing[1000]! },
    ratio: { value: cpuRatio, target: '≤ 11 (CPU)', pass: cpuRatio <= 11, kind: 'CPU' },
  });

  // F7 with 5 000 and 50 000 rows, --data (a region large enough to have that many ШНОР rows).
  for (const [n, limit, municipalities] of [
    [5000, 3000, 1000],
    [50_000, 30_000, 10_000],
  ] as const) {
    // About 5 ШНОР per municipality: the card lists each once, as a real distribution does.
    const f7Data = scaledDataset(municipalities);
    const f7DataFile = path.join(work, `f7-data-${n}.json`);
    writeFileSync(f7DataFile, JSON.stringify(f7Data));
    const card = path.join(work, `f7-${n}.xlsx`);
    await writeF7Card(n, f7Data, card);
    const run = runProcess([BIN, 'validate', card, '--form', 'F7', '--data', f7DataFile], work);
    rows.push({
      what: `validate F7 with ${n.toLocaleString('en-US')} rows, --data (${municipalities.toLocaleString('en-US')} municipalities)`,
      run,
      ratio: { value: run.ms / 1000, target: `≤ ${limit / 1000} s`, pass: run.ms <= limit, kind: 's' },
    });
    say(`F7 ${n}: ${s(run.ms)} s (exit ${run.code})`);
  }

  // 1 000 letters as one process.
  const letters = path.join(work, 'letters-1000.json');
  writeLetterDataset(1000, letters);
  const gen = best(3, () => {
    const out = path.join(work, 'letters-out');
    const run = runProcess([BIN, 'generate', 'letter', '--data', letters, '-o', out, '--force'], work);
    rmSync(out, { recursive: true, force: true });
    return run;
  });
  rows.push({
    what: '1 000 letters, one `kaskad generate letter` process',
    run: gen,
    ratio: { value: gen.ms / 1000, target: '≤ 2.5 s', pass: gen.ms <= 2500, kind: 's' },
  });
  say(`1000 letters ${s(gen.ms)} s`);

  const loadAfter = loadavg();
  const table = [
    '| Process | Wall, s | CPU, s | Peak RSS, MB | Compared with | Its wall, s | Its CPU, s | Figure | Target | |',
    '|---|--:|--:|--:|---|--:|--:|--:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${s(r.run.ms)} | ${s(r.run.cpuMs)} | ${mb(r.run.maxRssMb)} | ${r.against?.what ?? ''} | ${r.against ? s(r.against.run.ms) : ''} | ${r.against ? s(r.against.run.cpuMs) : ''} | ${r.ratio ? `${r.ratio.value.toFixed(2)}${r.ratio.kind === 's' ? ' s' : '×'}` : ''} | ${r.ratio?.target ?? ''} | ${r.ratio ? (r.ratio.pass ? 'PASS' : '**FAIL**') : ''} |`,
    ),
  ];
  const markdown = [
    '## End to end: whole processes',
    '',
    'Each row is a whole `node bin/kaskad.js …` process (start-up, reading, printing, writing), wall time measured from outside,',
    'CPU time and peak RSS read inside the child at exit (`process.resourceUsage()`, all threads). Fastest of 5 runs for start-up,',
    'of 3 for validate and the 1 000 letters, one run otherwise. The bare read is one process loading every file with exceljs and nothing else.',
    `Load average (1/5/15 min) before: ${loadBefore.map((x) => x.toFixed(2)).join(' / ')}, after: ${loadAfter.map((x) => x.toFixed(2)).join(' / ')}.`,
    '',
    ...table,
  ].join('\n');
  return { markdown, lines: table };
}

if (require.main === module) {
  const work = path.join(tmpdir(), `kaskad-e2e-${process.pid}`);
  mkdirSync(work, { recursive: true });
  benchEndToEnd(work).then(
    (r) => {
      console.log(r.markdown);
      rmSync(work, { recursive: true, force: true });
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
