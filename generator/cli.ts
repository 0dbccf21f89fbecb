/**
 * `kaskad`: the only place that parses argv, prints and exits. Commands live in generator/cli/ and
 * write to one Output (generator/cli/output.ts: results and findings on stdout, usage and internal
 * errors on stderr), which tests pass in.
 * Exit codes: 0 all made / no errors; 1 some records failed or a card has errors (the rest written);
 * 2 bad usage or input that cannot be read.
 */
import { Command, CommanderError, Help } from 'commander';
import { registerDemoCommand } from './cli/demo-command';
import { registerFormsCommands } from './cli/forms-commands';
import { registerGenerateCommands } from './cli/generate-commands';
import { registerPlanCommand } from './cli/plan-command';
import { packageVersion } from './templates-dir';
import { processOutput, type Output } from './cli/output';
import { messageFor } from '../core/messages';

const HELP_TITLES: Record<string, string> = { 'Usage:': 'Вызов:', 'Options:': 'Параметры:', 'Commands:': 'Команды:', 'Arguments:': 'Аргументы:' };
/** The placeholders commander writes into usage lines («kaskad generate [options] <template>»). */
const USAGE_WORDS: Record<string, string> = { '[options]': '[параметры]', '[command]': '[команда]' };
const russianUsage = (text: string): string => text.replace(/\[options\]|\[command\]/g, (word) => USAGE_WORDS[word] ?? word);

/** commander speaks English; the few usage errors a clerk can meet are said in Russian. */
function russianUsageError(text: string): string {
  const t = text.trim().replace(/^error: /, '');
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^required option '([^']+)' not specified/, (m) => `не указан обязательный параметр ${m[1]}.`],
    [/^missing required argument '([^']+)'/, (m) => `не указан обязательный аргумент «${m[1]}».`],
    [/^unknown command '([^']+)'/, (m) => `нет команды «${m[1]}». Список команд: kaskad --help.`],
    [/^unknown option '([^']+)'/, (m) => `неизвестный параметр ${m[1]}. Справка: kaskad <команда> --help.`],
    [/^option '([^']+)' argument missing/, (m) => `у параметра ${m[1]} не указано значение.`],
    [/^too many arguments/, () => 'лишние аргументы. Справка: kaskad <команда> --help.'],
  ];
  for (const [pattern, say] of rules) {
    const m = pattern.exec(t);
    if (m) return say(m);
  }
  return t;
}

export function buildProgram(output: Output = processOutput): Command {
  const program = new Command('kaskad')
    .description('Каскад: документы министерства и проверка форм мониторинга ШНОР')
    .version(packageVersion(), '-V, --version', 'версия')
    // `kaskad --version` before a command; after it, --version is the command's (`kaskad blank F1 --version 2024`).
    .enablePositionalOptions()
    .helpOption('-h, --help', 'справка')
    .helpCommand('help [command]', 'справка по команде')
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      commandUsage(this: Help, cmd: Command) {
        return russianUsage(Help.prototype.commandUsage.call(this, cmd));
      },
      subcommandTerm(this: Help, cmd: Command) {
        return russianUsage(Help.prototype.subcommandTerm.call(this, cmd));
      },
    })
    .configureOutput({
      writeOut: (text) => output.out(text.replace(/\n$/, '')),
      writeErr: (text) => output.err(text.replace(/\n$/, '')),
      outputError: (text) => output.err(`✖ ${russianUsageError(text)}`),
    })
    .exitOverride();
  registerGenerateCommands(program, output);
  registerFormsCommands(program, output);
  registerPlanCommand(program, output);
  registerDemoCommand(program, output);
  return program;
}

export async function main(argv: string[], output: Output = processOutput): Promise<void> {
  const program = buildProgram(output);
  // Node's zlib for every archive, set before any command runs; `--help` never loads it (nor fflate).
  program.hook('preAction', async () => {
    (await import('./io/zip-codec')).useNodeZip();
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      output.exit(error.exitCode === 0 ? 0 : 2);
      return;
    }
    output.err(`✖ ${messageFor('CLI_INTERNAL_ERROR', { detail: error instanceof Error ? error.message : String(error) })}`);
    output.exit(2);
  }
}
