import type { Output } from '../../generator/cli/output';

/** An Output that keeps what a command wrote: stdout lines, stderr lines and the exit code. */
export function memoryOutput(): Output & { lines: string[]; errors: string[]; code: number } {
  const memory = {
    lines: [] as string[],
    errors: [] as string[],
    code: 0,
    out: (line: string) => void memory.lines.push(line),
    err: (line: string) => void memory.errors.push(line),
    exit: (code: number) => {
      memory.code = code;
    },
  };
  return memory;
}
