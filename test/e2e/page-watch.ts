/**
 * What a browser context does on the network and in the console while the tests drive the pane:
 * every request (method, URL, type), every console error, uncaught page error and
 * Content-Security-Policy violation. The tests then say what is allowed.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The one request allowed off the local server: the office.js <script> from Microsoft's CDN. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where office.js, once it loads (online), fetches the rest of itself: scripts only, GET only. */
const OFFICE_JS_FOLDER = OFFICE_JS_CDN.slice(0, OFFICE_JS_CDN.lastIndexOf('/') + 1);

export interface SeenRequest {
  method: string;
  url: string;
  type: string;
}

export interface PageEvent {
  page: string;
  text: string;
  /** Where the console says it came from (a URL), if anywhere. */
  source?: string;
}

export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
}

export interface Watch {
  requests: SeenRequest[];
  consoleErrors: PageEvent[];
  pageErrors: PageEvent[];
  /** `securitypolicyviolation` events of every page, reported as they happen. */
  cspViolations: CspViolation[];
}

/**
 * Listens on the page's own document before any of its scripts run and reports to Node through a
 * binding. Init scripts and bindings come in through DevTools, so the page's CSP (script-src
 * without 'unsafe-inline') does not stop them.
 */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  window.kaskadReportCspViolation({ directive: e.effectiveDirective || e.violatedDirective, blocked: String(e.blockedURI), source: String(e.sourceFile) + ':' + e.lineNumber });
});`;

export async function watchContext(context: BrowserContext): Promise<Watch> {
  const watch: Watch = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [] };
  await context.exposeBinding('kaskadReportCspViolation', ({ page }, violation: Omit<CspViolation, 'page'>) => {
    watch.cspViolations.push({ page: page.url(), ...violation });
  });
  await context.addInitScript({ content: CSP_LISTENER });
  context.on('request', (request) => watch.requests.push({ method: request.method(), url: request.url(), type: request.resourceType() }));
  const follow = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error')
        watch.consoleErrors.push({ page: page.url(), text: message.text(), source: message.location().url || undefined });
    });
    page.on('pageerror', (error) => watch.pageErrors.push({ page: page.url(), text: `${error.name}: ${error.message}` }));
  };
  context.pages().forEach(follow);
  context.on('page', follow);
  return watch;
}

/**
 * Requests that are neither the local server's, nor in-page (blob:, data:), nor office.js: its
 * <script> and, when it does load, the scripts it takes from its own CDN folder (GET; a telemetry
 * POST or anything else still counts).
 */
export function foreignRequests(requests: readonly SeenRequest[], origin: string): SeenRequest[] {
  return requests.filter((r) => {
    if (r.url.startsWith(`${origin}/`) || r.url.startsWith('blob:') || r.url.startsWith('data:')) return false;
    return !(r.type === 'script' && r.method === 'GET' && (r.url === OFFICE_JS_CDN || r.url.startsWith(OFFICE_JS_FOLDER)));
  });
}

/** Console errors other than the office.js script failing to load (it cannot, offline). */
export function unexpectedConsoleErrors(errors: readonly PageEvent[]): PageEvent[] {
  return errors.filter((e) => {
    const loadFailure = /^Failed to load resource\b/.test(e.text);
    if (loadFailure && e.source === OFFICE_JS_CDN) return false;
    return true;
  });
}
