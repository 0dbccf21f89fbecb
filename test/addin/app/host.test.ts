import { detectHost } from '../../../addin/app/host';

type OnReady = (callback?: (info: { host?: unknown; platform?: unknown }) => void) => unknown;
const globals = globalThis as { Office?: { onReady?: OnReady; context?: unknown } };

afterEach(() => {
  delete globals.Office;
  jest.useRealTimers();
});

describe('detectHost: the pane decides «browser» only when office.js is missing or the host is not Excel', () => {
  it('an Excel whose office.js answers after 12 s is still Excel mode (no fixed time limit)', async () => {
    jest.useFakeTimers();
    globals.Office = {
      context: { requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version?.split('.')[1]) <= 13 } },
      onReady: (callback) => {
        setTimeout(() => callback?.({ host: 'Excel', platform: 'PC' }), 12_000);
        return new Promise(() => undefined);
      },
    };
    const host = detectHost();
    await jest.advanceTimersByTimeAsync(12_000);
    const answer = await host;
    expect(answer.mode).toBe('excel');
    expect(answer.mode === 'excel' && answer.capabilities.usedRangeOrNullObject).toBe(true);
  });

  it('no office.js (it failed to load) is browser mode at once', async () => {
    await expect(detectHost()).resolves.toEqual({ mode: 'browser' });
  });

  it('office.js in an ordinary browser (host null) is browser mode', async () => {
    globals.Office = {
      onReady: (callback) => {
        callback?.({ host: null, platform: null });
        return Promise.resolve();
      },
    };
    await expect(detectHost()).resolves.toEqual({ mode: 'browser' });
  });
});
