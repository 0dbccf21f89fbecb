/**
 * Headless Chromium for the e2e tests and the bench: the system's Debian build, never a
 * downloaded one, with a fresh temporary profile (playwright's plain launch) and no background
 * traffic of its own (sync, component updates, QUIC probes), so every request seen is the page's.
 * Plain Node: no jest globals, so bench/addin.ts can use it too.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KASKAD_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The repository root, from test/e2e/ (jest) or build/test/e2e/ (the compiled bench). */
export const ROOT = existsSync(path.join(__dirname, '..', '..', 'package.json'))
  ? path.join(__dirname, '..', '..')
  : path.join(__dirname, '..', '..', '..');

export const DIST = path.join(ROOT, 'dist');
export const BUILD_HINT = 'run npm run build:addin';

export function chromiumInstalled(): boolean {
  try {
    return statSync(CHROMIUM_PATH).isFile();
  } catch {
    return false;
  }
}

/** Why the built pane cannot be served, or undefined when dist/taskpane.html is there. */
export function distProblem(dist = DIST): string | undefined {
  if (existsSync(path.join(dist, 'taskpane.html'))) return undefined;
  const shown = path.relative(ROOT, dist);
  return `${shown && !shown.startsWith('..') ? shown : dist}/taskpane.html is missing: ${BUILD_HINT}`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], timeout: 60_000 });
}
