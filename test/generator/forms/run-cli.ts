import { Command } from 'commander';
import { registerFormsCommands } from '../../../generator/cli/forms-commands';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kaskad <args>` in-process, capturing what the forms commands print and the exit code. */
export async function runCli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  process.exitCode = 0;
  try {
    const program = new Command('kaskad').exitOverride();
    registerFormsCommands(program);
    await program.parseAsync(['node', 'kaskad', ...args]);
    return { code: Number(process.exitCode ?? 0), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}
