/**
 * The page's check worker: cards opened in browser mode are read and checked here, off the main
 * thread, so the pane keeps painting and answering clicks while 43 cards are checked.
 * webpack bundles this file as a script of its own (check-worker-start.ts); no eval in it either.
 * Started when the pane mounts (check-worker-early.ts). This first script only asks for the form
 * catalogue's files, so they come while the checking code (check-worker-main.ts, a chunk) loads;
 * the checks asked for meanwhile wait, in order.
 */
import { prefetchCatalogue } from './catalogue-fetch';
import type { CheckRequest, WorkerMessage } from './check-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
};
const read = prefetchCatalogue();
const waiting: CheckRequest[] = [];
let handle: ((request: CheckRequest) => void) | undefined;
scope.onmessage = (event) => {
  if (handle) handle(event.data);
  else waiting.push(event.data);
};
import(/* webpackChunkName: "kaskad-check-main" */ './check-worker-main').then(
  ({ runCheckWorker }) => {
    handle = runCheckWorker((message) => scope.postMessage(message), read);
    for (const request of waiting.splice(0)) handle(request);
  },
  (error: unknown) => {
    // The checking code did not load (a dropped connection): thrown outside the promise, so the
    // page sees the worker's error event and checks on its main thread.
    setTimeout(() => {
      throw error;
    }, 0);
  },
);
