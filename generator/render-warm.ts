/**
 * The render pool's threads started ahead: before the template and the data are known — while
 * the main thread still loads its modules and reads the data — so that each thread's own start-up
 * (loading docxtemplater and the renderer, about a quarter of a second) is over when the first
 * chunk comes. Kept free of heavy imports: the CLI calls warmRenderPool before loading anything.
 * Idle warm threads do not keep the process alive; those no pool takes are ended by coolRenderPool.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ToWorker, WorkerInit } from './render-worker';

export const WORKER_MARKER = 'kaskad-render-worker';

/** What a warm thread is started with: it loads its modules, then waits for `init`. */
export interface WarmStart {
  marker: typeof WORKER_MARKER;
  warm: true;
}

/** Threads of the render pool: the cores, at most 4. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** The compiled worker beside this module, or undefined when running from .ts sources. */
export function compiledWorkerFile(): string | undefined {
  return path.extname(__filename) === '.js' ? path.join(__dirname, 'render-worker.js') : undefined;
}

/**
 * Data files from this size on usually plan enough documents for the pool (50 and more: a region's
 * whole mailing is a 270 KB JSON or an 85 KB workbook and stays below). Only a guess made before
 * the data is read: a wrong one costs a few hundred milliseconds of the other core, nothing else.
 */
export const WARM_FROM_BYTES = 1024 * 1024;

export function worthWarming(dataFile: string): boolean {
  if (process.env.KASKAD_NO_WARM === '1') return false;
  try {
    return statSync(dataFile).size >= WARM_FROM_BYTES;
  } catch {
    return false;
  }
}

const warm: Worker[] = [];

export function warmRenderPool(size = defaultPoolSize()): void {
  const file = compiledWorkerFile();
  if (!file || warm.length > 0) return;
  const start: WarmStart = { marker: WORKER_MARKER, warm: true };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(file, { workerData: start });
    worker.unref();
    const forget = () => {
      const index = warm.indexOf(worker);
      if (index >= 0) warm.splice(index, 1);
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    warm.push(worker);
  }
}

/**
 * Ends the warm threads no pool took (a batch small enough to render in this thread, or a refused
 * one) without waiting for them: a thread still loading its modules would hold the exit back.
 */
export function coolRenderPool(): void {
  for (const worker of warm.splice(0)) void worker.terminate();
}

/** How many warm threads wait to be taken. */
export function warmThreads(): number {
  return warm.length;
}

/** A warm thread given its template (it keeps the process alive from now on), or undefined when none is left. */
export function takeWarm(init: WorkerInit): Worker | undefined {
  const worker = warm.shift();
  if (!worker) return undefined;
  worker.ref();
  const message: ToWorker = { type: 'init', init };
  worker.postMessage(message);
  return worker;
}
