/**
 * The check worker's checking code, loaded by its first script (check.worker.ts) once that has
 * asked for the catalogue's files: zod (jitless first), core's readers and checks.
 */
import './zod-jitless';
import type { PrefetchedCatalogue } from './catalogue-fetch';
import type { CheckRequest, WorkerMessage } from './check-protocol';
import { createCheckHandler, warmUp } from './check-worker-handler';

/**
 * Answers `requests` (those that came while this loaded, then the rest, in order) and compiles the
 * catalogue from `read` for the page.
 */
export function runCheckWorker(post: (message: WorkerMessage) => void, read: PrefetchedCatalogue): (request: CheckRequest) => void {
  const handle = createCheckHandler();
  void warmUp(read, read.listed).then((catalogue) => {
    try {
      post({ catalogue });
    } catch {
      post({ catalogue: undefined });
    }
  });
  return (request) => {
    void handle(request).then(post);
  };
}
