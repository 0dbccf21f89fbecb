import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Fills manifest/manifest.template.xml with the host the task pane is served from and the version
 * of package.json, and writes dist/manifest.xml:
 * `node build/scripts/build-manifest.js --url=https://kaskad.example.ru`
 * (or KASKAD_URL=…; default https://localhost:3000, the dev server). webpack.config.js requires
 * this file too and writes the same manifest beside the pane it builds.
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

const PROBLEM_TEXT: Record<ManifestUrlProblem, string> = {
  invalid: 'это не адрес сайта; нужен полный адрес вида https://kaskad.example.ru',
  'not-https': 'Excel загружает надстройки только по https; нужен адрес вида https://kaskad.example.ru',
  'trailing-slash': 'уберите «/» в конце адреса',
  'query-or-hash': 'уберите из адреса «?…» и «#…»',
  credentials: 'уберите из адреса имя пользователя и пароль',
};

export class ManifestUrlError extends Error {
  readonly problem: ManifestUrlProblem;
  constructor(problem: ManifestUrlProblem, url: string) {
    super(`Адрес надстройки «${url}» не подходит: ${PROBLEM_TEXT[problem]}.`);
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

/**
 * The manifest's four-part Version from package.json's semver: «0.1.0» → «0.1.0.0». Office
 * updates an installed add-in only when this grows, so bumping package.json is the one step.
 */
export function manifestVersion(semver: string): string {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:[-+].*)?$/.exec(semver);
  if (!match) throw new Error(`package.json version ${JSON.stringify(semver)} is not «major.minor.patch»`);
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

let cachedTemplate: string | undefined;
let cachedVersion: string | undefined;

function packageVersion(): string {
  const root = dirname(dirname(findManifestTemplate()));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return manifestVersion(String(pkg.version));
}

/** The manifest for a host: pure given the template and version (read once, or passed in). */
export function buildManifest(
  url: string,
  template: string = (cachedTemplate ??= readFileSync(findManifestTemplate(), 'utf8')),
  version: string = (cachedVersion ??= packageVersion()),
): string {
  const checked = checkManifestUrl(url);
  return template
    .replace(/\{URL\}/g, escapeXml(checked.url))
    .replace(/\{ORIGIN\}/g, escapeXml(checked.origin))
    .replace(/\{VERSION\}/g, escapeXml(version));
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
    // `--root` refreshes the committed development manifest (localhost) that Office tooling looks for.
    const out = process.argv.includes('--root') ? join(root, 'manifest.xml') : join(root, 'dist', 'manifest.xml');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, xml);
    process.stdout.write(`${out} (${url})\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
