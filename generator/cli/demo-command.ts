/** `kaskad demo`: the main job on the sample region. Part of the CLI shell: writes to its Output and sets the exit code. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { formatNumber } from '../../core/format/numbers';
import { messageFor } from '../../core/messages';
import { summaryLines } from '../../core/planner/summary';
import { printGenerateResult } from './generate-commands';
import { printIssues, processOutput, type Output } from './output';
import { progressBar } from './progress';

export function registerDemoCommand(program: Command, output: Output = processOutput): void {
  program
    .command('demo')
    .description('главная задача на примере области: весь пакет документов и свод карт мониторинга в out/demo')
    .option('-o, --out <папка>', 'папка результата', 'out/demo')
    .action(async (opts: { out: string }) => {
      const outDir = path.resolve(opts.out);
      const { runDemo } = await import('../demo');
      const result = await runDemo(outDir, progressBar());
      for (const step of result.steps) {
        output.out(messageFor('CLI_DEMO_STEP', { title: step.title }));
        for (const file of step.result.made) output.out(`  ${path.relative(process.cwd(), file)}`);
        printGenerateResult(output, { ...step.result, made: step.result.made }, false);
      }
      output.out(messageFor('CLI_DEMO_STEP', { title: 'Свод карт мониторинга F1 (в примерах есть намеренные ошибки)' }));
      const svod = result.svod;
      if (svod) {
        const errors = svod.outcomes.filter((o) => o.issues.some((i) => i.severity === 'error')).length;
        output.out(`  проверено карт: ${svod.outcomes.length}, с ошибками: ${errors}`);
        printIssues(output, svod.issues);
        if (svod.written) output.out(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), svod.written) }));
      }
      output.out(messageFor('CLI_DEMO_STEP', { title: 'Технологические карты (F2), дорожная карта (F3), распределение ШНОР (F7)' }));
      for (const card of result.forms) {
        const errors = card.issues.filter((i) => i.severity === 'error').length;
        const score = card.kind === 'form' ? card.score : undefined;
        const level = score?.level ? `, уровень «${score.level.title}»` : '';
        const percent = score?.levelValue !== null && score?.levelValue !== undefined ? `, ${formatNumber(score.levelValue)} %` : '';
        output.out(`  ${card.file}: ${card.kind === 'form' ? card.form.id : '—'}, ошибок ${errors}${percent}${level}`);
      }
      printIssues(output, result.report?.issues ?? []);
      if (result.report?.written) output.out(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), result.report.written) }));
      output.out(messageFor('CLI_DEMO_STEP', { title: 'Распределение ШНОР 2025 года (kaskad plan): форма F7 и приказ' }));
      printIssues(output, result.plan?.issues ?? []);
      if (result.plan?.plan) for (const line of summaryLines(result.plan.plan)) output.out(`  ${line}`);
      for (const file of result.plan?.written ?? []) output.out(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), file) }));
      output.exit(result.exitCode);
    });
}
