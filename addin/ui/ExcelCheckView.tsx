import { Button, makeStyles, Switch, tokens } from '@fluentui/react-components';
import type { ExcelCheck } from '../app/use-excel-check';
import { CheckDetails } from './CheckDetails';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBlockEnd: tokens.spacingVerticalS },
  status: { minHeight: '20px', margin: `${tokens.spacingVerticalXS} 0` },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0` },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface ExcelCheckViewProps {
  check: ExcelCheck;
  /** Excel reports edits here, so the switch can be offered. */
  canWatch: boolean;
}

/**
 * «Проверка» inside Excel: the open workbook is checked at once and, where Excel tells of edits, again
 * after each; the findings are listed here. Nothing is written into the workbook until the user asks.
 */
export function ExcelCheckView({ check, canWatch }: ExcelCheckViewProps) {
  const styles = useStyles();
  const { state } = check;
  const status =
    state.status === 'checking'
      ? 'Книга проверяется…'
      : state.status === 'done'
        ? state.watching
          ? 'Проверено. После правки книга проверится снова.'
          : 'Проверено.'
        : '';
  const cellFindings = state.outcome?.issues.some((i) => i.location.kind === 'cell') ?? false;
  return (
    <div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void check.check()} disabled={state.status === 'checking'}>
          Проверить
        </Button>
        <Button onClick={() => void check.highlight()} disabled={!cellFindings || state.writing || state.status === 'checking'}>
          Подсветить ячейки
        </Button>
        <Button onClick={() => void check.clearHighlights()} disabled={!state.highlighted || state.writing}>
          Снять подсветку
        </Button>
        <Button onClick={() => void check.writeSummary()} disabled={!state.outcome}>
          Записать лист «Итоги проверки»
        </Button>
      </div>
      <p className={styles.hint} data-testid="undo-hint">
        Проверка ничего не меняет в книге. {check.undoHint}
      </p>
      {canWatch && <Switch checked={state.watching} onChange={(_, data) => check.setWatching(data.checked)} label="Проверять после каждой правки" />}
      {!state.watching && state.status === 'done' && (
        <p className={styles.hint} data-testid="watch-hint">
          Правки сами не отслеживаются: после правки нажмите «Проверить».
        </p>
      )}
      {state.watching && (
        <p className={styles.hint} data-testid="watch-hint">
          {check.watchHint}
        </p>
      )}
      <p role="status" className={styles.status} data-testid="check-status">
        {status}
      </p>
      {state.error && (
        <p role="alert" className={styles.error}>
          {state.error}
        </p>
      )}
      {state.note && (
        <p role="status" data-testid="check-note">
          {state.note}
        </p>
      )}
      {state.highlighted && state.highlightStale && (
        <p className={styles.hint} data-testid="highlight-stale">
          Подсветка поставлена по прежней проверке: нажмите «Подсветить ячейки», чтобы обновить её, или «Снять подсветку».
        </p>
      )}
      {state.readNotes.map((text) => (
        <p key={text} className={styles.hint}>
          {text}
        </p>
      ))}
      {state.outcome && <CheckDetails outcome={state.outcome} snapshot={state.snapshot} onSelectCell={(issue) => void check.select(issue)} />}
    </div>
  );
}
