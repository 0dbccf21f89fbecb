/**
 * `kaskad plan`: propose the year's distribution of ШНОР among curators and leader schools. Part of
 * the CLI shell: writes to its Output and sets the exit code (0 every ШНОР has a curator; 1 a partial plan,
 * written with the reasons; 2 bad call, unreadable data or an output that exists without --force).
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { messageFor } from '../../core/messages';
import { summaryLines } from '../../core/planner/summary';
import { printIssues, processOutput, type Output } from './output';

interface PlanOptions {
  data: string;
  year?: string;
  out: string;
  keepLastYear?: boolean;
  fixed?: string;
  force?: boolean;
}

export function registerPlanCommand(program: Command, output: Output = processOutput): void {
  program
    .command('plan')
    .description('предложить распределение ШНОР между кураторами и школами-лидерами: форма F7 с пояснениями и приказ')
    .requiredOption('--data <файл>', 'книга данных .xlsx или тот же набор в .json')
    .option('--year <год>', 'год распределения (списки ШНОР этого года); без него — самый новый год ШНОР в данных')
    .requiredOption('-o, --out <файл>', 'форма F7 .xlsx; приказ записывается рядом: «<имя> — приказ.docx»')
    .option('--keep-last-year', 'сохранять пары прошлого года везде, где позволяют лимиты')
    .option('--fixed <F7.xlsx>', 'заполненная F7: её пары сохраняются как есть')
    .option('--force', 'перезаписывать существующие файлы')
    .action(async (opts: PlanOptions) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (opts.year !== undefined && (!/^\d{4}$/.test(opts.year.trim()) || year! < 2000 || year! > 2100)) {
        output.err(`✖ ${messageFor('PLAN_YEAR_INVALID', { value: opts.year })}`);
        output.exit(2);
        return;
      }
      // The planner (HiGHS, exceljs, docxtemplater) is loaded when the command runs, never for `--help`.
      const { runPlan } = await import('../plan');
      const run = await runPlan({
        data: opts.data,
        ...(year === undefined ? {} : { year }),
        out: path.resolve(opts.out),
        keepLastYear: opts.keepLastYear,
        fixed: opts.fixed,
        force: opts.force,
      });
      if (run.year?.chosen) output.out(messageFor('PLAN_YEAR_CHOSEN', { year: run.year.value }));
      printIssues(output, run.issues);
      if (run.plan && run.plan.summary.shnor > 0) for (const line of summaryLines(run.plan)) output.out(line);
      for (const file of run.written) output.out(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), file) }));
      output.exit(run.exitCode);
    });
}
