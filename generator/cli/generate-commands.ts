/**
 * The document commands of the `kaskad` CLI: generate, templates, schema. Part of the CLI shell:
 * it writes to the Output it is given and sets the exit code (0 all made, 1 some records failed,
 * 2 bad usage or input).
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { coolRenderPool, warmRenderPool, worthWarming } from '../render-warm';
import { makeIssue } from '../../core/issues';
import { messageFor } from '../../core/messages';
import { EACH_KINDS, TEMPLATES, type Each } from '../../core/render/template-list';
// Only types here: each command imports what it runs when it runs (`kaskad --help` loads no
// exceljs, docxtemplater or zod).
import type { GenerateRequest, GenerateResult } from '../generate';
import { templatesDir } from '../templates-dir';
import { printIssues, processOutput, type Output } from './output';
import { progressBar } from './progress';
import { generateSummary } from '../../core/render/honest-counts';

interface GenerateOptions {
  data: string;
  out: string;
  each?: string;
  like?: string;
  select?: string;
  zip?: boolean;
  pdf?: boolean;
  merge?: boolean;
  force?: boolean;
  json?: boolean;
  allowFindings?: boolean;
}

/** The human summary of a generate run; --json prints the result instead. */
export function printGenerateResult(output: Output, result: GenerateResult, json: boolean): void {
  if (json) {
    output.out(JSON.stringify({ ...result, made: result.made.map((f) => path.relative(process.cwd(), f)) }, null, 2));
    return;
  }
  printIssues(output, result.issues);
  for (const skipped of result.skipped) {
    output.out(messageFor('CLI_SKIPPED', { record: skipped.record }));
    printIssues(output, skipped.issues, '  ');
  }
  if (result.exitCode === 2 && result.made.length === 0) return;
  output.out(generateSummary(result.made, result.zipped, result.skipped.length, result.ms));
}

export function requestFrom(output: Output, template: string, opts: GenerateOptions): GenerateRequest | undefined {
  if (opts.each && !EACH_KINDS.includes(opts.each as Each)) {
    printIssues(output, [makeIssue('EACH_UNKNOWN', { kind: 'template', template }, { value: opts.each })]);
    output.exit(2);
    return undefined;
  }
  return {
    template,
    data: opts.data,
    outDir: opts.out,
    each: opts.each as Each | undefined,
    like: opts.like,
    select: opts.select
      ? opts.select
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    zip: opts.zip,
    pdf: opts.pdf,
    merge: opts.merge,
    force: opts.force,
    allowFindings: opts.allowFindings,
    onProgress: opts.json ? undefined : progressBar(),
  };
}

export function registerGenerateCommands(program: Command, output: Output = processOutput): void {
  program
    .command('generate')
    .description('сделать документы по шаблону из книги данных')
    .argument('<шаблон>', 'код шаблона (см. kaskad templates) или свой файл .docx с теми же тегами')
    .requiredOption('--data <файл>', 'книга данных .xlsx или тот же набор в .json')
    .requiredOption('-o, --out <папка>', 'папка для документов')
    .option('--each <вид>', 'для своего .docx: document, municipality или school')
    .option('--like <шаблон>', 'для своего .docx: чьи данные он получает (letter, order, mailing…)')
    .option('--select <коды>', 'только эти коды, через запятую')
    .option('--zip', 'один архив .zip вместо отдельных файлов')
    .option('--pdf', 'также PDF (нужен LibreOffice)')
    .option('--merge', 'с --pdf: ещё один PDF со всеми документами по порядку — напечатать и подписать')
    .option('--force', 'перезаписывать существующие файлы')
    .option(
      '--allow-findings',
      'сделать документы, даже если данные не прошли проверки связанной формы (распределение — F7, дорожная карта — F3, технологические карты — F2)',
    )
    .option('--json', 'итог в JSON')
    .action(async (template: string, opts: GenerateOptions) => {
      const request = requestFrom(output, template, opts);
      if (!request) return;
      // A batch big enough for the render pool: its threads load their modules while this thread
      // loads its own and reads the data. A small batch renders here and spares the cores.
      if (worthWarming(request.data)) warmRenderPool();
      const { generate } = await import('../generate');
      const result = await generate(request);
      coolRenderPool();
      printGenerateResult(output, result, Boolean(opts.json));
      output.exit(result.exitCode);
    });

  program
    .command('templates')
    .description('шаблоны документов и их теги')
    .option('--json', 'вывести в JSON')
    .action(async (opts: { json?: boolean }) => {
      if (!opts.json) {
        for (const t of TEMPLATES) output.out(messageFor('CLI_TEMPLATE_LINE', { id: t.id, title: t.title, each: t.each, seed: t.seed }));
        return;
      }
      // Tags are read from the templates only for --json: the plain list needs no docxtemplater.
      const [{ readInput }, { prepareTemplate }] = await Promise.all([import('../io/read-input'), import('../../core/render/render-docx')]);
      const list = [];
      for (const t of TEMPLATES) {
        const read = await readInput(path.join(templatesDir(), 'documents', t.file));
        const prepared = read.ok ? prepareTemplate(read.bytes, t.id) : undefined;
        list.push({ ...t, tags: prepared?.ok ? prepared.template.tags : [] });
      }
      output.out(JSON.stringify(list, null, 2));
    });

  program
    .command('schema')
    .description('JSON Schema набора данных (для --data file.json)')
    .action(async () => {
      const [{ z }, { DatasetSchema }] = await Promise.all([import('zod'), import('../../core/model/schemas')]);
      output.out(JSON.stringify(z.toJSONSchema(DatasetSchema), null, 2));
    });
}
