/** Reading a file the user named (data workbook, JSON, template): bytes or a Russian issue, never a stack trace. */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { describeFsError } from './fs-errors';

export type ReadInputResult = { ok: true; bytes: Uint8Array; name: string } | { ok: false; issues: Issue[] };

/**
 * The whole file at `file` with its base name, or FILE_UNREADABLE at {kind:'file', file} with a
 * detail such as «файл не найден», «нет доступа», «это папка».
 */
export async function readInput(file: string): Promise<ReadInputResult> {
  const unreadable = (detail: string): ReadInputResult => ({
    ok: false,
    issues: [makeIssue('FILE_UNREADABLE', { kind: 'file', file }, { detail })],
  });
  try {
    // Asked first because reading a folder fails differently on each system (EISDIR, EPERM…).
    if ((await fs.stat(file)).isDirectory()) return unreadable(describeFsError({ code: 'EISDIR' }));
    const buffer = await fs.readFile(file);
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), name: path.basename(file) };
  } catch (error) {
    return unreadable(describeFsError(error));
  }
}
