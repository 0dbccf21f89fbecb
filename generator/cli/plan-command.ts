/**
 * `kaskad plan`: propose the year's distribution of ШНОР among curators and leader schools. Part of
 * the CLI shell: prints and sets process.exitCode (0 every ШНОР has a curator; 1 a partial plan,
 * written with the reasons; 2 bad call, unreadable data or an output that exists without --force).
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { formatIssue } from '../../core/issues';
import { messageFor } from '../../core/messages';
import { summaryLines } from '../../core/planner/summary';
import { runPlan } from '../plan';

interface PlanOptions { data: string; year: string; out: string; keepLastYear?: boolean; fixed?: string; force?: boolean }

export function registerPlanCommand(program: Command): void {
  program.command('plan')
    .description('предложить распределение ШНОР между кураторами и школами-лидерами: форма F7 с пояснениями и приказ')
    .requiredOption('--data <файл>', 'книга данных .xlsx или тот же набор в .json')
    .requiredOption('--year <год>', 'год распределения (списки ШНОР этого года)')
    .requiredOption('-o, --out <файл>', 'форма F7 .xlsx; приказ записывается рядом: «<имя> — приказ.docx»')
    .option('--keep-last-year', 'сохранять пары прошлого года везде, где позволяют лимиты')
    .option('--fixed <F7.xlsx>', 'заполненная F7: её пары сохраняются как есть')
    .option('--force', 'перезаписывать существующие файлы')
    .action(async (opts: PlanOptions) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year.trim()) || year < 2000 || year > 2100) {
        console.error(`✖ ${messageFor('PLAN_YEAR_INVALID', { value: opts.year })}`);
        process.exitCode = 2;
        return;
      }
      const run = await runPlan({ data: opts.data, year, out: path.resolve(opts.out), keepLastYear: opts.keepLastYear, fixed: opts.fixed, force: opts.force });
      for (const issue of run.issues) console.error(formatIssue(issue));
      if (run.plan && run.plan.summary.shnor > 0) for (const line of summaryLines(run.plan)) console.log(line);
      for (const file of run.written) console.log(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), file) }));
      process.exitCode = run.exitCode;
    });
}
