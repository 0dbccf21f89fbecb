import { formatNumber } from '../../core/format/numbers';
import { describePlace } from '../../core/messages';
import type { CheckOutcome } from '../../core/usecases/check-workbook';

export const SUMMARY_HEADER = ['Где', 'Замечание', 'Код'] as const;

/**
 * The rows of «Итоги проверки»: a header, the form and its score, then every finding with its
 * place, message and code, as the annotated workbook lists them.
 */
export function summaryRows(outcome: CheckOutcome): string[][] {
  const rows: string[][] = [[...SUMMARY_HEADER]];
  if (outcome.kind === 'form') {
    rows.push(['Форма', `${outcome.form.title} (версия ${outcome.form.version})`, outcome.form.id]);
    const score = outcome.score;
    if (score) {
      const percent = score.percent === null ? '' : ` (${formatNumber(score.percent)} %)`;
      rows.push(['Баллы', `${formatNumber(score.total)} из ${formatNumber(score.max)}${percent}`, '']);
      if (score.level) rows.push(['Уровень', score.level.title, '']);
      for (const flag of score.flags) rows.push(['Красный флаг', flag.message, flag.id]);
    }
  }
  if (outcome.issues.length === 0) rows.push(['', 'Замечаний нет.', '']);
  for (const issue of outcome.issues)
    rows.push([describePlace(issue.location), `${issue.severity === 'error' ? 'Ошибка' : 'Предупреждение'}: ${issue.message}`, issue.code]);
  return rows;
}
