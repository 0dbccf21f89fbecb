/**
 * PDF through LibreOffice (soffice --headless --convert-to pdf). Runs in chunks, one after the
 * other, with a private profile so that a LibreOffice the user has open neither blocks nor is
 * disturbed. PDFs land in a hidden folder first and are moved into place only from a chunk that
 * finished, so a killed LibreOffice never leaves a half-written PDF among the results.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeIssue, type Issue } from '../../core/issues';
import { describeFsError } from './fs-errors';
import { moveIntoPlace, TEMP_PREFIX, writeFileAtomic } from './output';

export interface FindSofficeOptions {
  /** Defaults to process.env.PATH. */
  pathEnv?: string;
  /** Where LibreOffice is installed when it is not on PATH. */
  fallbacks?: readonly string[];
}

export interface ConvertOptions {
  /** Documents per LibreOffice run: one start costs seconds, one crash loses a whole chunk. */
  chunkSize?: number;
  /** Per chunk; past it LibreOffice and its children are killed. */
  timeoutMs?: number;
  /** Replace PDFs that already exist instead of reporting OUTPUT_EXISTS. */
  force?: boolean;
  /** A soffice to use instead of looking for one. */
  soffice?: string;
}

export interface ConvertResult {
  /** Full paths of the PDFs now in outDir. */
  made: string[];
  issues: Issue[];
}

const DEFAULT_FALLBACKS: readonly string[] = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/snap/bin/libreoffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
];

const isWindows = process.platform === 'win32';
const RESTART_REQUESTED = 81;

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** soffice or libreoffice on PATH, else a usual install location; undefined when there is none. */
export function findSoffice(options: FindSofficeOptions = {}): string | undefined {
  const names = isWindows ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (options.pathEnv ?? process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return (options.fallbacks ?? DEFAULT_FALLBACKS).find(isExecutable);
}

interface RunOutcome {
  timedOut: boolean;
  /** Could not start at all (ENOENT, EACCES…). */
  spawnError?: unknown;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs soffice once; on timeout kills the whole process tree, not only the launcher. spawn, not
 * execFile: execFile does not pass `detached` on, and the tree is only reachable as a group.
 */
function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let timedOut = false;
    let stderr = '';
    // Own process group on Unix: soffice is a script that starts oosplash, which starts
    // soffice.bin; killing only the first would leave the converter running.
    const child = spawn(soffice, args, { detached: !isWindows, windowsHide: true, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      const pid = child.pid;
      if (pid === undefined) return;
      if (isWindows) spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore' }).on('error', () => undefined);
      else {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, timeoutMs);
    child.on('error', (spawnError) => {
      clearTimeout(timer);
      resolve({ timedOut, spawnError, exitCode: null, signal: null, stderr });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ timedOut, exitCode, signal, stderr });
    });
  });
}

/** «a.docx, b.docx, c.docx и ещё 22» */
function listNames(files: readonly string[]): string {
  const shown = files
    .slice(0, 3)
    .map((f) => path.basename(f))
    .join(', ');
  return files.length > 3 ? `${shown} и ещё ${files.length - 3}` : shown;
}

function failureDetail(outcome: RunOutcome, chunk: readonly string[], timeoutMs: number): string {
  const documents = `документы: ${listNames(chunk)}`;
  if (outcome.timedOut) return `LibreOffice не уложился в ${Math.round(timeoutMs / 1000)} с и остановлен; ${documents}`;
  if (outcome.spawnError !== undefined) return `LibreOffice не запустился (${describeFsError(outcome.spawnError)})`;
  const lastLine = outcome.stderr.trim().split('\n').pop()?.trim().slice(0, 200) ?? '';
  const code = outcome.exitCode !== null ? `код ${outcome.exitCode}` : `сигнал ${outcome.signal ?? '?'}`;
  return `LibreOffice завершился с ошибкой (${code}${lastLine ? `: ${lastLine}` : ''}); ${documents}`;
}

/**
 * Converts .docx files to PDF in `outDir` (created if missing), `chunkSize` per LibreOffice
 * run, sequentially. PDF_UNAVAILABLE when there is no LibreOffice; PDF_FAILED once per chunk
 * that crashed or timed out (its PDFs are dropped) and once per document a finished run did not
 * convert; OUTPUT_EXISTS for a PDF already in outDir, unless force.
 */
export async function convertToPdf(docxPaths: readonly string[], outDir: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const { chunkSize = 25, timeoutMs = 180_000, force = false } = options;
  const result: ConvertResult = { made: [], issues: [] };
  if (docxPaths.length === 0) return result;
  const soffice = options.soffice !== undefined ? (isExecutable(options.soffice) ? options.soffice : undefined) : findSoffice();
  if (soffice === undefined) {
    result.issues.push(makeIssue('PDF_UNAVAILABLE', { kind: 'file', file: outDir }, {}, 'warning'));
    return result;
  }

  let profile: string | undefined;
  let staging: string | undefined;
  try {
    await fs.mkdir(outDir, { recursive: true });
    profile = await fs.mkdtemp(path.join(os.tmpdir(), 'kaskad-libreoffice-'));
    staging = await fs.mkdtemp(path.join(outDir, TEMP_PREFIX));
  } catch (error) {
    result.issues.push(makeIssue('OUTPUT_UNWRITABLE', { kind: 'file', file: outDir }, { detail: describeFsError(error) }));
    await removeQuietly(profile);
    return result;
  }

  const step = Math.max(1, Math.floor(chunkSize));
  const profileUrl = pathToFileURL(profile).href;
  try {
    for (let start = 0; start < docxPaths.length; start += step) {
      const chunk = docxPaths.slice(start, start + step).map((p) => path.resolve(p));
      const chunkDir = await fs.mkdtemp(path.join(staging, 'chunk-'));
      const args = [
        '--headless',
        '--norestore',
        '--nolockcheck',
        `-env:UserInstallation=${profileUrl}`,
        '--convert-to',
        'pdf',
        '--outdir',
        chunkDir,
        ...chunk,
      ];
      let outcome = await runSoffice(soffice, args, timeoutMs);
      // 81: some versions stop after creating a fresh profile and ask to be started again.
      if (outcome.exitCode === RESTART_REQUESTED) outcome = await runSoffice(soffice, args, timeoutMs);
      if (outcome.timedOut || outcome.spawnError !== undefined || outcome.exitCode !== 0) {
        result.issues.push(makeIssue('PDF_FAILED', { kind: 'file', file: outDir }, { detail: failureDetail(outcome, chunk, timeoutMs) }));
      } else {
        await placeChunk(chunk, chunkDir, outDir, force, result);
      }
      await removeQuietly(chunkDir);
    }
  } catch (error) {
    result.issues.push(makeIssue('OUTPUT_UNWRITABLE', { kind: 'file', file: outDir }, { detail: describeFsError(error) }));
  } finally {
    await removeQuietly(staging);
    await removeQuietly(profile);
  }
  return result;
}

/** Moves a finished chunk's PDFs into outDir; a document without its PDF is PDF_FAILED. */
async function placeChunk(chunk: readonly string[], chunkDir: string, outDir: string, force: boolean, result: ConvertResult): Promise<void> {
  for (const docx of chunk) {
    const pdfName = `${path.parse(docx).name}.pdf`;
    const made = path.join(chunkDir, pdfName);
    if (!(await isFile(made))) {
      result.issues.push(makeIssue('PDF_FAILED', { kind: 'file', file: docx }, { detail: 'LibreOffice не создал PDF' }));
      continue;
    }
    const target = path.join(outDir, pdfName);
    const issue = await moveIntoPlace(made, target, force);
    if (issue) result.issues.push(issue);
    else result.made.push(target);
  }
}

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function removeQuietly(target: string | undefined): Promise<void> {
  if (target !== undefined) await fs.rm(target, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * One PDF of the whole batch, the documents in the given order (pdf-lib copies their pages as they
 * are), written atomically. A PDF that cannot be read is reported and left out; the rest still come.
 */
export async function mergePdfs(
  files: readonly string[],
  out: string,
  options: { force?: boolean } = {},
): Promise<{ written?: string; pages: number; issues: Issue[] }> {
  const { PDFDocument } = await import('pdf-lib');
  const merged = await PDFDocument.create();
  const issues: Issue[] = [];
  for (const file of files) {
    try {
      const source = await PDFDocument.load(await fs.readFile(file));
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    } catch {
      issues.push(makeIssue('MERGE_PDF_UNREADABLE', { kind: 'file', file: path.basename(file) }, { file: path.basename(file) }));
    }
  }
  const pages = merged.getPageCount();
  if (pages === 0) return { pages, issues };
  const failure = await writeFileAtomic(out, await merged.save(), { force: options.force });
  return failure ? { pages, issues: [...issues, failure] } : { written: out, pages, issues };
}

/**
 * Where the appendices of a converted document begin: the 0-based pages of its PDF outline
 * entries whose title starts with «Приложение» (the templates give the appendix caption an outline
 * level, which LibreOffice exports as a bookmark), in order, and the page count. Undefined when
 * the PDF cannot be read.
 */
export async function appendixStarts(pdfFile: string): Promise<{ starts: number[]; pages: number } | undefined> {
  const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = await import('pdf-lib');
  try {
    const doc = await PDFDocument.load(await fs.readFile(pdfFile));
    const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
    const starts: number[] = [];
    let item = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
    for (let guard = 0; item && guard < 10_000; guard++) {
      const title = item.lookup(PDFName.of('Title'));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      const dest = item.lookup(PDFName.of('Dest')) ?? item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
      const page = dest instanceof PDFArray ? pageOf.get(String(dest.get(0))) : undefined;
      if (/^Приложение/.test(text.trim()) && page !== undefined) starts.push(page);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    return { starts, pages: doc.getPageCount() };
  } catch {
    return undefined;
  }
}
