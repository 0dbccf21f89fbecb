/**
 * Renders many documents from one template on several threads. Each worker prepares the template
 * once; jobs go out in chunks and results come back in job order. Only a few chunks are ever in
 * flight beyond the one the caller is consuming, so 10 000 documents never sit in memory at once:
 * the caller writes each result as it arrives and the pool waits for it (backpressure).
 *
 * Threads need the compiled worker (build/generator/render-worker.js). Run from TypeScript sources
 * (Jest, ts-node) there is no such file, and the pool renders in the calling thread with the same
 * chunk renderer — same bytes, one core — unless the caller passes its own `spawn`.
 */
import { Worker } from 'node:worker_threads';
import type { Rendered } from '../core/render/render-docx';
import { createChunkRenderer, WORKER_MARKER, type FromWorker, type PoolJob, type ToWorker, type WorkerInit } from './render-worker';
import { compiledWorkerFile, defaultPoolSize, takeWarm } from './render-warm';

export { defaultPoolSize };

export type { PoolJob } from './render-worker';

export interface RenderPoolOptions {
  /** Threads to start (default: min(available cores, 4)); 0 renders in the calling thread. */
  size?: number;
  /** Jobs per message (default 16): large enough to pay for the message, small enough to balance. */
  chunkSize?: number;
  /** Starts one worker; tests pass one that can load TypeScript sources. */
  spawn?: (init: WorkerInit) => Worker;
  /** docProps created/modified of every document (see RenderOptions.generatedAt). */
  generatedAt?: string;
}

export interface RenderPool {
  /** 'threads' or 'in-thread' (no compiled worker, or size 0). */
  readonly mode: 'threads' | 'in-thread';
  readonly size: number;
  /** The highest resident set size a worker reported while rendering, in bytes (0 in-thread). */
  readonly peakRss: number;
  /** One result per job, in job order, produced while the caller consumes them. */
  render(jobs: readonly PoolJob[]): AsyncGenerator<Rendered, void, undefined>;
  close(): Promise<void>;
}

const DEFAULT_CHUNK = 16;
/** Chunks queued or rendered ahead of the caller, per thread. */
const CHUNKS_AHEAD_PER_THREAD = 3;

interface Task {
  jobs: PoolJob[];
  resolve: (results: Rendered[]) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** Chunks posted to this worker and not yet answered, oldest first (a worker answers in order). */
  tasks: Array<Task & { id: number }>;
}

/**
 * Chunks posted to one worker before it answers: with a second one already in its queue a worker
 * goes straight on while its answer travels back, instead of idling for the next message.
 */
const IN_FLIGHT_PER_WORKER = 2;

/** Opens a pool for one template. The template's bytes must already have passed prepareTemplate. */
export function openRenderPool(template: Uint8Array, name: string, options: RenderPoolOptions = {}): RenderPool {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const file = compiledWorkerFile();
  const spawn = options.spawn ?? (file ? (init: WorkerInit) => takeWarm(init) ?? new Worker(file, { workerData: init }) : undefined);
  const size = spawn ? Math.max(0, options.size ?? defaultPoolSize()) : 0;
  const init: WorkerInit = { marker: WORKER_MARKER, template, name, generatedAt: options.generatedAt };

  let inThread: ((jobs: readonly PoolJob[]) => Rendered[]) | undefined;
  const renderHere = (jobs: readonly PoolJob[]) => (inThread ??= createChunkRenderer(template, name, options.generatedAt))(jobs);

  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let nextId = 0;
  let peakRss = 0;
  let closing = false;

  const dispatch = (slot: Slot): void => {
    while (slot.tasks.length < IN_FLIGHT_PER_WORKER) {
      const task = waiting.shift();
      if (!task) return;
      const posted = { ...task, id: nextId++ };
      slot.tasks.push(posted);
      const message: ToWorker = { type: 'chunk', id: posted.id, jobs: task.jobs };
      slot.worker.postMessage(message);
    }
  };

  /** A worker that dies hands its chunk and the queue to the calling thread: same documents, slower. */
  const retire = (slot: Slot): void => {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    // The other workers take the queue; with none left, this thread renders it.
    const lost = [...slot.tasks.splice(0), ...(slots.length === 0 ? waiting.splice(0) : [])];
    for (const task of lost) {
      try {
        task.resolve(renderHere(task.jobs));
      } catch (error) {
        task.reject(error);
      }
    }
  };

  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: spawn!(init), tasks: [] };
    slot.worker.on('message', (message: FromWorker) => {
      const index = message.type === 'done' ? slot.tasks.findIndex((t) => t.id === message.id) : -1;
      if (index < 0) return;
      peakRss = Math.max(peakRss, message.rss);
      const [task] = slot.tasks.splice(index, 1);
      task!.resolve(message.results);
      dispatch(slot);
    });
    slot.worker.on('error', () => retire(slot));
    slot.worker.on('exit', () => {
      if (!closing) retire(slot);
    });
    slots.push(slot);
  }

  const runChunk = (jobs: PoolJob[]): Promise<Rendered[]> => {
    if (slots.length === 0) {
      // Deferred so that the caller can write earlier results between chunks.
      return new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(renderHere(jobs));
          } catch (error) {
            reject(error);
          }
        }),
      );
    }
    return new Promise((resolve, reject) => {
      waiting.push({ jobs, resolve, reject });
      // The least busy worker takes it (an idle one first).
      let target: Slot | undefined;
      for (const s of slots) if (s.tasks.length < IN_FLIGHT_PER_WORKER && (!target || s.tasks.length < target.tasks.length)) target = s;
      if (target) dispatch(target);
    });
  };

  async function* render(jobs: readonly PoolJob[]): AsyncGenerator<Rendered, void, undefined> {
    const ahead = Math.max(1, slots.length) * CHUNKS_AHEAD_PER_THREAD;
    const pending: Array<Promise<Rendered[]>> = [];
    let start = 0;
    const fill = () => {
      while (start < jobs.length && pending.length < ahead) {
        const chunk = runChunk(jobs.slice(start, start + chunkSize));
        chunk.catch(() => undefined); // awaited in order below; this only keeps a later failure from being "unhandled"
        pending.push(chunk);
        start += chunkSize;
      }
    };
    fill();
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
      const results = await chunk;
      fill();
      yield* results;
    }
  }

  return {
    mode: size > 0 ? 'threads' : 'in-thread',
    size: Math.max(1, size),
    get peakRss() {
      return peakRss;
    },
    render,
    async close() {
      closing = true;
      const closed = new Error('the render pool is closed');
      const unfinished = [...slots.flatMap((s) => s.tasks.splice(0)), ...waiting.splice(0)];
      for (const task of unfinished) task.reject(closed);
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
