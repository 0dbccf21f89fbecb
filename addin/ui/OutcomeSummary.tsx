import { makeStyles, tokens } from '@fluentui/react-components';
import { countOf, type PluralForms } from '../../core/format/numbers';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
import { countBySeverity } from '../app/issue-groups';

const ERROR_FORMS: PluralForms = { one: 'ошибка', few: 'ошибки', many: 'ошибок' };
const WARNING_FORMS: PluralForms = { one: 'предупреждение', few: 'предупреждения', many: 'предупреждений' };
const RECORD_FORMS: PluralForms = { one: 'запись', few: 'записи', many: 'записей' };

const useStyles = makeStyles({
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0` },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** «3 ошибки, 1 предупреждение», or that nothing was found. */
export function describeCounts(outcome: CheckOutcome): string {
  const { errors, warnings } = countBySeverity(outcome.issues);
  if (errors === 0 && warnings === 0) return 'Замечаний нет';
  const parts = [];
  if (errors > 0) parts.push(countOf(errors, ERROR_FORMS));
  if (warnings > 0) parts.push(countOf(warnings, WARNING_FORMS));
  return parts.join(', ');
}

export function outcomeTitle(outcome: CheckOutcome): string {
  switch (outcome.kind) {
    case 'form':
      return `${outcome.form.title} (версия ${outcome.form.version})`;
    case 'data': {
      const d = outcome.dataset;
      const records = d.documents.length + d.schools.length + d.municipalities.length + d.people.length;
      return `Книга данных: ${countOf(records, RECORD_FORMS)} (документы, школы, муниципалитеты, люди)`;
    }
    case 'definition':
      return outcome.definition
        ? `Определение формы ${outcome.definition.id} (${outcome.definition.version}): «${outcome.definition.title}» — карты этой формы проверяются по нему`
        : 'Определение формы с ошибками — не принято';
    case 'unrecognised':
      return 'Форма не распознана';
    case 'unreadable':
      return 'Файл не открылся';
  }
}

/** What a file is, short enough for a column: «F1 (2024)», «книга данных». */
export function outcomeLabel(outcome: CheckOutcome): string {
  switch (outcome.kind) {
    case 'form':
      return `${outcome.form.id} (${outcome.form.version})`;
    case 'data':
      return 'книга данных';
    case 'definition':
      return outcome.definition ? `определение ${outcome.definition.id} (${outcome.definition.version})` : 'определение с ошибками';
    case 'unrecognised':
      return 'не распознана';
    case 'unreadable':
      return 'не открылся';
  }
}

export function OutcomeSummary({ outcome }: { outcome: CheckOutcome }) {
  const styles = useStyles();
  const { errors } = countBySeverity(outcome.issues);
  return (
    <div>
      <h2 className={styles.title}>{outcomeTitle(outcome)}</h2>
      <p className={errors > 0 ? styles.bad : styles.ok} data-testid="check-counts">
        {describeCounts(outcome)}
      </p>
    </div>
  );
}
