/** The bench's table on the console and BENCHMARKS.md. */
import { cpus, platform, release, totalmem } from 'node:os';
import type { GenerateRunReport } from './generate-run';
import { coresUsed, cpuMsPerDoc, docsPerSecond, megabytes, msPerDoc, type Measurement } from './measure';

export interface BenchResults {
  single: { plain: Measurement; kaskad: Measurement };
  pool: Measurement;
  thousand: { measurement: Measurement; report: GenerateRunReport };
  tenThousand: { measurement: Measurement; report: GenerateRunReport };
  /** One-minute load average when the bench started and ended. */
  load: { before: number; after: number };
  date: Date;
  benchSeconds: number;
}

interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

const COMMAND = 'npm run bench';
const fixed = (value: number, digits = 1) => value.toFixed(digits);

function targets(r: BenchResults): Target[] {
  const perCore = docsPerSecond(r.single.kaskad) / docsPerSecond(r.single.plain);
  const perCoreCpu = cpuMsPerDoc(r.single.plain) / cpuMsPerDoc(r.single.kaskad);
  const peak = megabytes(Math.max(r.tenThousand.report.maxRss, r.tenThousand.report.sampledPeakRss));
  return [
    {
      name: 'Kaskad vs plain recipe, per core',
      goal: '≥ 2×',
      measured: `${fixed(perCore, 2)}× (by CPU time ${fixed(perCoreCpu, 2)}×)`,
      met: perCore >= 2,
    },
    {
      name: '1 000 letters, both cores (generate, files written)',
      goal: '≤ 3 s',
      measured: `${fixed(r.thousand.measurement.ms / 1000, 2)} s`,
      met: r.thousand.measurement.ms <= 3000,
    },
    { name: 'Peak memory, 10 000 letters (process RSS, all threads)', goal: '≤ 500 MB', measured: `${fixed(peak, 0)} MB`, met: peak <= 500 },
  ];
}

function rows(r: BenchResults): Measurement[] {
  return [r.single.plain, r.single.kaskad, r.pool, r.thousand.measurement, r.tenThousand.measurement];
}

function machine(): string[] {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} logical cores`,
    `- RAM: ${fixed(totalmem() / 1024 ** 3, 1)} GB`,
    `- OS: ${platform()} ${release()}`,
    `- Node.js: ${process.version}`,
  ];
}

export function printTable(r: BenchResults): void {
  console.log('\nmeasurement'.padEnd(72) + 'threads  ms/doc   docs/s  CPU ms/doc  cores used');
  for (const m of rows(r)) {
    const cells = [
      String(m.threads).padStart(7),
      fixed(msPerDoc(m), 2).padStart(7),
      fixed(docsPerSecond(m), 0).padStart(8),
      fixed(cpuMsPerDoc(m), 2).padStart(11),
      fixed(coresUsed(m), 2).padStart(11),
    ];
    console.log(`${m.label.padEnd(71)} ${cells.join(' ')}`);
  }
  console.log(`\nload average (1 min): ${fixed(r.load.before, 2)} at the start, ${fixed(r.load.after, 2)} at the end`);
  console.log('');
  for (const t of targets(r)) console.log(`${t.met ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured} (target ${t.goal})`);
}

export function renderReport(r: BenchResults): string {
  const perCpuPool = cpuMsPerDoc(r.single.plain) / cpuMsPerDoc(r.pool);
  const ten = r.tenThousand.report;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${COMMAND}\` on ${r.date.toISOString().replace('T', ' ').slice(0, 16)} UTC (the whole bench took ${fixed(r.benchSeconds, 0)} s). Rerun it to refresh this file.`,
    '',
    'One-page letters (document `d5112` of `templates/data/sample-region.json`, renumbered 5112/1, 5112/2, …) from `templates/documents/letter.docx`.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Measurements',
    '',
    '| Measurement | Letters | Threads | ms/doc | docs/s | CPU ms/doc | Cores used | How |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows(r).map(
      (m) =>
        `| ${m.label} | ${m.docs.toLocaleString('en-US')} | ${m.threads} | ${fixed(msPerDoc(m), 2)} | ${fixed(docsPerSecond(m), 0)} | ${fixed(cpuMsPerDoc(m), 2)} | ${fixed(coresUsed(m), 2)} | ${m.note ?? ''} |`,
    ),
    '',
    'ms/doc and docs/s are wall time. CPU ms/doc is the process CPU time (all threads, garbage collection included) per letter; ' +
      '"cores used" is CPU time over wall time, so a pool run that shows well under 2 did not get both cores.',
    '',
    `Load average (1 min) when the bench started: ${fixed(r.load.before, 2)}; when it ended: ${fixed(r.load.after, 2)} (${cpus().length} cores). ` +
      'Anything above about 0.5 at the start means other work shared the machine and the wall-time numbers are pessimistic.',
    '',
    `Per CPU-second, the pool renders ${fixed(perCpuPool, 2)}× as many letters as the plain recipe (plain CPU ms/doc ÷ pool CPU ms/doc; ` +
      'unlike wall time, this does not depend on how many cores the run got).',
    '',
    '## Targets',
    '',
    '| Target | Goal | Measured | Result |',
    '| --- | --- | --- | --- |',
    ...targets(r).map((t) => `| ${t.name} | ${t.goal} | ${t.measured} | ${t.met ? 'PASS' : 'FAIL'} |`),
    '',
    `Memory of the 10 000-letter run: kernel high-water mark of the process RSS ${fixed(megabytes(ten.maxRss), 0)} MB ` +
      `(getrusage, includes the warm-up run), highest RSS sampled every 5 ms during the run ${fixed(megabytes(ten.sampledPeakRss), 0)} MB. ` +
      'Worker threads live in the same process, so both numbers include them; the target is judged on the larger. ' +
      `For comparison, the 1 000-letter run peaked at ${fixed(megabytes(Math.max(r.thousand.report.maxRss, r.thousand.report.sampledPeakRss)), 0)} MB: ` +
      'documents are written as they arrive (at most a few chunks in flight), so what grows with N is the data read and the planned jobs, not the output.',
    '',
    '## How it is measured',
    '',
    '- Plain recipe: for each letter `new PizZip(template)`, `new Docxtemplater(zip, …)` with the same options as Kaskad (paragraph loops, line breaks, dotted-path parser), `render(data)`, `getZip().generate({ type: "nodebuffer", compression: "DEFLATE" })`. Data are cleaned beforehand, so the plain recipe does no less work than Kaskad.',
    '- Kaskad single thread: `renderDocument` on a template prepared once (`prepareTemplate`), zlib raw deflate, one Docxtemplater compiled per template and reused (reset between documents), only the changed parts recompressed, parts without tags copied from the template.',
    '- The two alternate round by round in one process after a warm-up; the median round is reported.',
    '- Render pool: `generator/render-pool.ts`, min(cores, 4) worker threads, chunks of 16 jobs, results in job order; rendering only, bytes dropped.',
    '- `generate()`: the batch library the CLI uses, on a data file holding N copies of the letter, writing every .docx into a temporary folder (atomic batch, then commit); each N in a fresh process after a 100-letter warm-up; 1 000 letters: the fastest of three runs (all three are listed), 10 000 letters: one run. From 50 documents on, `generate` renders through the pool while the main thread writes.',
    '',
    '## Reproduce',
    '',
    '```sh',
    COMMAND,
    '```',
    '',
  ];
  return lines.join('\n');
}
