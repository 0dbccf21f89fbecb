/** The forms commands' own file-system edge: listing inputs, reading and writing whole files. */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { compareNatural } from '../../core/format/natural-sort';
import { makeIssue, type Issue } from '../../core/issues';
import { describeFsError } from '../io/fs-errors';

import { templatesDir } from '../templates-dir';

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
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const names = (await fs.readdir(p)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.')).sort(compareNatural);
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

export { writeFileAtomic } from '../io/output';

/** The shipped templates folder (see generator/templates-dir.ts), or undefined when it is missing. */
export async function findTemplatesDir(): Promise<string | undefined> {
  try {
    return templatesDir();
  } catch {
    return undefined;
  }
}
