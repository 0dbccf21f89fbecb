import type { Catalogue } from '../../core/forms/catalogue';
import { isCatalogueMessage, type WorkerMessage } from './check-protocol';
import type { CheckWorker } from './checker';

/**
 * The check worker started when the pane mounts in browser mode, before the engine chunk has
 * loaded: its script, the reader chunk and the form catalogue load meanwhile, in the worker, so
 * the first card chosen — even at once — finds them ready. The engine takes the worker over
 * (takeEarlyCheckWorker) and the form catalogue the worker compiled (earlyCatalogue), so the page's
 * main thread compiles no definitions. Kept free of the engine: this module is in the page's first script.
 */

interface Early {
  worker: Promise<CheckWorker>;
  catalogue: Promise<Catalogue>;
  /** The worker failed to start or to load, or died: it is not handed over. */
  failed: boolean;
  taken: boolean;
}

let early: Early | undefined;

/** Starts the worker (once per page); `start` is check-worker-start's startCheckWorker in the page, a fake in tests. */
export function startEarlyCheckWorker(start: () => CheckWorker | Promise<CheckWorker>): void {
  if (early) return;
  let settleCatalogue: { resolve(catalogue: Catalogue): void; reject(reason: Error): void } | undefined;
  const catalogue = new Promise<Catalogue>((resolve, reject) => {
    settleCatalogue = { resolve, reject };
  });
  // Nobody may ask for it (Excel mode, a page closed at once): no unhandled rejection then.
  catalogue.catch(() => undefined);
  const state: Early = { worker: Promise.resolve().then(start), catalogue, failed: false, taken: false };
  early = state;
  const fail = () => {
    state.failed = true;
    settleCatalogue?.reject(new Error('check worker failed'));
  };
  state.worker.then((worker) => {
    worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
      if (!isCatalogueMessage(event.data)) return;
      if (event.data.catalogue) settleCatalogue?.resolve(event.data.catalogue);
      else settleCatalogue?.reject(new Error('the check worker could not compile the form catalogue'));
    });
    worker.addEventListener('error', fail);
  }, fail);
}

/**
 * The early worker for the engine's checker, once; undefined when none was started or it was
 * taken. Rejects when it failed to start or load (the checker then checks on the main thread).
 */
export function takeEarlyCheckWorker(): Promise<CheckWorker> | undefined {
  if (!early || early.taken) return undefined;
  const state = early;
  state.taken = true;
  // Resolved in a microtask after the failure flag is read: an error event (a task) cannot fall between.
  return state.worker.then((worker) => {
    if (state.failed) throw new Error('check worker failed');
    return worker;
  });
}

/** The form catalogue the early worker compiles; undefined without an early worker. Rejects when the worker could not give it. */
export function earlyCatalogue(): Promise<Catalogue> | undefined {
  return early?.catalogue;
}

/** Forgets the early worker (tests). */
export function resetEarlyCheckWorker(): void {
  early = undefined;
}
