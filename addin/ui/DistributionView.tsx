import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { formatIssue } from '../../core/issues';
import { summaryLines } from '../../core/planner/summary';
import { saveFile, XLSX_MIME } from '../app/download';
import { plannableYears, useDistribution } from '../app/use-distribution';
import type { DataSource } from './DocumentsView';
import { FilePicker } from './FilePicker';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DistributionViewProps {
  source?: DataSource;
  onOpenData?(files: File[]): void;
  onReadWorkbook?(): void;
  readingWorkbook?: boolean;
  browserPageUrl?: string;
}

const useStyles = makeStyles({
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBlock: tokens.spacingVerticalS },
  summary: { margin: `${tokens.spacingVerticalXS} 0` },
  problem: { color: tokens.colorPaletteRedForeground1, margin: `${tokens.spacingVerticalXXS} 0 0`, fontSize: tokens.fontSizeBase200 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** «Распределение»: from the data, who supports which ШНОР — the summary first, then the F7 and the order to download. */
export function DistributionView({ source, onOpenData, onReadWorkbook, readingWorkbook, browserPageUrl }: DistributionViewProps) {
  const styles = useStyles();
  const { state, plan, stop } = useDistribution();
  const years = useMemo(() => (source ? plannableYears(source.dataset) : []), [source]);
  const [year, setYear] = useState<number>();
  const [note, setNote] = useState('');
  useEffect(() => {
    setYear(years[0]);
  }, [years]);
  const afterSave = browserPageUrl ? ` Если Excel не сохранил файл, откройте эту же страницу в браузере: ${browserPageUrl}` : '';
  const save = (name: string, bytes: Uint8Array, mime: string) => {
    saveFile(name, bytes, mime);
    setNote(`Сохранён файл «${name}».${afterSave}`);
  };
  const ready = state.status === 'ready' ? state : undefined;

  return (
    <div>
      <p className={styles.intro}>
        Кураторы и школы-лидеры для каждой ШНОР года — с учётом лимитов, соседства муниципалитетов и пар прошлого года (решатель HiGHS работает на
        этом компьютере).
      </p>
      <div className={styles.row}>
        {onOpenData && <FilePicker label="Открыть книгу данных…" onFiles={onOpenData} disabled={readingWorkbook} />}
        {onReadWorkbook && (
          <Button onClick={onReadWorkbook} disabled={readingWorkbook}>
            {source ? 'Перечитать книгу' : 'Прочитать открытую книгу'}
          </Button>
        )}
      </div>
      {source && <p data-testid="distribution-source">Данные: «{source.name}»</p>}
      {!source && !readingWorkbook && (
        <p role="status">Откройте книгу данных: нужны листы «Списки школ», «Люди» (роль «куратор», «Лимит ШНОР») и «Распределение» прошлого года.</p>
      )}
      {source && years.length === 0 && <p role="alert">В «Списках школ» нет ни одной ШНОР — распределять нечего.</p>}
      {source && years.length > 0 && (
        <div className={styles.row}>
          <Field label="Год">
            <Select value={String(year ?? years[0])} onChange={(_, data) => setYear(Number(data.value))} data-testid="distribution-year">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={state.status === 'working'}
            onClick={() => void plan(source.dataset, year ?? years[0]!)}
            data-testid="distribution-plan"
          >
            Составить распределение
          </Button>
        </div>
      )}
      {state.status === 'working' && (
        <div className={styles.row}>
          <p role="status">Решатель подбирает пары за {state.year} год…</p>
          <Button onClick={stop} data-testid="distribution-stop">
            Остановить
          </Button>
        </div>
      )}
      {state.status === 'stopped' && <p role="status">Распределение за {state.year} год остановлено — пары не подобраны.</p>}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
      {ready && (
        <section aria-label="Итоги распределения" data-testid="distribution-summary">
          {summaryLines(ready.result.plan).map((line) => (
            <p key={line} className={styles.summary}>
              {line}
            </p>
          ))}
          {ready.result.issues.map((issue, i) => (
            <p key={i} role={issue.severity === 'error' ? 'alert' : undefined} className={styles.problem}>
              {formatIssue(issue)}
            </p>
          ))}
          <div className={styles.row}>
            {ready.result.f7.length > 0 && (
              <Button
                appearance="primary"
                data-testid="distribution-save-f7"
                onClick={() => save(`Распределение ${ready.year} (F7).xlsx`, ready.result.f7, XLSX_MIME)}
              >
                Скачать форму F7 с пояснениями
              </Button>
            )}
            {ready.result.order && (
              <Button
                data-testid="distribution-save-order"
                onClick={() => save(`Приказ о распределении ${ready.year}.docx`, ready.result.order!.bytes, DOCX_MIME)}
              >
                Скачать приказ
              </Button>
            )}
          </div>
        </section>
      )}
      {note && (
        <p role="status" className={styles.hint}>
          {note}
        </p>
      )}
    </div>
  );
}
