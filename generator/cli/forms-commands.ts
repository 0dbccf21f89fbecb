/**
 * The forms commands of the `kaskad` CLI: forms, blank, validate, collect. Part of the CLI shell:
 * it prints and sets process.exitCode (0 ok, 1 findings with errors, 2 bad usage or unreadable file).
 */
import { blankReferences } from '../../core/forms/blank-references';
import * as path from 'node:path';
import type { Command } from 'commander';
import { formatIssue, hasErrors, makeIssue, type Issue } from '../../core/issues';
import { messageFor } from '../../core/messages';
import { buildBlankForm } from '../../core/forms/blank-form';
import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import { displayValue } from '../../core/forms/values';
import { collectFiles } from '../forms/collect-files';
import { writeMonitoringReport } from '../monitoring-report';
import type { Dataset } from '../../core/model/schemas';
import { listWorkbooks, writeFileAtomic } from '../forms/io-files';
import { loadReferenceData } from '../forms/load-data';
import { loadDefinitions, pickDefinition } from '../forms/load-definitions';
import { validateFiles, type FileOutcome } from '../forms/validate-files';

const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

interface Common { forms?: string; data?: string; form?: string; json?: boolean; force?: boolean }

function printIssues(issues: readonly Issue[]): void {
  for (const issue of issues) console.log(formatIssue(issue));
}

function fail(issues: readonly Issue[]): void {
  for (const issue of issues) console.error(formatIssue(issue));
  process.exitCode = EXIT.unusable;
}

/** Runs a command body; anything unexpected becomes one Russian line and exit 2, never a stack trace. */
function guarded<A extends unknown[]>(body: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await body(...args);
    } catch (error) {
      console.error(`✖ ${messageFor('CLI_INTERNAL_ERROR', { detail: error instanceof Error ? error.message : String(error) })}`);
      process.exitCode = EXIT.unusable;
    }
  };
}

async function setup(opts: Common): Promise<{ definitions: FormDefinition[]; form?: FormDefinition; data?: ReferenceData; dataset?: Dataset } | undefined> {
  const loaded = await loadDefinitions(opts.forms);
  if (loaded.issues.length) { fail(loaded.issues); return undefined; }
  let form: FormDefinition | undefined;
  if (opts.form) {
    form = pickDefinition(loaded.definitions, opts.form);
    if (!form) {
      fail([makeIssue('FORM_UNKNOWN_ID', { kind: 'file', file: opts.form }, { id: opts.form, known: loaded.definitions.map((d) => d.id).join(', ') })]);
      return undefined;
    }
  }
  let data: ReferenceData | undefined;
  let dataset: Dataset | undefined;
  if (opts.data) {
    const got = await loadReferenceData(opts.data);
    if (got.unreadable || !got.data) { fail(got.issues); return undefined; }
    data = got.data;
    dataset = got.dataset;
  }
  return { definitions: loaded.definitions, form, data, dataset };
}

function printOutcome(o: FileOutcome): void {
  const name = path.basename(o.file);
  if (o.status !== 'checked' || !o.form) { printIssues(o.issues); return; }
  const errors = o.issues.filter((i) => i.severity === 'error').length;
  console.log(messageFor('CLI_FORM_CHECKED', { file: name, form: `${o.form.id} (${o.form.version})`, errors, warnings: o.issues.length - errors }));
  printIssues(o.issues);
  const s = o.score;
  if (!s) return;
  if (s.max > 0) {
    for (const sec of s.sections) console.log(messageFor('CLI_FORM_SECTION', { title: sec.title, points: displayValue(sec.points), max: displayValue(sec.max) }));
    console.log(messageFor('CLI_FORM_SCORE', { total: displayValue(s.total), max: displayValue(s.max), percent: displayValue(s.percent), level: s.level?.title ?? '' }));
  } else if (s.levelValue !== null) {
    console.log(messageFor('CLI_FORM_LEVEL', { value: displayValue(s.levelValue), level: s.level?.title ?? '' }));
  }
  for (const f of s.flags) console.log(messageFor('CLI_FORM_FLAG', { message: f.message }));
  if (o.annotated) console.log(messageFor('CLI_WRITTEN', { file: o.annotated }));
}

/**
 * Findings that mean the card cannot be read as filled (a form sheet missing, an answer cell merged
 * away, a formula error where a value belongs): exit 2 like an unreadable file, as the acceptance asks.
 */
const UNREADABLE_FORM = new Set(['SHEET_MISSING', 'FORM_MERGED_INPUT', 'FORM_FORMULA_ERROR']);

/** validate: 2 when a file or a card cannot be read; collect (which still writes its svod) counts such cards as findings. */
function exitFor(outcomes: readonly FileOutcome[], extra: readonly Issue[] = [], unreadableCards = true): number {
  const unreadable = (o: FileOutcome): boolean => o.status !== 'checked' || (unreadableCards && o.issues.some((i) => UNREADABLE_FORM.has(i.code)));
  if (outcomes.some(unreadable) || extra.some((i) => i.code === 'FILE_UNREADABLE' || i.code === 'FORM_NO_FILES')) return EXIT.unusable;
  return outcomes.some((o) => hasErrors(o.issues)) || hasErrors(extra) ? EXIT.findings : EXIT.ok;
}

export function registerFormsCommands(program: Command): void {
  program.command('forms')
    .description('список форм мониторинга (определения из templates/forms)')
    .option('--json', 'вывести в JSON')
    .option('--forms <папка>', 'папка с определениями форм')
    .action(guarded(async (opts: Common) => {
      const ready = await setup(opts);
      if (!ready) return;
      if (opts.json) {
        console.log(JSON.stringify(ready.definitions.map((d) => ({ id: d.id, version: d.version, title: d.title, methodology: d.methodology, fields: d.fields.length })), null, 2));
        return;
      }
      for (const d of ready.definitions) console.log(messageFor('CLI_FORM_LIST', { id: d.id, version: d.version, title: d.title, methodology: d.methodology }));
    }));

  program.command('blank <форма>')
    .description('пустая форма для заполнения (.xlsx с проверкой ввода)')
    .requiredOption('-o, --output <файл>', 'куда записать книгу')
    .option('--municipality <название>', 'муниципалитет (название или код из данных)')
    .option('--year <год>', 'год')
    .option('--data <файл>', 'книга данных или JSON (чтобы найти муниципалитет по коду)')
    .option('--forms <папка>', 'папка с определениями форм')
    .option('--force', 'перезаписать существующий файл')
    .action(guarded(async (formId: string, opts: Common & { output: string; municipality?: string; year?: string }) => {
      const ready = await setup({ ...opts, form: formId });
      if (!ready?.form) return;
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
        fail([makeIssue('CELL_INVALID', { kind: 'file', file: '--year' }, { header: 'год', value: opts.year ?? '', detail: 'нужен год от 2000 до 2100' })]);
        return;
      }
      const muniId = opts.municipality && ready.data ? ready.data.municipalityId(opts.municipality) : undefined;
      const municipality = muniId ? ready.data?.municipalityName(muniId) : opts.municipality;
      const bytes = await buildBlankForm(ready.form, { municipality, year, references: ready.dataset ? blankReferences(ready.dataset) : undefined });
      const problem = await writeFileAtomic(opts.output, bytes, { force: opts.force });
      if (problem) { fail([problem]); return; }
      console.log(messageFor('CLI_WRITTEN', { file: opts.output }));
    }));

  program.command('validate <файлы...>')
    .description('проверить заполненные формы: «файл, лист, ячейка: сообщение» и баллы')
    .option('--form <код>', 'форма (по умолчанию — по отметке в книге)')
    .option('--data <файл>', 'книга данных или JSON для проверок по справочникам')
    .option('--json', 'вывести в JSON')
    .option('--annotate <папка>', 'записать копии с выделенными ячейками и примечаниями')
    .option('--forms <папка>', 'папка с определениями форм')
    .option('--force', 'перезаписывать копии')
    .action(guarded(async (paths: string[], opts: Common & { annotate?: string }) => {
      const ready = await setup(opts);
      if (!ready) return;
      const listed = await listWorkbooks(paths);
      const outcomes = await validateFiles(listed.files, { ...ready, annotateDir: opts.annotate, force: opts.force });
      if (opts.json) {
        console.log(JSON.stringify({ files: outcomes.map((o) => ({ ...o, file: o.file })), issues: listed.issues }, null, 2));
      } else {
        printIssues(listed.issues);
        outcomes.forEach(printOutcome);
      }
      process.exitCode = exitFor(outcomes, listed.issues);
    }));

  program.command('collect <пути...>')
    .description('свод заполненных карт: строка на муниципалитет, уровни, красные флаги, все замечания')
    .requiredOption('-o, --output <файл>', 'куда записать свод (.xlsx)')
    .option('--form <код>', 'форма (по умолчанию — самая частая среди файлов)')
    .option('--data <файл>', 'книга данных или JSON: кто должен был прислать карту')
    .option('--json', 'вывести в JSON')
    .option('--forms <папка>', 'папка с определениями форм')
    .option('--force', 'перезаписать существующий свод')
    .option('--report <файл>', 'также справку по результатам мониторинга (.docx); реквизиты — из --data')
    .action(guarded(async (paths: string[], opts: Common & { output: string; report?: string }) => {
      const ready = await setup(opts);
      if (!ready) return;
      const listed = await listWorkbooks(paths);
      const result = await collectFiles(listed.files, { ...ready, out: opts.output, force: opts.force });
      const svodIssues = result.svod?.issues ?? [];
      if (opts.json) {
        console.log(JSON.stringify({ written: result.written, rows: result.svod?.rows ?? [], issues: [...listed.issues, ...svodIssues, ...result.issues], files: result.outcomes }, null, 2));
      } else {
        printIssues(listed.issues);
        result.outcomes.forEach(printOutcome);
        printIssues([...svodIssues, ...result.issues]);
        console.log(messageFor('CLI_SVOD_SUMMARY', {
          cards: result.outcomes.length, rows: result.svod?.rows.length ?? 0,
          missing: svodIssues.filter((i) => i.code === 'COLLECT_MISSING').length, duplicates: svodIssues.filter((i) => i.code === 'COLLECT_DUPLICATE').length,
        }));
        if (result.written) console.log(messageFor('CLI_WRITTEN', { file: result.written }));
      }
      if (opts.report && result.svod && result.definition) {
        const report = ready.dataset
          ? await writeMonitoringReport({ svod: result.svod, definition: result.definition, dataset: ready.dataset, out: opts.report, force: opts.force })
          : { issues: [makeIssue('REPORT_NEEDS_DATA', { kind: 'file', file: opts.report }, {})] };
        result.issues.push(...report.issues);
        if (!opts.json) {
          printIssues(report.issues);
          if (report.written) console.log(messageFor('CLI_WRITTEN', { file: report.written }));
        }
      }
      const unwritten = result.issues.some((i) => i.code === 'OUTPUT_UNWRITABLE' || i.code === 'OUTPUT_EXISTS' || i.code === 'REPORT_NEEDS_DATA');
      process.exitCode = unwritten ? EXIT.unusable : exitFor(result.outcomes, [...listed.issues, ...svodIssues], false);
    }));
}
