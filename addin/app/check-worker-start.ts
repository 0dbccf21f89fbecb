/**
 * Starts the check worker. webpack 5 sees `new Worker(new URL('./check.worker.ts', import.meta.url))`
 * and emits the worker as its own file, loaded from the page's origin (CSP worker-src 'self').
 * Imported only where Worker exists: Jest's CommonJS cannot load import.meta.
 */
export function startCheckWorker(): Worker {
  // @ts-expect-error TS1343: tsc checks this project as CommonJS; webpack reads import.meta.url here and emits the worker's file name.
  return new Worker(new URL('./check.worker.ts', import.meta.url), { name: 'kaskad-check' });
}
