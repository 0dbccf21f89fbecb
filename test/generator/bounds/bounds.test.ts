/**
 * Bounds on every archive and input file, through the published binary: a template bomb, a forged
 * zip directory, a sheet over the cell cap, a huge JSON — each refused with its Russian message,
 * exit 2, and a peak RSS under 1 GB measured inside the child (process.resourceUsage().maxRSS).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bombBytes, minimalWorkbook, rawEntry, sheetXml, withParts, zeroBomb } from '../../helpers/hostile-zip';
import { makeTempDir, removeTempDir, ROOT, SAMPLE_XLSX, templateFile } from '../../helpers/sample-workbook';

interface Run {
  code: number | null;
  out: string;
  err: string;
  maxRssMb: number;
}

const ONE_GB_MB = 1024;

function kaskad(dir: string, ...args: string[]): Run {
  const rssFile = join(dir, 'max-rss.txt');
  const run = spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'helpers', 'max-rss.cjs'), join(ROOT, 'bin', 'kaskad.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, KASKAD_MAX_RSS_FILE: rssFile },
  });
  const maxRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { code: run.status, out: run.stdout, err: run.stderr, maxRssMb };
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

let dir: string;
beforeAll(() => {
  const cli = join(ROOT, 'build', 'generator', 'cli.js');
  const stale = !existsSync(cli) || statSync(cli).mtimeMs < Math.max(newestSource(join(ROOT, 'core')), newestSource(join(ROOT, 'generator')));
  if (stale)
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
});
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

function expectRefused(run: Run, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.out + run.err).toMatch(message);
  expect(run.out + run.err).not.toMatch(/Bug|uncompressed data size mismatch|RangeError|at .*\.js:\d+/);
  expect(run.maxRssMb).toBeGreaterThan(0);
  expect(run.maxRssMb).toBeLessThan(ONE_GB_MB);
}

describe('archives are unpacked under a byte counter', () => {
  it('refuses a .docx template whose extra part declares 1 GiB (a 1 MB bomb) before inflating it', () => {
    const bomb = withParts(readFileSync(templateFile('letter')), { 'word/bomb.xml': rawEntry('word/bomb.xml', zeroBomb(64), bombBytes(64)) });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    writeFileSync(join(dir, 'bomb.docx'), bomb);
    const run = kaskad(dir, 'generate', 'bomb.docx', '--like', 'letter', '--data', SAMPLE_XLSX, '-o', 'out');
    expectRefused(run, /Шаблон «bomb\.docx».*распаковывается больше чем в 20 МБ/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a template whose document.xml declares 60 KB but inflates to 1 GiB, after the declared size', () => {
    const bomb = withParts(readFileSync(templateFile('letter')), { 'word/document.xml': rawEntry('word/document.xml', zeroBomb(64), 60_000) });
    writeFileSync(join(dir, 'forged.docx'), bomb);
    const run = kaskad(dir, 'generate', 'forged.docx', '--like', 'letter', '--data', SAMPLE_XLSX, '-o', 'out');
    expectRefused(run, /Шаблон «forged\.docx».*шаблон повреждён.*размер части «word\/document\.xml» не совпадает с оглавлением архива/);
  });

  it('refuses a card whose forged directory declares 2 KB for a sheet that inflates to 1.5 GiB', () => {
    writeFileSync(join(dir, 'forged.xlsx'), minimalWorkbook(rawEntry('xl/worksheets/sheet1.xml', zeroBomb(96), 2000)));
    const run = kaskad(dir, 'validate', 'forged.xlsx');
    expectRefused(run, /forged\.xlsx.*книга повреждена.*размер части «xl\/worksheets\/sheet1\.xml» не совпадает с оглавлением архива/);
  });

  it('refuses a card that honestly declares 1 GiB for one part (total cap)', () => {
    writeFileSync(join(dir, 'big.xlsx'), minimalWorkbook(rawEntry('xl/worksheets/sheet1.xml', zeroBomb(64), bombBytes(64))));
    const run = kaskad(dir, 'validate', 'big.xlsx');
    expectRefused(run, /big\.xlsx.*распаковывается больше чем в 100 МБ/);
  });

  it('refuses a data workbook whose part inflates 1 000 times its size (ratio cap)', () => {
    // 32 MB of zeros: under the 100 MB total, far over 500 : 1.
    writeFileSync(join(dir, 'data.xlsx'), minimalWorkbook(rawEntry('xl/worksheets/sheet1.xml', zeroBomb(2), bombBytes(2))));
    const run = kaskad(dir, 'generate', 'letter', '--data', 'data.xlsx', '-o', 'out');
    expectRefused(run, /data\.xlsx.*сжат подозрительно сильно \(больше чем в 500 раз\)/);
  });
});

describe('sheets are counted from their XML before exceljs builds them', () => {
  it('refuses a sheet of 80 001 rows × 10 cells (over 800 000) naming the sheet and the limit', () => {
    writeFileSync(join(dir, 'rows.xlsx'), minimalWorkbook(sheetXml(80_001, 10)));
    const run = kaskad(dir, 'validate', 'rows.xlsx');
    expectRefused(run, /rows\.xlsx.*лист «Лист1» содержит больше 800\s000 ячеек/);
  });

  it('refuses a 1 KB sheet that merges the whole grid (A1:XFD1048576)', () => {
    writeFileSync(join(dir, 'merge.xlsx'), minimalWorkbook(sheetXml(1, 1, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')));
    const run = kaskad(dir, 'validate', 'merge.xlsx');
    expectRefused(run, /merge\.xlsx.*лист «Лист1» содержит больше 800\s000 ячеек/);
  });

  it('opens an ordinary small sheet: the workbook is read, only the form is not recognised', () => {
    writeFileSync(join(dir, 'ok.xlsx'), minimalWorkbook(sheetXml(10, 10)));
    const run = kaskad(dir, 'validate', 'ok.xlsx');
    // An unknown form, not an unreadable file: the workbook opened.
    expect(run.out + run.err).toMatch(/ok\.xlsx.*не удалось определить форму/);
    expect(run.out + run.err).not.toMatch(/ячеек —/);
  });
});

describe('a JSON data file has a size cap', () => {
  it('refuses a 60 MB .json unread, naming its size and the 50 MB limit', () => {
    const file = join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 60 * 1024 * 1024);
    const run = kaskad(dir, 'generate', 'letter', '--data', 'huge.json', '-o', 'out');
    expectRefused(run, /huge\.json.*файл JSON занимает 60,0 МБ, а допускается не больше 50 МБ/);
  });
});
