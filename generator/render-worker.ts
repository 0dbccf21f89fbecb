/**
 * One rendering thread of the pool. It prepares the template once from the bytes it is started
 * with, then answers each chunk of jobs with one result per job, in the chunk's order; document
 * bytes travel back transferred, not copied. The same chunk renderer serves the pool's in-thread
 * mode, so both paths make identical documents.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';
import { prepareTemplate, renderDocument, type Rendered } from '../core/render/render-docx';
import { useNodeZip } from './io/zip-codec';
import { WORKER_MARKER, type WarmStart } from './render-warm';

/** What a worker needs to start: the template's bytes and its name (for messages). */
export interface WorkerInit {
  marker: typeof WORKER_MARKER;
  template: Uint8Array;
  name: string;
  /** docProps created/modified of every document (see RenderOptions.generatedAt). */
  generatedAt?: string;
}

/** One job as it crosses the thread boundary: plain, structured-cloneable data. */
export interface PoolJob {
  record: string;
  data: object;
}

export type ToWorker = { type: 'chunk'; id: number; jobs: PoolJob[] } | { type: 'init'; init: WorkerInit };

export type FromWorker = { type: 'done'; id: number; results: Rendered[]; rss: number };

export { WORKER_MARKER };

const nodeDeflate = (data: Uint8Array) => deflateRawSync(data, { level: 6 });

/** Prepares the template once; throws only if the bytes are not a template (the caller checked them). */
export function createChunkRenderer(template: Uint8Array, name: string, generatedAt?: string): (jobs: readonly PoolJob[]) => Rendered[] {
  useNodeZip();
  const prepared = prepareTemplate(template, name);
  if (!prepared.ok) throw new Error(`template ${name} cannot be prepared: ${prepared.issues.map((i) => i.code).join(', ')}`);
  return (jobs) => jobs.map((job) => renderDocument(prepared.template, job.data, job.record, { deflateRaw: nodeDeflate, generatedAt }));
}

/** A result's bytes as a whole ArrayBuffer of their own, so it can be transferred. */
function ownBuffer(result: Rendered): ArrayBuffer | undefined {
  if (!result.ok) return undefined;
  const { bytes } = result;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength || !(bytes.buffer instanceof ArrayBuffer)) {
    result.bytes = bytes.slice();
  }
  return result.bytes.buffer as ArrayBuffer;
}

function isWorkerInit(value: unknown): value is WorkerInit {
  return typeof value === 'object' && value !== null && (value as { marker?: unknown }).marker === WORKER_MARKER;
}

function isWarmStart(value: unknown): value is WarmStart {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { marker?: unknown }).marker === WORKER_MARKER &&
    (value as { warm?: unknown }).warm === true
  );
}

function serve(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const render = createChunkRenderer(init.template, init.name, init.generatedAt);
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'chunk') return;
    const results = render(message.jobs);
    const transfer = results.map(ownBuffer).filter((b): b is ArrayBuffer => b !== undefined);
    const reply: FromWorker = { type: 'done', id: message.id, results, rss: process.memoryUsage.rss() };
    port.postMessage(reply, transfer);
  });
}

// Imported by the pool in the main thread for its in-thread mode: only a started worker serves.
if (parentPort && isWarmStart(workerData)) {
  const port = parentPort;
  port.once('message', (message: ToWorker) => {
    if (message.type === 'init') serve(port, message.init);
  });
} else if (parentPort && isWorkerInit(workerData)) serve(parentPort, workerData);
