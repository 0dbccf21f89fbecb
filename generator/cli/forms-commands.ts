/**
 * The forms commands of the `kaskad` CLI: forms, blank, validate, collect. Part of the CLI shell:
 * it writes to the Output it is given and sets the exit code (0 ok, 1 findings with errors, 2 bad
 * usage or unreadable file; which finding blocks what is core/usecases/blocking.ts).
 */
import type { Command } from 'commander';
import { formatIssue, makeIssue, type Issue } from '../../core/issues';
import { messageFor } from '../../core/messages';
import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import { displayValue } from '../../core/forms/values';
import type { Dataset } from '../../core/model/schemas';
import { listWorkbooks, writeFileAtomic } from '../forms/io-files';
// Only types here for the heavy modules: each command imports what it runs when it runs (exceljs,
// docxtemplater, zod), so `kaskad --help` loads none of them.
import type { FileOutcome } from '../forms/validate-files';
import { exitCodeOf } from '../../core/usecases/blocking';
import { printIssues, processOutput, type Output } from './output';

const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

interface Common {
  forms?: string;
  data?: string;
  form?: string;
  json?: boolean;
  force?: boolean;
}

/** The commands' shared steps, each writing to the one Output. */
function commandKit(output: Output) {
  const fail = (issues: readonly Issue[]): void => {
    printIssues(output, issues);
    output.exit(EXIT.unusable);
  };

  /** Runs a command body; anything unexpected becomes one Russian line and exit 2, never a stack trace. */
  const guarded =
    <A extends unknown[]>(body: (...args: A) => Promise<void>): ((...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await body(...args);
      } catch (error) {
        output.err(`✖ ${messageFor('CLI_INTERNAL_ERROR', { detail: error instanceof Error ? error.message : String(error) })}`);
        output.exit(EXIT.unusable);
      }
    };

  /**
   * Definitions first: a broken file of the catalogue is printed and skipped (the command goes on
   * with the others and ends with exit 1); no usable definition at all is exit 2.
   */
  const setup = async (
    opts: Common & { version?: string },
    /** How the user named the form: `--form`, or blank's `<форма>` argument. */
    formOption = '--form',
  ): Promise<
    { definitions: FormDefinition[]; definitionIssues: Issue[]; form?: FormDefinition; data?: ReferenceData; dataset?: Dataset } | undefined
  > => {
    const { loadDefinitions, pickDefinition } = await import('../forms/load-definitions');
    const loaded = await loadDefinitions(opts.forms);
    if (loaded.unusable) {
      fail(loaded.issues);
      return undefined;
    }
    // With --json, stdout stays one JSON document: the skipped definitions are told on stderr (and the exit code is 1).
    if (opts.json) for (const issue of loaded.issues) output.err(formatIssue(issue));
    else printIssues(output, loaded.issues);
    let form: FormDefinition | undefined;
    if (opts.form) {
      const version = opts.version === undefined ? undefined : Number(opts.version);
      form = pickDefinition(loaded.definitions, opts.form, version);
      if (!form && version !== undefined && pickDefinition(loaded.definitions, opts.form)) {
        const known = loaded.definitions
          .filter((d) => d.id.toUpperCase() === opts.form?.trim().toUpperCase())
          .map((d) => d.version)
          .sort()
          .join(', ');
        fail([
          makeIssue(
            'FORM_UNKNOWN_VERSION',
            { kind: 'option', option: '--version', value: opts.version ?? '' },
            { id: opts.form, version: opts.version ?? '', known },
          ),
        ]);
        return undefined;
      }
      if (!form) {
        fail([
          makeIssue(
            'FORM_UNKNOWN_ID',
            { kind: 'option', option: formOption, value: opts.form },
            { id: opts.form, known: [...new Set(loaded.definitions.map((d) => d.id))].join(', ') },
          ),
        ]);
        return undefined;
      }
    }
    let data: ReferenceData | undefined;
    let dataset: Dataset | undefined;
    if (opts.data) {
      const { loadReferenceData } = await import('../forms/load-data');
      const got = await loadReferenceData(opts.data);
      if (got.unreadable || !got.data) {
        fail(got.issues);
        return undefined;
      }
      data = got.data;
      dataset = got.dataset;
    }
    return { definitions: loaded.definitions, definitionIssues: loaded.issues, form, data, dataset };
  };

  /** The run's exit code; a skipped definition file is a finding (exit 1), never an unreadable input: the cards are still checked. */
  const exitWith = (code: 0 | 1 | 2, definitionIssues: readonly Issue[]): void =>
    output.exit(code === 0 && definitionIssues.some((i) => i.severity === 'error') ? 1 : code);

  const printOutcome = (o: FileOutcome): void => {
    const errors = o.issues.filter((i) => i.severity === 'error').length;
    const warnings = o.issues.length - errors;
    if (o.kind === 'data') output.out(messageFor('CLI_DATA_CHECKED', { file: o.file, errors, warnings }));
    if (o.kind !== 'form') {
      printIssues(output, o.issues);
      return;
    }
    output.out(messageFor('CLI_FORM_CHECKED', { file: o.file, form: `${o.form.id} (${o.form.version})`, errors, warnings }));
    printIssues(output, o.issues);
    const s = o.score;
    if (s && s.max > 0) {
      for (const sec of s.sections)
        output.out(messageFor('CLI_FORM_SECTION', { title: sec.title, points: displayValue(sec.points), max: displayValue(sec.max) }));
      output.out(
        messageFor('CLI_FORM_SCORE', {
          total: displayValue(s.total),
          max: displayValue(s.max),
          percent: displayValue(s.percent),
          level: s.level?.title ?? '',
        }),
      );
    } else if (s && s.levelValue !== null) {
      output.out(messageFor('CLI_FORM_LEVEL', { value: displayValue(s.levelValue), level: s.level?.title ?? '' }));
    }
    for (const f of s?.flags ?? []) output.out(messageFor('CLI_FORM_FLAG', { message: f.message }));
    if (o.annotated) output.out(messageFor('CLI_WRITTEN', { file: o.annotated }));
  };

  return { fail, guarded, setup, printOutcome, exitWith };
}

/** A checked file as `--json` shows it: the data workbook's records are not repeated (they are the file). */
function jsonOutcome(o: FileOutcome): object {
  if (o.kind !== 'data') return o;
  const { dataset: _dataset, ...rest } = o;
  return rest;
}

/** Every finding of the run: each file's, then the run's own. */
const allIssues = (outcomes: readonly FileOutcome[], ...more: ReadonlyArray<readonly Issue[]>): Issue[] => [
  ...outcomes.flatMap((o) => o.issues),
  ...more.flat(),
];

export function registerFormsCommands(program: Command, output: Output = processOutput): void {
  const { fail, guarded, setup, printOutcome, exitWith } = commandKit(output);
  program
    .command('forms')
    .description('список форм мониторинга (определения из templates/forms)')
    .option('--json', 'вывести в JSON')
    .option('--forms <папка>', 'папка с определениями форм')
    .action(
      guarded(async (opts: Common) => {
        const ready = await setup(opts);
        if (!ready) return;
        if (opts.json) {
          output.out(
            JSON.stringify(
              ready.definitions.map((d) => ({ id: d.id, version: d.version, title: d.title, methodology: d.methodology, fields: d.fields.length })),
              null,
              2,
            ),
          );
        } else {
          for (const d of ready.definitions)
            output.out(messageFor('CLI_FORM_LIST', { id: d.id, version: d.version, title: d.title, methodology: d.methodology }));
        }
        exitWith(0, ready.definitionIssues);
      }),
    );

  program
    .command('blank <форма>')
    .description('пустая форма для заполнения (.xlsx с проверкой ввода)')
    .requiredOption('-o, --output <файл>', 'куда записать книгу')
    .option('--municipality <название>', 'муниципалитет (название или код из данных)')
    .option('--year <год>', 'год')
    .option('--data <файл>', 'книга данных или JSON (чтобы найти муниципалитет по коду)')
    .option('--version <год>', 'версия формы (год методики); без неё — самая новая')
    .option('--forms <папка>', 'папка с определениями форм')
    .option('--force', 'перезаписать существующий файл')
    .action(
      guarded(async (formId: string, opts: Common & { output: string; municipality?: string; year?: string; version?: string }) => {
        const ready = await setup({ ...opts, form: formId }, '<форма>');
        if (!ready?.form) return;
        const year = opts.year === undefined ? undefined : Number(opts.year);
        if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
          fail([
            makeIssue(
              'CELL_INVALID',
              { kind: 'option', option: '--year', value: opts.year ?? '' },
              { header: 'год', value: opts.year ?? '', detail: 'нужен год от 2000 до 2100' },
            ),
          ]);
          return;
        }
        const muniId = opts.municipality && ready.data ? ready.data.municipalityId(opts.municipality) : undefined;
        const municipality = muniId ? ready.data?.municipalityName(muniId) : opts.municipality;
        const [{ buildBlankForm }, { blankReferences }] = await Promise.all([
          import('../../core/forms/blank-form'),
          import('../../core/forms/blank-references'),
        ]);
        const bytes = await buildBlankForm(ready.form, {
          municipality,
          year,
          references: ready.dataset ? blankReferences(ready.dataset) : undefined,
        });
        const problem = await writeFileAtomic(opts.output, bytes, { force: opts.force });
        if (problem) {
          fail([problem]);
          return;
        }
        output.out(messageFor('CLI_WRITTEN', { file: opts.output }));
        exitWith(0, ready.definitionIssues);
      }),
    );

  program
    .command('validate <файлы...>')
    .description('проверить заполненные формы: «файл, лист, ячейка: сообщение» и баллы')
    .option('--form <код>', 'форма (по умолчанию — по отметке в книге)')
    .option('--data <файл>', 'книга данных или JSON для проверок по справочникам')
    .option('--json', 'вывести в JSON')
    .option('--annotate <папка>', 'записать копии с выделенными ячейками и примечаниями')
    .option('--forms <папка>', 'папка с определениями форм')
    .option('--force', 'перезаписывать копии')
    .action(
      guarded(async (paths: string[], opts: Common & { annotate?: string }) => {
        const ready = await setup(opts);
        if (!ready) return;
        const listed = await listWorkbooks(paths);
        const { validateFiles } = await import('../forms/validate-files');
        const outcomes = await validateFiles(listed.files, { ...ready, annotateDir: opts.annotate, force: opts.force });
        if (opts.json) {
          output.out(JSON.stringify({ files: outcomes.map(jsonOutcome), issues: listed.issues }, null, 2));
        } else {
          printIssues(output, listed.issues);
          outcomes.forEach(printOutcome);
        }
        exitWith(exitCodeOf(allIssues(outcomes, listed.issues), { cardsBlock: true }), ready.definitionIssues);
      }),
    );

  program
    .command('collect <пути...>')
    .description('свод заполненных карт: строка на муниципалитет, уровни, красные флаги, все замечания')
    .requiredOption('-o, --output <файл>', 'куда записать свод (.xlsx)')
    .option('--form <код>', 'форма (по умолчанию — самая частая среди файлов)')
    .option('--data <файл>', 'книга данных или JSON: кто должен был прислать карту')
    .option('--json', 'вывести в JSON')
    .option('--forms <папка>', 'папка с определениями форм')
    .option('--force', 'перезаписать существующий свод')
    .option('--report <файл>', 'также справку по результатам мониторинга (.docx); реквизиты — из --data')
    .action(
      guarded(async (paths: string[], opts: Common & { output: string; report?: string }) => {
        const ready = await setup(opts);
        if (!ready) return;
        const listed = await listWorkbooks(paths);
        const [{ collectFiles }, { writeMonitoringReport }] = await Promise.all([import('../forms/collect-files'), import('../monitoring-report')]);
        const result = await collectFiles(listed.files, { ...ready, out: opts.output, force: opts.force });
        const svodIssues = result.svod?.issues ?? [];
        const report =
          opts.report && result.svod && result.definition
            ? ready.dataset
              ? await writeMonitoringReport({
                  svod: result.svod,
                  definition: result.definition,
                  versions: result.versions,
                  dataset: ready.dataset,
                  out: opts.report,
                  force: opts.force,
                })
              : { issues: [makeIssue('REPORT_NEEDS_DATA', { kind: 'file', file: opts.report }, {})] }
            : undefined;
        if (report) result.issues.push(...report.issues);
        if (opts.json) {
          output.out(
            JSON.stringify(
              {
                written: result.written,
                report: report?.written,
                form: result.definition && { id: result.definition.id, version: result.definition.version },
                rows: (result.versions ?? []).flatMap((v) => v.svod.rows),
                versions: (result.versions ?? []).map((v) => ({ version: v.version, rows: v.svod.rows.length })),
                issues: [...listed.issues, ...svodIssues, ...result.issues],
                files: result.outcomes.map(jsonOutcome),
              },
              null,
              2,
            ),
          );
        } else {
          printIssues(output, listed.issues);
          result.outcomes.forEach(printOutcome);
          printIssues(output, [...svodIssues, ...result.issues]);
          output.out(
            messageFor('CLI_SVOD_SUMMARY', {
              cards: result.outcomes.length,
              rows: (result.versions ?? []).reduce((n, v) => n + v.svod.rows.length, 0),
              missing: svodIssues.filter((i) => i.code === 'COLLECT_MISSING').length,
              duplicates: svodIssues.filter((i) => i.code === 'COLLECT_DUPLICATE').length,
            }),
          );
          if (result.written) output.out(messageFor('CLI_WRITTEN', { file: result.written }));
          if (report?.written) output.out(messageFor('CLI_WRITTEN', { file: report.written }));
        }
        exitWith(exitCodeOf(allIssues(result.outcomes, listed.issues, svodIssues, result.issues), { cardsBlock: false }), ready.definitionIssues);
      }),
    );
}
