import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
import type { CheckedWorkbook } from '../../core/usecases/check-workbook-bytes';
import { isCatalogueMessage, type CheckReply, type CheckRequest, type ReferenceLists, type WorkerMessage } from './check-protocol';

/** The data workbook cards are checked against: its ReferenceData, and its lists for the worker. */
export interface CheckReference {
  data: ReferenceData;
  /** Without them a check with this reference runs on the main thread. */
  lists?: ReferenceLists;
}

/** The same checks on the main thread: where Worker is missing, fails to start or dies. */
export interface LocalChecks {
  bytes(file: string, bytes: Uint8Array, definitions: readonly FormDefinition[], data?: ReferenceData): Promise<CheckedWorkbook>;
  snapshot(file: string, snapshot: WorkbookSnapshot, definitions: readonly FormDefinition[], data?: ReferenceData): CheckOutcome;
}

export interface Checker {
  checkBytes(file: string, bytes: Uint8Array, definitions: readonly FormDefinition[], reference?: CheckReference): Promise<CheckedWorkbook>;
  checkSnapshot(file: string, snapshot: WorkbookSnapshot, definitions: readonly FormDefinition[], reference?: CheckReference): Promise<CheckOutcome>;
  /** Where the checks run now: «worker» until the worker failed or when there is none. */
  readonly where: 'worker' | 'main thread';
}

/** The worker as the checker uses it: a DOM Worker, or a fake in tests. */
export type CheckWorker = Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;

const sameList = (a: readonly FormDefinition[] | undefined, b: readonly FormDefinition[]): boolean =>
  a !== undefined && a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * Checks in a worker (`start`), the page's main thread left free; each check has the same result
 * as on the main thread (core's checkWorkbookBytes / checkSnapshot, structured-cloned back).
 * Without a worker (`start` undefined or rejecting), or once it failed to load or died, the checks
 * run on the main thread through `local`.
 */
export function createChecker(start: (() => Promise<CheckWorker>) | undefined, local: LocalChecks): Checker {
  let worker: Promise<CheckWorker | undefined> | undefined;
  let live: CheckWorker | undefined;
  let failed = start === undefined;
  let nextId = 1;
  let sentDefinitions: readonly FormDefinition[] | undefined;
  let sentLists: ReferenceLists | null | undefined;
  const pending = new Map<number, (reply: CheckReply | undefined) => void>();

  const fail = () => {
    failed = true;
    live?.terminate();
    live = undefined;
    for (const settle of pending.values()) settle(undefined);
    pending.clear();
  };

  const open = async (): Promise<CheckWorker | undefined> => {
    try {
      const started = await start!();
      started.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
        // The catalogue the worker sends at its start is check-worker-early's.
        if (isCatalogueMessage(event.data)) return;
        const settle = pending.get(event.data.id);
        pending.delete(event.data.id);
        settle?.(event.data);
      });
      // A worker script that cannot load (a CSP, a dropped connection) or a message that cannot be cloned.
      started.addEventListener('error', fail);
      started.addEventListener('messageerror', fail);
      live = started;
      return started;
    } catch {
      failed = true;
      return undefined;
    }
  };

  const running = async (): Promise<CheckWorker | undefined> => {
    if (failed) return undefined;
    worker ??= open();
    const started = await worker;
    return failed ? undefined : started;
  };

  /** The worker's reply, or undefined when the check must run on the main thread. */
  const ask = async (
    file: string,
    workbook: CheckRequest['workbook'],
    definitions: readonly FormDefinition[],
    reference?: CheckReference,
  ): Promise<CheckReply | undefined> => {
    if (reference && !reference.lists) return undefined;
    const target = await running();
    if (!target) return undefined;
    const request: CheckRequest = { id: nextId++, file, workbook };
    if (!sameList(sentDefinitions, definitions)) request.definitions = definitions;
    const lists = reference?.lists ?? null;
    if (lists !== sentLists) request.reference = lists;
    return new Promise<CheckReply | undefined>((resolve) => {
      pending.set(request.id, resolve);
      try {
        target.postMessage(request);
        sentDefinitions = definitions;
        sentLists = lists;
      } catch {
        pending.delete(request.id);
        fail();
        resolve(undefined);
      }
    });
  };

  return {
    async checkBytes(file, bytes, definitions, reference) {
      const reply = await ask(file, { bytes }, definitions, reference);
      if (reply?.ok) return reply.checked;
      return local.bytes(file, bytes, definitions, reference?.data);
    },
    async checkSnapshot(file, snapshot, definitions, reference) {
      const reply = await ask(file, { snapshot }, definitions, reference);
      if (reply?.ok) return reply.checked.outcome;
      return local.snapshot(file, snapshot, definitions, reference?.data);
    },
    get where() {
      return failed ? 'main thread' : 'worker';
    },
  };
}
