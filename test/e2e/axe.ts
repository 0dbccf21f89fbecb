/**
 * axe-core in the pane under its real Content-Security-Policy: the library's source is evaluated
 * through DevTools (page.evaluate), which script-src does not govern, where an injected <script>
 * (page.addScriptTag) would be refused. No bypassCSP.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './chromium';

export interface AxeNode {
  target: string;
  html: string;
  summary: string;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: AxeNode[];
}

let axeSource: string | undefined;

function source(): string {
  axeSource ??= readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Tabster (Fluent UI's focus manager) puts `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * around focus groups; they only bounce focus on, and must stay hidden from screen readers. axe's
 * aria-hidden-focus flags them; Microsoft's own checkers drop exactly these nodes
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Only those nodes are dropped.
 */
function isTabsterDummy(ruleId: string, node: AxeNode): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(node.html);
}

/** axe's violations on the page as it is now, Tabster's focus bumpers left out. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(source());
  const raw = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact || 'unknown', help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary || '' })),
  })))`)) as AxeViolation[];
  return raw.map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n)) })).filter((v) => v.nodes.length > 0);
}

export const isSerious = (v: AxeViolation): boolean => v.impact === 'serious' || v.impact === 'critical';

/** One violation per paragraph, each node with its selector, markup and axe's advice. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) =>
      [
        `${v.impact}: ${v.id} — ${v.help}`,
        ...v.nodes.map((n) => `  ${n.target}\n    ${n.html.slice(0, 300)}\n    ${n.summary.replace(/\n/g, '\n    ')}`),
      ].join('\n'),
    )
    .join('\n\n');
}
