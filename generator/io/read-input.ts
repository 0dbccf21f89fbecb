/** Reading a file the user named (data workbook, JSON, template): bytes or a Russian issue, never a stack trace. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { describeFsError } from './fs-errors';

/** No card, data workbook or template comes near this on disk; a bigger file is refused unread. */
export const MAX_INPUT_MB = 100;
/** A .json data file: its parsed objects take several times the text, so the cap is lower. */
export const MAX_JSON_MB = 50;

export interface ReadInputOptions {
  /** Refuse a file larger than this many MB (default MAX_INPUT_MB) with FILE_TOO_BIG_ON_DISK, or JSON_TOO_LARGE for `json`. */
  maxMb?: number;
  json?: boolean;
}

export type ReadInputResult = { ok: true; bytes: Uint8Array; name: string } | { ok: false; issues: Issue[] };

/**
 * The whole file at `file` with its base name, or FILE_UNREADABLE at {kind:'file', file} with a
 * detail such as «файл не найден», «нет доступа», «это папка».
 */
export async function readInput(file: string, options: ReadInputOptions = {}): Promise<ReadInputResult> {
  const unreadable = (detail: string): ReadInputResult => ({
    ok: false,
    issues: [makeIssue('FILE_UNREADABLE', { kind: 'file', file }, { detail })],
  });
  try {
    // Asked first because reading a folder fails differently on each system (EISDIR, EPERM…).
    // Synchronous on purpose: a card is read whole in well under a millisecond, and the promise
    // machinery of fs/promises (stat + readFile) cost more than the read itself.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return unreadable(describeFsError({ code: 'EISDIR' }));
    const limitMb = options.maxMb ?? (options.json ? MAX_JSON_MB : MAX_INPUT_MB);
    if (stat.size > limitMb * 1024 * 1024) {
      const sizeMb = (stat.size / 1024 / 1024).toFixed(1).replace('.', ',');
      const code = options.json ? 'JSON_TOO_LARGE' : 'FILE_TOO_BIG_ON_DISK';
      return { ok: false, issues: [makeIssue(code, { kind: 'file', file }, { limitMb, sizeMb })] };
    }
    const buffer = fs.readFileSync(file);
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), name: path.basename(file) };
  } catch (error) {
    return unreadable(describeFsError(error));
  }
}
