/**
 * Terminal safety and leftovers: control characters from the data are printed escaped («\u001B»),
 * Ctrl+C (SIGINT) and kill (SIGTERM) remove the batch's temporary folder, and a later run removes
 * `.kaskad-tmp-*` folders older than a day and says so.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaledDataset } from '../../bench/scale-data';
import { escapeControlChars } from '../../core/format/control-chars';
import { formatIssue, makeIssue } from '../../core/issues';
import { makeTempDir, removeTempDir, ROOT, SAMPLE_XLSX } from '../helpers/sample-workbook';

const BIN = join(ROOT, 'bin', 'kaskad.js');

function kaskad(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let dir: string;
beforeAll(() => {
  const cli = join(ROOT, 'build', 'generator', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < statSync(join(ROOT, 'generator', 'io', 'output.ts')).mtimeMs) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
});
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

const temps = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith('.kaskad-tmp-')) : []);

describe('control characters are shown escaped', () => {
  it('escapes ESC, BEL, NUL, CR and a bidi override, keeps line feeds and Cyrillic', () => {
    expect(escapeControlChars('а\u001b[31mб\u0007\u0000\r\u202eв\nг')).toBe('а\\u001B[31mб\\u0007\\u0000\\u000D\\u202Eв\nг');
  });

  it('a value and a file name with ESC sequences are escaped in the message and its location', () => {
    const issue = makeIssue(
      'CELL_INVALID',
      { kind: 'cell', file: 'к\u001b]0;x\u0007.xlsx', sheet: 'Документы', address: 'E2' },
      { header: 'Дата', value: 'вчера\u001b[2J', detail: 'нужна дата' },
    );
    const line = formatIssue(issue);
    expect(line).toContain('Файл «к\\u001B]0;x\\u0007.xlsx», лист «Документы», ячейка E2');
    expect(line).toContain('вчера\\u001B[2J');
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('the CLI names a card whose file name holds «ESC[31m» with the sequence escaped, never raw', () => {
    const name = 'карта\u001b[31m.xlsx';
    writeFileSync(join(dir, name), 'not a workbook');
    const run = kaskad(dir, 'validate', name);
    expect(run.code).toBe(2);
    expect(run.out + run.err).toContain('Файл «карта\\u001B[31m.xlsx»: файл не является книгой Excel');
    expect(run.out + run.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('temporary folders', () => {
  it('SIGINT in the middle of a 1 000-letter mailing leaves no .kaskad-tmp-* and no document', async () => {
    const data = join(dir, 'big.json');
    writeFileSync(data, JSON.stringify(scaledDataset(1000)));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'generate', 'mailing', '--data', data, '-o', out], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the batch's temporary folder exists and holds a document, then press Ctrl+C.
    let seen = false;
    for (let i = 0; i < 1200 && !seen && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = temps(out).some((t) => readdirSync(join(out, t)).length > 0);
    }
    expect(seen).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(temps(out)).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.docx'))).toEqual([]);
  });

  it('a later run removes a .kaskad-tmp-* folder older than a day and says so, keeps a fresh one', () => {
    const out = join(dir, 'out');
    const stale = join(out, '.kaskad-tmp-stale');
    const fresh = join(out, '.kaskad-tmp-fresh');
    mkdirSync(stale, { recursive: true });
    mkdirSync(fresh);
    writeFileSync(join(stale, 'half.docx'), 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    const run = kaskad(dir, 'generate', 'letter', '--data', SAMPLE_XLSX, '-o', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain('удалены временные папки .kaskad-tmp-*, оставленные прерванными запусками больше суток назад: 1.');
    expect(temps(out)).toEqual(['.kaskad-tmp-fresh']);
  });
});
