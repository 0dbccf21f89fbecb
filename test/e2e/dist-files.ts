/**
 * The built pane in dist/: which scripts taskpane.html loads at start, which chunks it loads
 * later, and a private copy to serve (another `npm run build:addin` cleans dist/ while it runs).
 * Plain Node, shared with bench/addin.ts.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BUILD_HINT, DIST, distProblem } from './chromium';

export interface PageScript {
  src: string;
  /** Served by the page's own origin (a file in dist/), not a CDN. */
  local: boolean;
}

/** The <script src> of a page, in document order (the ones it loads at start). */
export function pageScripts(html: string): PageScript[] {
  const scripts: PageScript[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attributes = match[1] ?? '';
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (value === undefined) continue;
    scripts.push({ src: value, local: !/^([a-z][a-z\d+.-]*:)?\/\//i.test(value) });
  }
  return scripts;
}

/** Every .js file at dist/'s top level that no page names in a <script>: the chunks loaded on demand. */
export function lazyChunks(dist = DIST): string[] {
  const named = new Set<string>();
  for (const page of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
    for (const script of pageScripts(readFileSync(path.join(dist, page), 'utf8'))) if (script.local) named.add(script.src);
  }
  return readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !named.has(f))
    .sort();
}

/** Local scripts taskpane.html names that are not in `dist` (a build caught half-way). */
function missingScripts(dist: string): string[] {
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  return pageScripts(html)
    .filter((s) => s.local && !existsSync(path.join(dist, s.src)))
    .map((s) => s.src);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A complete copy of dist/ in a temporary folder, so a rebuild running meanwhile cannot pull files
 * from under the page. Throws «run npm run build:addin» when there is no build.
 */
export async function snapshotDist(dist = DIST, attempts = 6): Promise<{ root: string; remove(): void }> {
  let last = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    const problem = distProblem(dist);
    if (problem && attempt === 0 && !existsSync(dist)) throw new Error(problem);
    if (!problem) {
      const root = mkdtempSync(path.join(tmpdir(), 'kaskad-dist-'));
      const remove = () => rmSync(root, { recursive: true, force: true });
      try {
        cpSync(dist, root, { recursive: true });
        const missing = existsSync(path.join(root, 'taskpane.html')) ? missingScripts(root) : ['taskpane.html'];
        if (missing.length === 0) return { root, remove };
        last = `dist/ is incomplete (${missing.join(', ')} missing)`;
      } catch (error) {
        last = `dist/ could not be copied (${error instanceof Error ? error.message : String(error)})`;
      }
      remove();
    } else {
      last = problem;
    }
    await sleep(5000); // another build may be writing dist/ right now
  }
  throw new Error(`${last}: ${BUILD_HINT}`);
}
