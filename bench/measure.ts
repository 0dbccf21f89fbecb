/** Timing and memory helpers for the bench. */

export interface Measurement {
  label: string;
  docs: number;
  ms: number;
  /** Threads that rendered (1 for a single-thread run). */
  threads: number;
  /** CPU time of the whole process (all threads, GC included) while measuring. */
  cpuMs: number;
  note?: string;
}

export const msPerDoc = (m: Measurement): number => m.ms / m.docs;
export const docsPerSecond = (m: Measurement): number => (m.docs * 1000) / m.ms;

/** CPU ms/doc: what a document costs whatever else the machine runs. */
export const cpuMsPerDoc = (m: Measurement): number => m.cpuMs / m.docs;
/** How many cores the measurement actually got: CPU time over wall time. */
export const coresUsed = (m: Measurement): number => m.cpuMs / m.ms;

/** Process CPU time so far (user + system, all threads), ms. */
export const cpuNow = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs `renderOne` for `count` documents; wall and CPU time in ms. */
export function timeLoop(count: number, renderOne: (i: number) => unknown): { ms: number; cpuMs: number } {
  const cpu = cpuNow();
  const started = performance.now();
  for (let i = 0; i < count; i++) renderOne(i);
  return { ms: performance.now() - started, cpuMs: cpuNow() - cpu };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const megabytes = (bytes: number): number => bytes / (1024 * 1024);

/** Two renderers timed in alternating rounds after the same warm-up (so load drifts hit both alike). */
export function alternateRounds(
  plain: (i: number) => unknown,
  kaskad: (i: number) => unknown,
  counts: { warmup: number; perRound: number; rounds: number },
): { plainRounds: Array<{ ms: number; cpuMs: number }>; kaskadRounds: Array<{ ms: number; cpuMs: number }> } {
  timeLoop(counts.warmup, plain);
  timeLoop(counts.warmup, kaskad);
  const plainRounds: Array<{ ms: number; cpuMs: number }> = [];
  const kaskadRounds: Array<{ ms: number; cpuMs: number }> = [];
  for (let round = 0; round < counts.rounds; round++) {
    plainRounds.push(timeLoop(counts.perRound, plain));
    kaskadRounds.push(timeLoop(counts.perRound, kaskad));
  }
  return { plainRounds, kaskadRounds };
}
