/**
 * The pane built in dist/, served from a private copy on 127.0.0.1, and headless Chromium: what
 * every browser e2e test starts from. Without Chromium the tests are skipped with a warning,
 * unless CI is set: then they fail.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, chromiumInstalled, launchChromium } from './chromium';
import { snapshotDist } from './dist-files';
import { startStaticServer, type StaticServer } from './static-server';

const IN_CI = Boolean(process.env.CI);
const HAVE_CHROMIUM = chromiumInstalled();
const NO_CHROMIUM = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set KASKAD_CHROMIUM)`;

/** `describe`, or `describe.skip` with a warning naming the test file when there is no Chromium outside CI. */
export function describeInBrowser(testFile: string): jest.Describe {
  if (!HAVE_CHROMIUM && !IN_CI) console.warn(`SKIPPED ${testFile}: ${NO_CHROMIUM}. With CI set these tests fail instead.`);
  return HAVE_CHROMIUM || IN_CI ? describe : describe.skip;
}

export interface ServedPane {
  server: StaticServer;
  browser: Browser;
}

/** Starts the server and the browser before the tests of the enclosing describe (with `prepare` beside them) and stops them after. */
export function servePane(prepare: () => Promise<void> = async () => undefined): ServedPane {
  const served = {} as ServedPane;
  let dist: { root: string; remove(): void } | undefined;
  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${NO_CHROMIUM}; CI is set, so the e2e tests fail rather than skip`);
    dist = await snapshotDist();
    [served.server, served.browser] = await Promise.all([startStaticServer(dist.root), launchChromium(), prepare()]);
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
    dist?.remove();
  });
  return served;
}
