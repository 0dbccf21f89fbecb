/** Timing and memory helpers for the bench. */

export interface Measurement {
  label: string;
  docs: number;
  ms: number;
  /** Threads that rendered (1 for a single-thread run). */
  threads: number;
  note?: string;
}

export const msPerDoc = (m: Measurement): number => m.ms / m.docs;
export const docsPerSecond = (m: Measurement): number => (m.docs * 1000) / m.ms;

/** Runs `renderOne` for `count` documents and returns the elapsed wall time in ms. */
export function timeLoop(count: number, renderOne: (i: number) => unknown): number {
  const started = performance.now();
  for (let i = 0; i < count; i++) renderOne(i);
  return performance.now() - started;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const megabytes = (bytes: number): number => bytes / (1024 * 1024);
