/** `kaskad demo`: the main job on the sample region. Part of the CLI shell: prints and sets the exit code. */
import * as path from 'node:path';
import type { Command } from 'commander';
import { formatIssue } from '../../core/issues';
import { formatNumber } from '../../core/format/numbers';
import { messageFor } from '../../core/messages';
import { printGenerateResult } from './generate-commands';
import { progressBar } from './progress';

export function registerDemoCommand(program: Command): void {
  program.command('demo')
    .description('главная задача на примере области: весь пакет документов и свод карт мониторинга в out/demo')
    .option('-o, --out <папка>', 'папка результата', 'out/demo')
    .action(async (opts: { out: string }) => {
      const outDir = path.resolve(opts.out);
      const { runDemo } = await import('../demo');
      const result = await runDemo(outDir, progressBar());
      for (const step of result.steps) {
        console.log(messageFor('CLI_DEMO_STEP', { title: step.title }));
        for (const file of step.result.made) console.log(`  ${path.relative(process.cwd(), file)}`);
        printGenerateResult({ ...step.result, made: step.result.made }, false);
      }
      console.log(messageFor('CLI_DEMO_STEP', { title: 'Свод карт мониторинга F1 (в примерах есть намеренные ошибки)' }));
      const svod = result.svod;
      if (svod) {
        const errors = svod.outcomes.filter((o) => o.issues.some((i) => i.severity === 'error')).length;
        console.log(`  проверено карт: ${svod.outcomes.length}, с ошибками: ${errors}`);
        for (const issue of svod.issues) console.error(formatIssue(issue));
        if (svod.written) console.log(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), svod.written) }));
      }
      console.log(messageFor('CLI_DEMO_STEP', { title: 'Технологические карты (F2), дорожная карта (F3), распределение ШНОР (F7)' }));
      for (const card of result.forms) {
        const errors = card.issues.filter((i) => i.severity === 'error').length;
        const level = card.score?.level ? `, уровень «${card.score.level.title}»` : '';
        const percent = card.score?.levelValue !== null && card.score?.levelValue !== undefined ? `, ${formatNumber(card.score.levelValue)} %` : '';
        console.log(`  ${path.basename(card.file)}: ${card.form?.id ?? '—'}, ошибок ${errors}${percent}${level}`);
      }
      for (const issue of result.report?.issues ?? []) console.error(formatIssue(issue));
      if (result.report?.written) console.log(messageFor('CLI_WRITTEN', { file: path.relative(process.cwd(), result.report.written) }));
      process.exitCode = result.exitCode;
    });
}
