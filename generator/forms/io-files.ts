/** The forms commands' own file-system edge: listing inputs, reading and writing whole files. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { describeFsError } from '../io/fs-errors';
import { moveIntoPlace } from '../io/output';

export { readInput } from '../io/read-input';

/** Files named on the command line, folders expanded to their .xlsx (Excel's «~$» lock files skipped). */
export async function listWorkbooks(paths: readonly string[]): Promise<{ files: string[]; issues: Issue[] }> {
  const files: string[] = [];
  const issues: Issue[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (error) {
      issues.push(makeIssue('FILE_UNREADABLE', { kind: 'file', file: p }, { detail: describeFsError(error) }));
      continue;
    }
    if (!stat.isDirectory()) { files.push(p); continue; }
    const names = (await fs.readdir(p)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort((a, b) => a.localeCompare(b, 'ru'));
    if (names.length === 0) issues.push(makeIssue('FORM_NO_FILES', { kind: 'file', file: p }, { path: p }));
    files.push(...names.map((n) => path.join(p, n)));
  }
  return { files, issues };
}

/** Names in a folder, for loading definitions; an absent folder is an empty list. */
export async function listFolder(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort().map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/**
 * Writes `bytes` to `file` through a temporary file renamed into place; an existing file is kept
 * (OUTPUT_EXISTS) unless `force`.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: { force?: boolean } = {}): Promise<Issue | undefined> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.kaskad-tmp-${randomBytes(6).toString('hex')}-${path.basename(file)}`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(temp, bytes);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return makeIssue('OUTPUT_UNWRITABLE', { kind: 'file', file }, { detail: describeFsError(error) });
  }
  const issue = await moveIntoPlace(temp, path.resolve(file), options.force ?? false);
  if (issue) await fs.rm(temp, { force: true }).catch(() => undefined);
  return issue;
}

/** The shipped templates folder, found upwards from this module (source and build trees differ in depth). */
export async function findTemplatesDir(start = __dirname): Promise<string | undefined> {
  for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', 'forms');
    if (await fs.stat(candidate).then((s) => s.isDirectory(), () => false)) return path.join(dir, 'templates');
  }
  return undefined;
}
