import { waitForOffice } from '../../addin/excel/office-ready';

type OnReady = (callback?: (info: { host?: unknown; platform?: unknown }) => void) => unknown;

const globals = globalThis as { Office?: { onReady?: OnReady } };

function installOffice(onReady: OnReady | undefined): void {
  globals.Office = onReady ? { onReady } : {};
}

afterEach(() => {
  delete globals.Office;
  jest.useRealTimers();
});

describe('waitForOffice', () => {
  it('answers undefined at once when office.js is not on the page (browser mode, no network)', async () => {
    await expect(waitForOffice(5000)).resolves.toBeUndefined();
    installOffice(undefined);
    await expect(waitForOffice(5000)).resolves.toBeUndefined();
  });

  it('answers the host and platform Office.onReady reports', async () => {
    installOffice((callback) => {
      setTimeout(() => callback?.({ host: 'Excel', platform: 'PC' }), 5);
      return new Promise(() => undefined);
    });
    await expect(waitForOffice(5000)).resolves.toEqual({ host: 'Excel', platform: 'PC' });
  });

  it('answers nulls when office.js runs in an ordinary browser', async () => {
    installOffice((callback) => {
      callback?.({ host: null, platform: null });
      return Promise.resolve({ host: null, platform: null });
    });
    await expect(waitForOffice(5000)).resolves.toEqual({ host: null, platform: null });
  });

  it('gives up after the timeout when the host never answers', async () => {
    jest.useFakeTimers();
    installOffice(() => new Promise(() => undefined));
    const answer = waitForOffice(3000);
    jest.advanceTimersByTime(2999);
    let settled = false;
    void answer.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    jest.advanceTimersByTime(1);
    await expect(answer).resolves.toBeUndefined();
  });

  it('without a limit, waits for a slow host: office.js answering after 12 s still gives Excel', async () => {
    jest.useFakeTimers();
    installOffice((callback) => {
      setTimeout(() => callback?.({ host: 'Excel', platform: 'PC' }), 12_000);
      return new Promise(() => undefined);
    });
    const answer = waitForOffice();
    let settled = false;
    void answer.then(() => {
      settled = true;
    });
    await jest.advanceTimersByTimeAsync(11_999);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ host: 'Excel', platform: 'PC' });
  });

  it('never rejects: a throwing or rejecting onReady means no Office', async () => {
    installOffice(() => {
      throw new Error('Office.js has not fully loaded');
    });
    await expect(waitForOffice(5000)).resolves.toBeUndefined();
    installOffice(() => Promise.reject(new Error('handshake failed')));
    await expect(waitForOffice(5000)).resolves.toBeUndefined();
  });

  it('keeps the first answer when the callback and the promise both answer', async () => {
    installOffice((callback) => {
      callback?.({ host: 'Excel', platform: 'OfficeOnline' });
      return Promise.reject(new Error('late'));
    });
    await expect(waitForOffice(5000)).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
  });
});
