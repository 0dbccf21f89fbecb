import { earlyCatalogue, resetEarlyCheckWorker, startEarlyCheckWorker, takeEarlyCheckWorker } from '../../../addin/app/check-worker-early';
import type { WorkerMessage } from '../../../addin/app/check-protocol';
import type { CheckWorker } from '../../../addin/app/checker';
import type { Catalogue } from '../../../core/forms/catalogue';

/** A worker that only dispatches what the test makes it post. */
function fakeWorker() {
  const listeners: Record<string, Array<(event: unknown) => void>> = {};
  const worker: CheckWorker = {
    addEventListener: ((type: string, listener: (event: unknown) => void) => {
      (listeners[type] ??= []).push(listener);
    }) as CheckWorker['addEventListener'],
    postMessage: () => undefined,
    terminate: () => undefined,
  };
  return {
    worker,
    post: (message: WorkerMessage) => listeners.message?.forEach((l) => l({ data: message })),
    crash: () => listeners.error?.forEach((l) => l(new Error('worker script failed'))),
  };
}

const CATALOGUE: Catalogue = { definitions: [], issues: [] };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => resetEarlyCheckWorker());

describe('the check worker started when the pane mounts', () => {
  it('is started once, handed to the engine once, and gives the catalogue it compiled', async () => {
    const fake = fakeWorker();
    let starts = 0;
    const start = () => {
      starts++;
      return fake.worker;
    };
    startEarlyCheckWorker(start);
    startEarlyCheckWorker(start);
    const taken = takeEarlyCheckWorker();
    expect(takeEarlyCheckWorker()).toBeUndefined();
    expect(await taken).toBe(fake.worker);
    expect(starts).toBe(1);
    fake.post({ catalogue: CATALOGUE });
    await expect(earlyCatalogue()).resolves.toBe(CATALOGUE);
  });

  it('without an early worker the engine starts its own and compiles the catalogue itself', () => {
    expect(takeEarlyCheckWorker()).toBeUndefined();
    expect(earlyCatalogue()).toBeUndefined();
  });

  it('a check reply is not taken for the catalogue', async () => {
    const fake = fakeWorker();
    startEarlyCheckWorker(() => fake.worker);
    await tick();
    fake.post({ id: 1, ok: false, error: 'x' });
    let settled = false;
    void earlyCatalogue()!.then(
      () => (settled = true),
      () => (settled = true),
    );
    await tick();
    expect(settled).toBe(false);
  });

  it('a worker that could not compile the catalogue: the page compiles it', async () => {
    const fake = fakeWorker();
    startEarlyCheckWorker(() => fake.worker);
    await tick();
    fake.post({ catalogue: undefined });
    await expect(earlyCatalogue()).rejects.toThrow();
  });

  it('a worker that died before it was taken over is not handed over (checks go to the main thread)', async () => {
    const fake = fakeWorker();
    startEarlyCheckWorker(() => fake.worker);
    await tick();
    fake.crash();
    await expect(takeEarlyCheckWorker()).rejects.toThrow();
    await expect(earlyCatalogue()).rejects.toThrow();
  });

  it('a worker that cannot start (CSP worker-src): the catalogue and the worker both refuse', async () => {
    startEarlyCheckWorker(() => {
      throw new Error('SecurityError');
    });
    await expect(takeEarlyCheckWorker()).rejects.toThrow('SecurityError');
    await expect(earlyCatalogue()).rejects.toThrow();
  });
});
