/**
 * Commands import what they use when they run: `kaskad --help` and `kaskad templates` load
 * neither exceljs, docxtemplater, zod nor React (the 0.5 s of exceljs alone doubled start-up);
 * `kaskad validate` reads cards without exceljs (only writing a workbook needs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/sample-workbook';

const HEAVY = /node_modules[\\/](exceljs|docxtemplater|pizzip|zod|react|react-dom|@fluentui)[\\/]/;

/** The modules a CLI run loaded, listed by the child itself when it ends. */
function loadedBy(...args: string[]): { modules: string[]; out: string; code: number | null } {
  const script = `const cli = require(${JSON.stringify(join(ROOT, 'build', 'generator', 'cli.js'))});
    process.on('exit', () => process.stderr.write('\\nMODULES ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));
    cli.main(['node', 'kaskad', ...${JSON.stringify(args)}]);`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const line = run.stderr.split('\n').find((l) => l.startsWith('MODULES ')) ?? 'MODULES []';
  return { modules: JSON.parse(line.slice('MODULES '.length)) as string[], out: run.stdout, code: run.status };
}

beforeAll(() => {
  const cli = join(ROOT, 'build', 'generator', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < statSync(join(ROOT, 'generator', 'cli', 'forms-commands.ts')).mtimeMs) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
});

describe('lazy start', () => {
  it('kaskad --help prints the commands and loads no heavy library', () => {
    const run = loadedBy('--help');
    expect(run.out).toMatch(/Команды:/);
    expect(run.out).toMatch(/validate/);
    expect(run.modules.length).toBeGreaterThan(5);
    expect(run.modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('kaskad templates lists the templates without docxtemplater or exceljs', () => {
    const run = loadedBy('templates');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^letter — /m);
    expect(run.modules.filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('kaskad validate reads cards without exceljs (core reads the sheet XML), zod and the definitions still loaded', () => {
    const run = loadedBy('validate', join(ROOT, 'templates', 'forms', 'samples', 'F1', 'F1-mo01.xlsx'));
    expect(run.out).toMatch(/F1-mo01\.xlsx/);
    expect(run.modules.some((m) => /node_modules[\\/]zod[\\/]/.test(m))).toBe(true);
    expect(run.modules.filter((m) => /node_modules[\\/]exceljs[\\/]/.test(m))).toEqual([]);
  });

  it('kaskad blank does load exceljs to write the workbook (the check is not vacuous)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaskad-lazy-'));
    try {
      const run = loadedBy('blank', 'F1', '-o', join(dir, 'F1.xlsx'));
      expect(run.code).toBe(0);
      expect(run.modules.some((m) => /node_modules[\\/]exceljs[\\/]/.test(m))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
