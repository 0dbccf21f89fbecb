/**
 * The render pool's threads started ahead (generator/render-warm.ts): `kaskad generate` starts them
 * before it loads its own modules when the data file is big enough to make a pool batch likely.
 * Warm threads given the template later make exactly the documents renderDocument makes; warm
 * threads nobody takes neither hold the process back nor change its output. Runs the compiled
 * build (a warm thread loads build/generator/render-worker.js), in a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/sample-workbook';

const BUILD = path.join(ROOT, 'build', 'generator');

beforeAll(() => {
  const warm = path.join(BUILD, 'render-warm.js');
  if (!existsSync(warm) || statSync(warm).mtimeMs < statSync(path.join(ROOT, 'generator', 'render-warm.ts')).mtimeMs) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
});

/** Runs `script` (CommonJS, with BUILD and ROOT defined) in a fresh Node process; its stdout is JSON. */
function child(script: string): { code: number | null; result: unknown; err: string } {
  const run = spawnSync(process.execPath, ['-e', `const BUILD = ${JSON.stringify(BUILD)}; const ROOT = ${JSON.stringify(ROOT)};\n${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  return { code: run.status, result: last ? JSON.parse(last) : undefined, err: run.stderr };
}

describe('warm render threads', () => {
  it('take the template later and make the same bytes as renderDocument, in job order', () => {
    const run = child(`
      const fs = require('node:fs');
      const path = require('node:path');
      const warm = require(path.join(BUILD, 'render-warm.js'));
      warm.warmRenderPool(2);
      const started = warm.warmThreads();
      const { openRenderPool } = require(path.join(BUILD, 'render-pool.js'));
      const { prepareTemplate, renderDocument } = require(path.join(ROOT, 'build', 'core', 'render', 'render-docx.js'));
      const { useNodeZip } = require(path.join(BUILD, 'io', 'zip-codec.js'));
      const { deflateRawSync } = require('node:zlib');
      useNodeZip();
      const template = new Uint8Array(fs.readFileSync(path.join(ROOT, 'templates', 'documents', 'letter.docx')));
      const core = (...p) => require(path.join(ROOT, 'build', 'core', ...p));
      const loaded = core('model', 'read-dataset-json.js').readDatasetJson(fs.readFileSync(path.join(ROOT, 'templates', 'data', 'sample-region.json'), 'utf8'), 'sample-region.json');
      const { findTemplate, planJobs } = core('render', 'template-catalog.js');
      const seed = planJobs(findTemplate('letter'), core('render', 'contexts', 'dataset-index.js').indexDataset(loaded.dataset), { select: ['d5112'] }).jobs[0];
      // Letter № 5112 renumbered, and every fifth without its number: a missing value comes back as issues.
      const jobs = Array.from({ length: 40 }, (_, i) => ({ record: 'd5112-' + (i + 1), data: { ...structuredClone(seed.data), number: i % 5 === 4 ? undefined : '5112/' + (i + 1) } }));
      const at = '2026-12-01T10:00:00Z';
      (async () => {
        const pool = openRenderPool(template, 'letter', { size: 2, generatedAt: at });
        const left = warm.warmThreads();
        const made = [];
        for await (const r of pool.render(jobs)) made.push(r);
        await pool.close();
        const prepared = prepareTemplate(template, 'letter').template;
        const same = made.map((r, i) => {
          const here = renderDocument(prepared, jobs[i].data, jobs[i].record, { deflateRaw: (d) => deflateRawSync(d, { level: 6 }), generatedAt: at });
          if (r.ok !== here.ok) return false;
          if (!r.ok) return JSON.stringify(r.issues) === JSON.stringify(here.issues);
          return Buffer.compare(Buffer.from(r.bytes), Buffer.from(here.bytes)) === 0;
        });
        console.log(JSON.stringify({ started, left, mode: pool.mode, count: made.length, ok: made.filter((r) => r.ok).length, same: same.every(Boolean) }));
      })();
    `);
    expect(run.err).toBe('');
    expect(run.result).toEqual({ started: 2, left: 0, mode: 'threads', count: 40, ok: 32, same: true });
  });

  it('nobody takes them: the process still ends by itself, with its own exit code', () => {
    const run = child(`
      const path = require('node:path');
      const warm = require(path.join(BUILD, 'render-warm.js'));
      warm.warmRenderPool(2);
      console.log(JSON.stringify({ waiting: warm.warmThreads() }));
      process.exitCode = 3;
    `);
    expect(run.result).toEqual({ waiting: 2 });
    expect(run.code).toBe(3);
  });

  it('are started only for a data file of 1 MB or more, or not at all with KASKAD_NO_WARM=1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kaskad-warm-'));
    try {
      writeFileSync(path.join(dir, 'small.json'), '{}');
      writeFileSync(path.join(dir, 'big.json'), ' '.repeat(1024 * 1024));
      const script = (env: string) => `
        process.env.KASKAD_NO_WARM = ${JSON.stringify(env)};
        const { worthWarming } = require(require('node:path').join(BUILD, 'render-warm.js'));
        const dir = ${JSON.stringify(dir)};
        console.log(JSON.stringify(['small.json', 'big.json', 'missing.json'].map((f) => worthWarming(dir + '/' + f))));
      `;
      expect(child(script('')).result).toEqual([false, true, false]);
      expect(child(script('1')).result).toEqual([false, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
