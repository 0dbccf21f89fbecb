/**
 * `kaskad`: the only place that parses argv, prints and exits. Commands live in generator/cli/.
 * Exit codes: 0 all made / no errors; 1 some records failed or a card has errors (the rest written);
 * 2 bad usage or input that cannot be read.
 */
import { Command, CommanderError } from 'commander';
import { registerDemoCommand } from './cli/demo-command';
import { registerFormsCommands } from './cli/forms-commands';
import { registerGenerateCommands } from './cli/generate-commands';
import { packageVersion } from './templates-dir';

export function buildProgram(): Command {
  const program = new Command('kaskad')
    .description('Каскад: документы министерства и проверка форм мониторинга ШНОР')
    .version(packageVersion(), '-V, --version', 'версия')
    .helpOption('-h, --help', 'справка')
    .helpCommand('help [command]', 'справка по команде')
    .configureOutput({ outputError: (text, write) => write(`✖ ${text.replace(/^error: /, '')}`) })
    .exitOverride();
  registerGenerateCommands(program);
  registerFormsCommands(program);
  registerDemoCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    console.error(`✖ Внутренняя ошибка Каскада: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
