/**
 * One `generate` run in a process of its own, so that its time and peak memory are not mixed
 * with the rest of the bench. Started by run.ts with fork(); answers through the IPC channel.
 * A warm-up run on a small data file comes first (same template, its own output folder); then
 * `runs` timed runs, of which the fastest counts (other work on a shared machine only slows runs).
 */
import * as path from 'node:path';
import { resourceUsage } from 'node:process';
import { generate } from '../generator/generate';
import { useNodeZip } from '../generator/io/zip-codec';

export interface GenerateRunRequest {
  warmupData: string;
  warmupOut: string;
  data: string;
  outDir: string;
  /** Timed runs after the warm-up (each into `outDir`/run-N); the fastest is reported. */
  runs: number;
}

export interface GenerateRunReport {
  ms: number;
  /** CPU time of the process (all threads), ms. */
  cpuMs: number;
  /** Wall time of every timed run, ms, in order. */
  allMs: number[];
  made: number;
  skipped: number;
  exitCode: number;
  /** Highest process RSS seen by sampling every 5 ms (all threads share one process), bytes. */
  sampledPeakRss: number;
  /** The kernel's high-water mark of the process RSS (getrusage), bytes; includes the warm-up. */
  maxRss: number;
}

async function main(request: GenerateRunRequest): Promise<GenerateRunReport> {
  useNodeZip();
  await generate({ template: 'letter', data: request.warmupData, outDir: request.warmupOut, force: true });
  let sampledPeakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage.rss());
  }, 5);
  const runs: Array<{ ms: number; cpuMs: number; made: number; skipped: number; exitCode: number }> = [];
  for (let run = 1; run <= request.runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await generate({ template: 'letter', data: request.data, outDir: path.join(request.outDir, `run-${run}`), force: true });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    runs.push({ ms, cpuMs: (used.user + used.system) / 1000, made: result.made.length, skipped: result.skipped.length, exitCode: result.exitCode });
  }
  clearInterval(sampler);
  sampledPeakRss = Math.max(sampledPeakRss, process.memoryUsage.rss());
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, allMs: runs.map((r) => r.ms), sampledPeakRss, maxRss: resourceUsage().maxRSS * 1024 };
}

process.once('message', (request: GenerateRunRequest) => {
  main(request).then(
    (report) => process.send?.(report, () => process.exit(0)),
    (error: unknown) => {
      process.send?.({ error: String(error instanceof Error ? error.stack : error) }, () => process.exit(1));
    },
  );
});
