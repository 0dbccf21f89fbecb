/**
 * The page's check worker: cards opened in browser mode are read and checked here, off the main
 * thread, so the pane keeps painting and answering clicks while 43 cards are checked.
 * webpack bundles this file as a script of its own (check-worker-start.ts); no eval in it either.
 */
import './zod-jitless';
import type { CheckRequest, WorkerMessage } from './check-protocol';
import { createCheckHandler, warmUp } from './check-worker-handler';

const handle = createCheckHandler();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
};
scope.onmessage = (event) => {
  void handle(event.data).then((reply) => scope.postMessage(reply));
};
// Started when the pane mounts (check-worker-early.ts): the catalogue for the page, and the reader ready before the first card.
void warmUp().then((catalogue) => {
  try {
    scope.postMessage({ catalogue });
  } catch {
    scope.postMessage({ catalogue: undefined });
  }
});
