/**
 * The document commands of the `kaskad` CLI: generate, templates, schema. Part of the CLI shell:
 * it prints and sets process.exitCode (0 all made, 1 some records failed, 2 bad usage or input).
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { formatIssue, type Issue } from '../../core/issues';
import { messageFor } from '../../core/messages';
import { DatasetSchema } from '../../core/model/schemas';
import { prepareTemplate } from '../../core/render/render-docx';
import { EACH_KINDS, TEMPLATES, type Each } from '../../core/render/template-catalog';
import { generate, type GenerateRequest, type GenerateResult } from '../generate';
import { readInput } from '../io/read-input';
import { templatesDir } from '../templates-dir';
import { progressBar } from './progress';
import { generateSummary } from '../../core/render/honest-counts';

interface GenerateOptions {
  data: string; out: string; each?: string; like?: string; select?: string; zip?: boolean; pdf?: boolean; force?: boolean; json?: boolean; allowFindings?: boolean;
}

function printIssues(issues: readonly Issue[], stream: (line: string) => void = console.error): void {
  for (const issue of issues) stream(formatIssue(issue));
}

/** The human summary of a generate run; --json prints the result instead. */
export function printGenerateResult(result: GenerateResult, json: boolean): void {
  if (json) {
    console.log(JSON.stringify({ ...result, made: result.made.map((f) => path.relative(process.cwd(), f)) }, null, 2));
    return;
  }
  printIssues(result.issues);
  for (const skipped of result.skipped) {
    console.error(messageFor('CLI_SKIPPED', { record: skipped.record }));
    printIssues(skipped.issues, (line) => console.error(`  ${line}`));
  }
  if (result.exitCode === 2 && result.made.length === 0) return;
  console.log(generateSummary(result.made, result.zipped, result.skipped.length, result.ms));
}

export function requestFrom(template: string, opts: GenerateOptions): GenerateRequest | undefined {
  if (opts.each && !EACH_KINDS.includes(opts.each as Each)) {
    console.error(`✖ ${messageFor('EACH_UNKNOWN', { value: opts.each })}`);
    process.exitCode = 2;
    return undefined;
  }
  return {
    template, data: opts.data, outDir: opts.out, each: opts.each as Each | undefined, like: opts.like,
    select: opts.select ? opts.select.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    zip: opts.zip, pdf: opts.pdf, force: opts.force, allowFindings: opts.allowFindings,
    onProgress: opts.json ? undefined : progressBar(),
  };
}

export function registerGenerateCommands(program: Command): void {
  program.command('generate')
    .description('сделать документы по шаблону из книги данных')
    .argument('<шаблон>', 'код шаблона (см. kaskad templates) или свой файл .docx с теми же тегами')
    .requiredOption('--data <файл>', 'книга данных .xlsx или тот же набор в .json')
    .requiredOption('-o, --out <папка>', 'папка для документов')
    .option('--each <вид>', 'для своего .docx: document, municipality или school')
    .option('--like <шаблон>', 'для своего .docx: чьи данные он получает (letter, order, mailing…)')
    .option('--select <коды>', 'только эти коды, через запятую')
    .option('--zip', 'один архив .zip вместо отдельных файлов')
    .option('--pdf', 'также PDF (нужен LibreOffice)')
    .option('--force', 'перезаписывать существующие файлы')
    .option('--allow-findings', 'сделать документы, даже если данные не прошли проверки связанной формы (распределение — F7)')
    .option('--json', 'итог в JSON')
    .action(async (template: string, opts: GenerateOptions) => {
      const request = requestFrom(template, opts);
      if (!request) return;
      const result = await generate(request);
      printGenerateResult(result, Boolean(opts.json));
      process.exitCode = result.exitCode;
    });

  program.command('templates')
    .description('шаблоны документов и их теги')
    .option('--json', 'вывести в JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = [];
      for (const t of TEMPLATES) {
        const read = await readInput(path.join(templatesDir(), 'documents', t.file));
        const prepared = read.ok ? prepareTemplate(read.bytes, t.id) : undefined;
        list.push({ ...t, tags: prepared?.ok ? prepared.template.tags : [] });
      }
      if (opts.json) console.log(JSON.stringify(list, null, 2));
      else for (const t of list) console.log(messageFor('CLI_TEMPLATE_LINE', { id: t.id, title: t.title, each: t.each, seed: t.seed }));
    });

  program.command('schema')
    .description('JSON Schema набора данных (для --data file.json)')
    .action(() => {
      console.log(JSON.stringify(z.toJSONSchema(DatasetSchema), null, 2));
    });
}
