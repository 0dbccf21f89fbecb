import { buildProgram } from '../../../generator/cli';
import { memoryOutput } from '../../helpers/cli-output';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kaskad <args>` in-process with an Output that keeps what the commands write and the exit code. */
export async function runCli(args: string[]): Promise<CliRun> {
  const output = memoryOutput();
  try {
    await buildProgram(output).parseAsync(['node', 'kaskad', ...args]);
  } catch (error) {
    // commander's own refusals (an unknown option) end the parse; main() maps them to exit 2.
    if (!(error instanceof Error && 'exitCode' in error)) throw error;
    output.exit(2);
  }
  return { code: output.code, out: output.lines.join('\n'), err: output.errors.join('\n') };
}
