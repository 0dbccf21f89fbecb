/**
 * What `kaskad validate` and `kaskad collect` say about every sample card and the sample data
 * workbook, run in-process through the real commands (buildProgram with an Output that keeps what
 * they write) and read back from their `--json`: the door the pane must agree with.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FormScore } from '../../core/forms/score';
import type { Issue } from '../../core/issues';
import { buildProgram } from '../../generator/cli';
import { memoryOutput } from '../helpers/cli-output';
import { ROOT } from './chromium';

export const SAMPLES = path.join(ROOT, 'templates', 'forms', 'samples');
export const REGION_XLSX = path.join(ROOT, 'templates', 'data', 'sample-region.xlsx');

/** Every sample card under templates/forms/samples (all forms), folders first expanded, by path. */
export function sampleCards(dir = SAMPLES): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sampleCards(full);
      return name.endsWith('.xlsx') ? [full] : [];
    });
}

/** One file as `--json` lists it. */
export interface CliFile {
  kind: 'form' | 'data' | 'unrecognised' | 'unreadable';
  file: string;
  form?: { id: string; version: number; title: string };
  issues: Issue[];
  score?: FormScore;
}

export interface CliCollect {
  code: number;
  form: { id: string; version: number };
  issues: Issue[];
  files: CliFile[];
  svod: Uint8Array;
  report: Uint8Array;
}

/** `kaskad <args>`: the exit code and the parsed --json. */
export async function kaskadJson<T>(args: readonly string[]): Promise<{ code: number; json: T }> {
  const output = memoryOutput();
  await buildProgram(output).parseAsync(['node', 'kaskad', ...args]);
  if (output.errors.length) throw new Error(`kaskad ${args.join(' ')} wrote to stderr:\n${output.errors.join('\n')}`);
  return { code: output.code, json: JSON.parse(output.lines.join('\n')) as T };
}

export async function validateJson(files: readonly string[], data?: string): Promise<CliFile[]> {
  const run = await kaskadJson<{ files: CliFile[]; issues: Issue[] }>(['validate', '--json', ...(data ? ['--data', data] : []), ...files]);
  if (run.json.issues.length) throw new Error(`kaskad validate: ${JSON.stringify(run.json.issues)}`);
  return run.json.files;
}

/** `kaskad collect --data <data> --report …` over the files (the form most of them are of); the svod and справка read back. */
export async function collectJson(files: readonly string[], data: string): Promise<CliCollect> {
  const out = mkdtempSync(path.join(tmpdir(), 'kaskad-e2e-collect-'));
  try {
    const svodPath = path.join(out, 'svod.xlsx');
    const reportPath = path.join(out, 'report.docx');
    const run = await kaskadJson<{ form: { id: string; version: number }; issues: Issue[]; files: CliFile[] }>([
      'collect',
      '--json',
      '--data',
      data,
      '-o',
      svodPath,
      '--report',
      reportPath,
      ...files,
    ]);
    return { code: run.code, ...run.json, svod: readFileSync(svodPath), report: readFileSync(reportPath) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
