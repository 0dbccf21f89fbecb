/**
 * Atomic output. Documents are written into a hidden folder inside the target folder and renamed
 * into place only at the end, so a crash or Ctrl+C never leaves a half-written .docx among the
 * results, and an existing file is kept unless the user asked for --force.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { describeFsError, errorCode } from './fs-errors';

export interface OutputOptions {
  /** Replace files that already exist instead of reporting OUTPUT_EXISTS. */
  force?: boolean;
}

export interface CommitResult {
  /** Full paths of the files now in place, in the order they were written. */
  written: string[];
  issues: Issue[];
}

/** A batch of files on its way into one folder. */
export interface OutputBatch {
  readonly dir: string;
  /** Whether `name` already exists in the folder (so the generator can report before rendering). */
  exists(name: string): Promise<boolean>;
  /** The OUTPUT_EXISTS issue `name` would get at commit, or undefined (always undefined with force). */
  conflict(name: string): Promise<Issue | undefined>;
  /** Writes into the temporary folder; nothing appears in `dir` before commit. */
  write(name: string, bytes: Uint8Array): Promise<Issue | undefined>;
  /** Moves every written file into `dir` and removes the temporary folder. */
  commit(): Promise<CommitResult>;
  /** Drops everything written and removes the temporary folder. */
  abort(): Promise<void>;
}

/** `notices`: warnings worth telling (stale temporary folders removed). */
export type OpenOutputResult = { ok: true; output: OutputBatch; notices: Issue[] } | { ok: false; issues: Issue[] };

export const TEMP_PREFIX = '.kaskad-tmp-';
/** A temporary folder this old was left by a run that was killed: the next run removes it. */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/**
 * Temporary folders and files of batches in progress. On Ctrl+C (SIGINT) or kill (SIGTERM) they
 * are removed before the process ends, so an interrupted run leaves nothing behind.
 */
const liveTemps = new Set<string>();
let signalsHooked = false;

function removeLiveTemps(): void {
  for (const temp of liveTemps) {
    try {
      // A write still in flight on libuv's pool may add a file while the folder is being
      // emptied (ENOTEMPTY): retried a few times rather than left behind.
      rmSync(temp, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Best effort: a later run removes what is left once it is a day old.
    }
  }
  liveTemps.clear();
}

function track(temp: string): void {
  liveTemps.add(temp);
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removeLiveTemps();
      process.exit(code);
    });
  }
}

function untrack(temp: string): void {
  liveTemps.delete(temp);
}

/** Removes `.kaskad-tmp-*` entries of `dir` older than a day; returns how many went. */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const full = path.join(dir, name);
    const stat = await fs.lstat(full).catch(() => undefined);
    if (!stat || now - stat.mtimeMs < STALE_TEMP_MS || liveTemps.has(full)) continue;
    await removeQuietly(full);
    if (!(await pathExists(full))) removed++;
  }
  return removed;
}

/** What link() answers on file systems that have no hard links (FAT, exFAT, some shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL']);

const fileIssue = (file: string, error: unknown): Issue => makeIssue('OUTPUT_UNWRITABLE', { kind: 'file', file }, { detail: describeFsError(error) });

const existsIssue = (file: string): Issue => makeIssue('OUTPUT_EXISTS', { kind: 'file', file }, { file: path.basename(file) });

async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** File moves in flight at once when a batch is committed. */
const COMMIT_PARALLEL = 16;

/** `task` over every item, at most `limit` running at once; results in the items' order. */
async function mapInBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** A leftover temporary folder is hidden and harmless; failing the batch over it would not be. */
async function removeQuietly(target: string): Promise<void> {
  await fs.rm(target, { recursive: true, force: true }).catch(() => undefined);
}

function assertPlainName(name: string): void {
  if (name === '' || name === '.' || name === '..' || /[\\/]/.test(name) || name.startsWith(TEMP_PREFIX)) {
    throw new Error(`not a plain file name: ${JSON.stringify(name)}`);
  }
}

/**
 * Moves `from` to `to` (same file system) and returns OUTPUT_EXISTS or OUTPUT_UNWRITABLE
 * instead of throwing. Without force the move fails with EEXIST instead of replacing: a hard
 * link is the one atomic "create if absent" rename offers. File systems without hard links
 * (FAT, some network shares) fall back to check-then-rename, with a tiny race.
 */
export async function moveIntoPlace(from: string, to: string, force: boolean): Promise<Issue | undefined> {
  try {
    if (force) {
      await fs.rename(from, to);
      return undefined;
    }
    const linked = await fs.link(from, to).then(
      () => true,
      (error: unknown) => {
        if (errorCode(error) === 'EEXIST') return 'exists' as const;
        if (NO_HARD_LINKS.has(errorCode(error) ?? '')) return false;
        throw error;
      },
    );
    if (linked === 'exists') return existsIssue(to);
    if (linked) {
      // The file is in place; a temporary name left behind goes with the temporary folder.
      await fs.unlink(from).catch(() => undefined);
      return undefined;
    }
    if (await pathExists(to)) return existsIssue(to);
    await fs.rename(from, to);
    return undefined;
  } catch (error) {
    return fileIssue(to, error);
  }
}

/**
 * Opens `dir` (created if missing) for a batch of files. Returns OUTPUT_UNWRITABLE when the
 * folder cannot be created or written to.
 */
export async function openOutput(dir: string, options: OutputOptions = {}): Promise<OpenOutputResult> {
  const force = options.force ?? false;
  let tempDir: string;
  try {
    await fs.mkdir(dir, { recursive: true });
    tempDir = await fs.mkdtemp(path.join(dir, TEMP_PREFIX));
    track(tempDir);
  } catch (error) {
    // mkdir answers EEXIST for a file standing where the folder should be.
    const isFile = await fs.stat(dir).then(
      (s) => !s.isDirectory(),
      () => false,
    );
    return { ok: false, issues: [fileIssue(dir, isFile ? { code: 'ENOTDIR' } : error)] };
  }

  const stale = await removeStaleTemps(dir);
  const notices = stale > 0 ? [makeIssue('CLI_STALE_TEMP_REMOVED', { kind: 'file', file: dir }, { count: stale }, 'warning')] : [];
  const written = new Set<string>();
  let closed = false;
  const assertOpen = (): void => {
    if (closed) throw new Error('the output batch is already committed or aborted');
  };

  const output: OutputBatch = {
    dir,
    async exists(name) {
      assertPlainName(name);
      return pathExists(path.join(dir, name));
    },
    async conflict(name) {
      if (force || !(await output.exists(name))) return undefined;
      return existsIssue(path.join(dir, name));
    },
    async write(name, bytes) {
      assertOpen();
      assertPlainName(name);
      try {
        await fs.writeFile(path.join(tempDir, name), bytes);
        written.add(name);
        return undefined;
      } catch (error) {
        return fileIssue(path.join(dir, name), error);
      }
    },
    async commit() {
      assertOpen();
      closed = true;
      const result: CommitResult = { written: [], issues: [] };
      // Names are distinct, so the moves do not depend on each other: a few at a time keep the
      // disk busy (one by one, 1 000 letters waited 0.2 s here). Reported in the batch's order.
      const names = [...written];
      const moved = await mapInBatches(names, COMMIT_PARALLEL, (name) => moveIntoPlace(path.join(tempDir, name), path.join(dir, name), force));
      moved.forEach((issue, index) => {
        if (issue) result.issues.push(issue);
        else result.written.push(path.join(dir, names[index]!));
      });
      await removeQuietly(tempDir);
      untrack(tempDir);
      return result;
    },
    async abort() {
      if (closed) return;
      closed = true;
      await removeQuietly(tempDir);
      untrack(tempDir);
    },
  };
  return { ok: true, output, notices };
}

/**
 * Writes one file (a .zip, an .xlsx) so that it appears whole or not at all: a temporary file
 * beside it, flushed to disk, then renamed. Without force an existing file is kept and
 * OUTPUT_EXISTS returned.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: OutputOptions = {}): Promise<Issue | undefined> {
  const force = options.force ?? false;
  const dir = path.dirname(file);
  if (!force && (await pathExists(file))) return existsIssue(file);
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${path.basename(file)}`);
  track(temp);
  try {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await removeQuietly(temp);
    untrack(temp);
    return fileIssue(file, error);
  }
  const issue = await moveIntoPlace(temp, file, force);
  await removeQuietly(temp);
  untrack(temp);
  return issue;
}
