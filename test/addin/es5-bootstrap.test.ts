import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

// esprima 4 (already in node_modules through jest) parses up to ES2017, so the walk below
// refuses every ES2015+ construct itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- esprima has no ES module entry
const esprima = require('esprima') as { parseScript(source: string): AstNode };

interface AstNode {
  type: string;
  [key: string]: unknown;
}

const SOURCE = readFileSync(join(__dirname, '..', '..', 'addin', 'bootstrap', 'es5-check.js'), 'utf8');

const ES2015_NODES = new Set([
  'ArrowFunctionExpression',
  'TemplateLiteral',
  'TaggedTemplateExpression',
  'ClassDeclaration',
  'ClassExpression',
  'ForOfStatement',
  'SpreadElement',
  'RestElement',
  'ObjectPattern',
  'ArrayPattern',
  'AssignmentPattern',
  'AwaitExpression',
  'YieldExpression',
  'MetaProperty',
  'Super',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
  'Import',
]);

/** Every ES2015+ construct in a script, as «NodeType» or «NodeType:detail». */
function modernSyntax(source: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    if (typeof n.type === 'string') {
      if (ES2015_NODES.has(n.type)) found.push(n.type);
      if (n.type === 'VariableDeclaration' && n.kind !== 'var') found.push(`VariableDeclaration:${String(n.kind)}`);
      if ((n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') && (n.async || n.generator)) found.push(`${n.type}:async/generator`);
      if (n.type === 'Property' && (n.shorthand || n.method || n.computed)) found.push('Property:es2015');
      if (n.type === 'BinaryExpression' && n.operator === '**') found.push('BinaryExpression:**');
      if (n.type === 'Literal' && n.regex && /[uys]/.test((n.regex as { flags: string }).flags)) found.push('Literal:regex-flags');
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value);
  };
  visit(esprima.parseScript(source));
  return found;
}

interface FakeDocument {
  title: string;
  body: { innerHTML: string } | null;
  readyState: string;
  listeners: Record<string, () => void>;
  addEventListener(type: string, listener: () => void): void;
}

function run(userAgent: string, globals: { Promise?: unknown; fetch?: unknown }, bodyReady = true) {
  const document: FakeDocument = {
    title: 'Каскад',
    body: bodyReady ? { innerHTML: '<div id="root"></div>' } : null,
    readyState: bodyReady ? 'complete' : 'loading',
    listeners: {},
    addEventListener(type, listener) {
      this.listeners[type] = listener;
    },
  };
  const sandbox: Record<string, unknown> = { navigator: { userAgent }, document, ...globals };
  sandbox.window = sandbox;
  vm.runInNewContext(SOURCE, sandbox);
  return { document, window: sandbox };
}

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko';
const CHROMIUM = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0';
const fetch = () => undefined;

describe('addin/bootstrap/es5-check.js', () => {
  it('is plain ES5: no arrow functions, let/const, template strings, classes…', () => {
    expect(modernSyntax(SOURCE)).toEqual([]);
  });

  it('the syntax check does catch ES2015+ (so the test above can fail)', () => {
    expect(modernSyntax('let a = 1; const f = (x) => `${x}`; class C {} var o = { a }; for (var v of []) {}')).toEqual(
      expect.arrayContaining([
        'VariableDeclaration:let',
        'VariableDeclaration:const',
        'ArrowFunctionExpression',
        'TemplateLiteral',
        'ClassDeclaration',
        'Property:es2015',
        'ForOfStatement',
      ]),
    );
  });

  it('in the IE11 engine of older Excel replaces the pane with a Russian explanation', () => {
    const { document, window } = run(IE11, { Promise: undefined });
    const html = document.body!.innerHTML;
    expect(html).toContain('слишком старая');
    expect(html).toContain('проверка данных Excel');
    expect(html).toContain('в обычном браузере');
    expect(html).toMatch(/<a href="\{BROWSER_PAGE_URL\}"/);
    expect(html).not.toContain('id="root"');
    expect(window.KASKAD_UNSUPPORTED).toBe(true);
  });

  it('treats a Trident engine as too old even if Promise and fetch were polyfilled', () => {
    const { document } = run(IE11, { Promise, fetch });
    expect(document.body!.innerHTML).toContain('слишком старая');
  });

  it("treats the EdgeHTML webview of Excel 2019 as too old (it has Promise and fetch, not the pane's syntax)", () => {
    const edgeHtml =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
    const { document, window } = run(edgeHtml, { Promise, fetch });
    expect(document.body!.innerHTML).toContain('слишком старая');
    expect(window.KASKAD_UNSUPPORTED).toBe(true);
  });

  it('explains too when fetch is missing in an otherwise unknown engine', () => {
    const { document } = run('SomeOldWebView/1.0', { Promise });
    expect(document.body!.innerHTML).toContain('слишком старая');
  });

  it('explains when Promise is missing', () => {
    const { document } = run('SomeOldWebView/1.0', { Promise: undefined, fetch });
    expect(document.body!.innerHTML).toContain('слишком старая');
  });

  it('waits for the body when loaded from <head>', () => {
    const { document } = run(IE11, {}, false);
    expect(document.body).toBeNull();
    document.body = { innerHTML: '<div id="root"></div>' };
    document.listeners.DOMContentLoaded!();
    expect(document.body.innerHTML).toContain('слишком старая');
  });

  it('leaves the page alone in a modern engine (WebView2, a current browser)', () => {
    const { document, window } = run(CHROMIUM, { Promise, fetch });
    expect(document.body!.innerHTML).toBe('<div id="root"></div>');
    expect(document.title).toBe('Каскад');
    expect(window.KASKAD_UNSUPPORTED).toBeUndefined();
  });
});
