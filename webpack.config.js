/**
 * Каскад: the Excel add-in task pane, built into dist/ (issue 4, part 6).
 *
 *   npm run build:addin                                  dist/ for https://localhost:3000
 *   npm run build -- --env url=https://kaskad.example.ru  dist/ for that host (manifest.xml, es5-check)
 *   … --env officejs=local                               office.js from dist/office-js/, not the CDN
 *   npm run dev-server                                   https://localhost:3000 with the dev certificate
 *
 * dist/: taskpane.html, commands.html, help.html, manifest.xml, es5-check.<hash>.js,
 * <chunk>.<hash>.js, assets/*.png, templates/*.docx, forms/ (the form catalogue: the definition
 * files of templates/forms and forms/index.json) and, with officejs=local, office-js/.
 *
 * Content-Security-Policy (a <meta> in every page; the host may send a stricter header too):
 * - No 'unsafe-eval' anywhere, so no eval-based devtool either (devtool: false in production,
 *   plain source maps in development). test/addin/build.test.ts checks the output for eval.
 * - script-src: office.js loads the rest of itself from the folder it came from: the host file
 *   (excel-win32-16.01.js, excel-web-16.00.js, excel-mac-16.00.js …, chosen at run time),
 *   <locale>/office_strings.js, o15apptofilemappingtable.js (Office 2013), telemetry/ and
 *   ariatelemetry/ scripts. From the CDN that is all https://appsforoffice.microsoft.com, so that
 *   origin is allowed only when office.js comes from it; self-hosted it is 'self'. None of these
 *   files calls eval or new Function (checked in @microsoft/office-js 1.1.110).
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts <style> rules at run time, and
 *   excel-web-16.00.js sets inline styles (OfficeDev/office-js#1687).
 * - worker-src 'self': the check worker (cards read off the main thread) is a file of dist/.
 * - connect-src 'self': the pane fetches templates/*.docx and forms/* from its own origin. office.js talks to
 *   Excel through postMessage/the host bridge, which CSP does not govern; its telemetry posts to
 *   *.pipe.aria.microsoft.com are refused, which office.js tolerates (nothing of ours leaves the
 *   computer anyway).
 * - worker-src 'self': Web Workers are webpack chunks beside the page (new Worker(new URL(…, import.meta.url))).
 * - frame-src falls back to 'self': Excel on the web's error page for a failed add-in
 *   (AgaveErrorUX) is framed from the office.js folder and is refused under the CDN; only that
 *   error display is lost.
 * - frame-ancestors cannot be set from <meta>; Office frames the pane, so a server must not send
 *   X-Frame-Options: DENY or a frame-ancestors header that excludes Office.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const OFFICE_JS_PACKAGE = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const OFFICE_JS_LOCAL = 'office-js';
const DEV_PORT = 3000;

/**
 * scripts/build-manifest.ts compiled in memory with swc (already here for swc-loader), so the
 * build never runs a stale build/scripts/build-manifest.js and needs no `npm run build:ts` first.
 */
function requireTypeScript(file) {
  const { transformFileSync } = require('@swc/core');
  const { code } = transformFileSync(file, {
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const compiled = new Module(file, module);
  compiled.filename = file;
  compiled.paths = Module._nodeModulePaths(path.dirname(file));
  compiled._compile(code, file);
  return compiled.exports;
}

/** Emits files computed while reading the config (manifest.xml, es5-check.js) as build assets. */
class EmitFilesPlugin {
  constructor(files) {
    this.files = files;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('EmitFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EmitFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, content] of Object.entries(this.files)) {
          // minimized: Terser leaves es5-check alone (it is ES5 on purpose and already small).
          compilation.emitAsset(name, new sources.RawSource(content), { minimized: true });
        }
      });
    });
  }
}

function contentSecurityPolicy({ officeFromCdn, devServer }) {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': the planner's HiGHS solver is WebAssembly; it allows compiling .wasm, not eval.
    `script-src 'self' 'wasm-unsafe-eval'${officeFromCdn ? ` ${OFFICE_CDN}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // Web Workers (the card check, addin/app/check.worker.ts; the planner's solve) only from the page's own files: no blob: or data: workers.
    "worker-src 'self'",
    "img-src 'self' data: blob:",
    // The dev server's live reload uses a websocket; older WebViews do not count wss: as 'self'.
    `connect-src 'self'${devServer ? ` wss://localhost:${DEV_PORT}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The entries that are pages (taskpane.html, commands.html); Web Workers are entries too. */
const PAGE_ENTRIES = new Set(['taskpane', 'commands']);
const pageEntry = (chunk) => PAGE_ENTRIES.has(chunk.name);

/** The ES5 bootstrap with the browser page's address in its string literal (not in its comments). */
function es5Check(url) {
  const source = fs.readFileSync(path.join(ROOT, 'addin', 'bootstrap', 'es5-check.js'), 'utf8');
  const literal = "'{BROWSER_PAGE_URL}'";
  if (!source.includes(literal)) throw new Error(`addin/bootstrap/es5-check.js has no ${literal} to fill`);
  const pageUrl = `${url}/taskpane.html`.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const content = source.split(literal).join(`'${pageUrl}'`);
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 8);
  return { name: `es5-check.${hash}.js`, content };
}

/**
 * The form catalogue the pane loads at start (issue 8): templates/forms/*.xlsx and *.json (the
 * definitions methodologists edit; not blank/ or samples/) are copied to dist/forms/ as they are,
 * with forms/index.json listing them. On a server, a form is updated by copying its file into
 * forms/ (and adding a new file's name to index.json).
 */
const FORMS_DIR = path.join(ROOT, 'templates', 'forms');
function formCatalogue() {
  const files = fs
    .readdirSync(FORMS_DIR)
    .filter((name) => /\.(xlsx|json)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.') && name.toLowerCase() !== 'index.json')
    .filter((name) => fs.statSync(path.join(FORMS_DIR, name)).isFile())
    .sort();
  return { files, index: `${JSON.stringify({ files }, null, 2)}\n` };
}

/** What the self-hosted office.js loads next (see the CSP notes above); debug builds are left out. */
function officeJsCopyPatterns() {
  const from = (glob) => ({
    from: glob,
    context: OFFICE_JS_PACKAGE,
    // office.js asks for each file by its path under its own folder: keep the layout.
    to: ({ absoluteFilename }) => `${OFFICE_JS_LOCAL}/${path.relative(OFFICE_JS_PACKAGE, absoluteFilename).split(path.sep).join('/')}`,
    globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js'] },
    info: { minimized: true },
  });
  return [
    from('office.js'),
    from('o15apptofilemappingtable.js'),
    from('excel*.js'),
    from('*/office_strings.js'),
    from('telemetry/oteljs_agave.js'),
    from('ariatelemetry/aria-web-telemetry.js'),
    from('agaveerrorux/**/*'),
  ];
}

/** An error about the command line: webpack-cli prints the stack, so the stack is the message. */
function userError(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

/**
 * Creates and trusts a localhost certificate on first use (asks for permission on Windows and
 * macOS). Where it cannot install the CA (Linux without sudo, a locked-down PC) the server still
 * starts with webpack-dev-server's own self-signed certificate: fine for the browser page, but
 * Excel will not load a pane from it until a trusted certificate is installed.
 */
async function httpsOptions() {
  try {
    return await require('office-addin-dev-certs').getHttpsServerOptions();
  } catch (error) {
    console.warn(`Сертификат office-addin-dev-certs не установлен (${error && error.message ? error.message.split('\n')[0] : error}).`);
    console.warn('Сервер запущен с временным самоподписанным сертификатом: страница откроется в браузере, Excel её не загрузит.');
    return {};
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const devServer = Boolean(env.WEBPACK_SERVE);
  const { buildManifest, DEFAULT_URL } = requireTypeScript(path.join(ROOT, 'scripts', 'build-manifest.ts'));

  const url = env.url === undefined ? DEFAULT_URL : String(env.url);
  let manifest;
  try {
    manifest = buildManifest(url);
  } catch (error) {
    if (error && error.name === 'ManifestUrlError') throw userError(`${error.message}\nПример: npm run build -- --env url=https://kaskad.example.ru`);
    throw error;
  }

  const officeJs = env.officejs === undefined ? 'cdn' : String(env.officejs);
  if (officeJs !== 'cdn' && officeJs !== 'local') {
    throw userError(
      `--env officejs=${officeJs}: можно «cdn» (office.js с сайта Microsoft, по умолчанию) или «local» (office.js рядом с надстройкой).`,
    );
  }
  const officeFromCdn = officeJs === 'cdn';
  const bootstrap = es5Check(url);
  const forms = formCatalogue();
  const pageOptions = {
    csp: contentSecurityPolicy({ officeFromCdn, devServer }),
    officeJs: officeFromCdn ? OFFICE_JS_CDN : `${OFFICE_JS_LOCAL}/office.js`,
    es5Check: bootstrap.name,
    scriptLoading: 'defer',
    inject: 'head',
  };

  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    target: ['web', 'es2020'],
    entry: {
      taskpane: './addin/taskpane/index.tsx',
      commands: './addin/commands/commands.ts',
    },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Every page sits at the root of dist/, so chunks load relative to the page, under any path.
      publicPath: '',
      clean: true,
    },
    // Never an eval-based devtool: the pages forbid 'unsafe-eval'.
    devtool: production ? false : 'source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // highs (the planner's solver) reaches for these only under Node; in the page they are empty.
      fallback: { module: false, crypto: false, fs: false, path: false, url: false },
    },
    // `global`, `__dirname` are left alone: webpack's polyfill for `global` contains new Function.
    node: false,
    module: {
      // exceljs's browser build (package.json "browser") is a finished browserify bundle.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/,
      rules: [
        {
          // core is pure (STYLE.md): importing a module only for its exports lets production
          // tree shaking drop what the pane does not use, e.g. exceljs behind readDataSnapshot's
          // module, which the pane loads later through import().
          test: /[\\/]core[\\/].*\.ts$/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              swcrc: false,
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                target: 'es2020',
                transform: { react: { runtime: 'automatic', development: !production } },
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // The check worker's script is one file: split, its start-up loaded the parts one by one
        // (importScripts), a request each, before it could compile the catalogue for the first card.
        // Its first script is small (it asks for the catalogue's files) and loads the checking code as one more.
        chunks: (chunk) => chunk.name !== 'kaskad-check' && chunk.name !== 'kaskad-check-main',
        cacheGroups: {
          // Libraries change less often than the pane: their own files stay cached across updates.
          // Only the pages' entries: a worker's libraries (`new Worker(new URL(…))` is an entry of its own)
          // stay in the worker's files instead of growing the page's first scripts.
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', chunks: pageEntry, priority: 30 },
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: pageEntry, priority: 20 },
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 10 },
        },
      },
    },
    performance: {
      hints: production ? 'warning' : false,
      // The initial pane (without the lazily loaded exceljs/docxtemplater chunks) and any one file.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 1200 * 1024,
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith(`${OFFICE_JS_LOCAL}/`),
    },
    plugins: [
      // «node:fs» → «fs», which resolve.fallback above leaves empty in the page (highs only).
      new (require('webpack').NormalModuleReplacementPlugin)(/^node:(module|crypto|fs|path|url)$/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({ ...pageOptions, filename: 'taskpane.html', template: './addin/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ ...pageOptions, filename: 'commands.html', template: './addin/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ ...pageOptions, filename: 'help.html', template: './addin/taskpane/help.html', chunks: [], inject: false }),
      // The forms/ files of this build, which the check worker asks for beside forms/index.json (addin/app/catalogue-fetch.ts).
      new (require('webpack').DefinePlugin)({ KASKAD_BUILT_FORMS: JSON.stringify(forms.files) }),
      new EmitFilesPlugin({ 'manifest.xml': manifest, [bootstrap.name]: bootstrap.content, 'forms/index.json': forms.index }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'addin/assets/*.png', to: 'assets/[name][ext]' },
          { from: 'templates/documents/*.docx', to: 'templates/[name][ext]' },
          ...forms.files.map((name) => ({ from: `templates/forms/${name}`, to: `forms/${name}`, info: { minimized: true } })),
          ...(officeFromCdn ? [] : officeJsCopyPatterns()),
        ],
      }),
    ],
    devServer: devServer
      ? {
          port: DEV_PORT,
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' },
          static: false,
          hot: false,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};
