import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Fills manifest/manifest.template.xml with the host the task pane is served from and writes
 * dist/manifest.xml: `node build/scripts/build-manifest.js --url=https://kaskad.example.ru`
 * (or KASKAD_URL=…; default https://localhost:3000, the dev server).
 */

export const DEFAULT_URL = 'https://localhost:3000';
const TEMPLATE = join('manifest', 'manifest.template.xml');

/** Why a host was refused; stable codes, tested, not wording. */
export type ManifestUrlProblem =
  | 'invalid' // «kaskad.example.ru» (no scheme), «https://»
  | 'not-https' // «http://kaskad.example.ru»: Office loads add-ins over https only
  | 'trailing-slash' // «https://kaskad.example.ru/»: «{URL}/taskpane.html» would get «//»
  | 'query-or-hash' // «https://kaskad.example.ru?x=1»
  | 'credentials'; // «https://user:pw@kaskad.example.ru»

export class ManifestUrlError extends Error {
  readonly problem: ManifestUrlProblem;
  constructor(problem: ManifestUrlProblem, url: string) {
    super(`manifest URL refused (${problem}): ${JSON.stringify(url)}`);
    this.name = 'ManifestUrlError';
    this.problem = problem;
  }
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Checks the host and returns it with its origin (for AppDomain); throws ManifestUrlError. */
export function checkManifestUrl(url: string): { url: string; origin: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ManifestUrlError('invalid', url);
  }
  if (/\s/.test(url) || !parsed.hostname) throw new ManifestUrlError('invalid', url);
  if (parsed.protocol !== 'https:') throw new ManifestUrlError('not-https', url);
  if (parsed.username || parsed.password) throw new ManifestUrlError('credentials', url);
  if (parsed.search || parsed.hash || /[?#]/.test(url)) throw new ManifestUrlError('query-or-hash', url);
  if (url.endsWith('/')) throw new ManifestUrlError('trailing-slash', url);
  return { url, origin: parsed.origin };
}

/** The manifest template, found from the source (scripts/) or the build (build/scripts/). */
export function findManifestTemplate(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, TEMPLATE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${TEMPLATE} not found above ${from}`);
  }
}

let cachedTemplate: string | undefined;

/** The manifest for a host: pure given the template (read once, or passed in). */
export function buildManifest(url: string, template: string = (cachedTemplate ??= readFileSync(findManifestTemplate(), 'utf8'))): string {
  const checked = checkManifestUrl(url);
  return template.replace(/\{URL\}/g, escapeXml(checked.url)).replace(/\{ORIGIN\}/g, escapeXml(checked.origin));
}

/** `--url=…` wins over KASKAD_URL, which wins over the default. */
export function manifestUrlFrom(argv: readonly string[], env: Record<string, string | undefined>): string {
  const arg = argv.find((a) => a.startsWith('--url='));
  return arg ? arg.slice('--url='.length) : env.KASKAD_URL || DEFAULT_URL;
}

function main(): void {
  const url = manifestUrlFrom(process.argv.slice(2), process.env);
  try {
    const xml = buildManifest(url);
    const root = dirname(dirname(findManifestTemplate()));
    const out = join(root, 'dist', 'manifest.xml');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
    process.stdout.write(`${out} (${url})\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
