/**
 * Waits for office.js to finish its handshake with the host. This file, capabilities.ts and run.ts
 * are the only ones that touch the Office/Excel globals. The page also runs in an ordinary browser
 * and with office.js unreachable (a closed network), so this never rejects: `undefined` means
 * «no Office here», and the caller switches to the browser mode.
 */

/** Where the pane runs, as Office.onReady reports it; both null when office.js runs outside Office. */
export interface OfficeReady {
  /** «Excel», or null outside Office. */
  host: string | null;
  /** «PC», «OfficeOnline», «Mac», …, or null outside Office. */
  platform: string | null;
}

interface OfficeReadyInfo {
  host?: unknown;
  platform?: unknown;
}

interface OfficeGlobal {
  onReady?: (callback?: (info: OfficeReadyInfo) => void) => unknown;
}

function readyFrom(info: OfficeReadyInfo | undefined): OfficeReady {
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return { host: text(info?.host), platform: text(info?.platform) };
}

/**
 * Resolves with the host and platform once Office.onReady answers, however long the host takes (a
 * cold start, a slow internal server with self-hosted office.js); with undefined at once when
 * office.js did not load (no Office global) or onReady throws or rejects. `timeoutMs` bounds the
 * wait only where a caller has nothing to show meanwhile (the ribbon's function file).
 */
export function waitForOffice(timeoutMs?: number): Promise<OfficeReady | undefined> {
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  const onReady = office?.onReady;
  if (typeof onReady !== 'function') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: OfficeReady | undefined): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(value);
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => finish(undefined), Math.max(0, timeoutMs));
    try {
      const answer = onReady.call(office, (info) => finish(readyFrom(info)));
      // Office.onReady also returns a promise; a rejection must not surface as unhandled.
      if (answer && typeof (answer as PromiseLike<unknown>).then === 'function') {
        (answer as PromiseLike<unknown>).then(undefined, () => finish(undefined));
      }
    } catch {
      finish(undefined);
    }
  });
}
