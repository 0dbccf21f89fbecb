/**
 * Where the `kaskad` commands write. Everything a command reports — each finding, the per-file
 * lines, scores, summaries, `--json` — goes to `out` (stdout), so `kaskad validate … > отчёт.txt`
 * keeps all of it; `err` (stderr) carries only what is not a result: usage errors, an internal
 * error, the progress bar. Tests pass their own Output and read the lines back.
 */
import { formatIssue, type Issue } from '../../core/issues';

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** The documented exit code: 0 ok; 1 some records failed / findings with errors; 2 bad call or unreadable input. */
  exit(code: number): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => {
    process.exitCode = code;
  },
};

/** The one printer of findings: «✖ Лист «…», ячейка C5: …», one per line, on `out`. */
export function printIssues(output: Output, issues: readonly Issue[], indent = ''): void {
  for (const issue of issues) output.out(`${indent}${formatIssue(issue)}`);
}
