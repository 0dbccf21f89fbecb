/**
 * The numbers a run reports, counted honestly: documents and PDFs apart («создано 43 документа и
 * 43 PDF»), a zip with the documents it holds, skipped records with where their reasons are, and —
 * when every record was left out for errors in the data — that, not «в данных нет ни одной записи».
 */
import { countOf, DOCUMENT_FORMS, formatNumber, type PluralForms } from '../format/numbers';
import { hasErrors, makeIssue, type Issue } from '../issues';
import { messageFor } from '../messages';

const PDF_FORMS: PluralForms = { one: 'PDF', few: 'PDF', many: 'PDF' };
const ERROR_FORMS: PluralForms = { one: 'ошибка', few: 'ошибки', many: 'ошибок' };

/** «Готово: создано 43 документа и 43 PDF, пропущено 0, время 2,1 с.» */
export function generateSummary(made: readonly string[], zipped: number | undefined, skipped: number, ms: number): string {
  const name = (f: string): string => f.split(/[\\/]/).pop() ?? f;
  const zip = made.find((f) => /\.zip$/i.test(f));
  const madeText =
    zip && zipped !== undefined
      ? messageFor('CLI_MADE_ZIP', { zip: name(zip), documents: countOf(zipped, DOCUMENT_FORMS) })
      : messageFor('CLI_MADE_FILES', {
          documents: countOf(made.filter((f) => /\.docx$/i.test(f)).length, DOCUMENT_FORMS),
          pdfs: made.some((f) => /\.pdf$/i.test(f)) ? countOf(made.filter((f) => /\.pdf$/i.test(f)).length, PDF_FORMS) : '',
        });
  return messageFor('CLI_GENERATE_DONE', {
    made: madeText,
    skipped: skipped > 0 ? messageFor('CLI_SKIPPED_WHY', { count: formatNumber(skipped) }) : '0',
    seconds: formatNumber(Math.round(ms / 100) / 10),
  });
}

/** The plan's findings, with «в данных нет ни одной записи» replaced when the records were there but left out for errors. */
export function nothingLeft(planIssues: readonly Issue[], dataIssues: readonly Issue[], template: string): Issue[] {
  if (!planIssues.some((i) => i.code === 'NOTHING_TO_MAKE') || !hasErrors(dataIssues)) return [...planIssues];
  const errors = dataIssues.filter((i) => i.severity === 'error').length;
  return planIssues.map((i) =>
    i.code === 'NOTHING_TO_MAKE' ? makeIssue('NOTHING_LEFT', i.location, { template, count: countOf(errors, ERROR_FORMS) }) : i,
  );
}

/**
 * The pane's line under a template's documents, in the words of `kaskad generate`: «Готово: 3
 * документа из 4, пропущено 1 (причины — у документов в списке)»; when the data's errors left
 * none of the template's records, that and how many errors — never «0 документов из 0».
 */
export function documentsStatus(plan: { documents: ReadonlyArray<{ bytes?: Uint8Array }>; issues: readonly Issue[] }): string {
  if (plan.documents.length === 0) {
    if (!plan.issues.some((i) => i.code === 'NOTHING_LEFT')) return messageFor('DOCUMENTS_NONE', {});
    const errors = plan.issues.filter((i) => i.severity === 'error' && i.code !== 'NOTHING_LEFT').length;
    return messageFor('DOCUMENTS_NONE_LEFT', { count: countOf(errors, ERROR_FORMS) });
  }
  const ready = plan.documents.filter((d) => d.bytes).length;
  return messageFor('DOCUMENTS_READY', {
    ready: countOf(ready, DOCUMENT_FORMS),
    total: plan.documents.length,
    skipped: plan.documents.length - ready,
  });
}
