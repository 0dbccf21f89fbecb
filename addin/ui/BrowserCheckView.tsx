import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { countBySeverity } from '../app/issue-groups';
import { loadEngine } from '../app/load-engine';
import { saveFile, XLSX_MIME } from '../app/download';
import type { CheckedFiles } from '../app/use-checked-files';
import { safeFileName } from '../../core/format/file-names';
import { CheckDetails } from './CheckDetails';
import { FilePicker } from './FilePicker';
import { SvodPanel } from './SvodPanel';
import { outcomeLabel, outcomeTitle } from './OutcomeSummary';
import { cssColor } from './ScoreCard';
import { countOf, formatNumber, type PluralForms } from '../../core/format/numbers';
import type { Dataset } from '../../core/model/schemas';

const FILE_FORMS: PluralForms = { one: 'файл', few: 'файла', many: 'файлов' };

/** «с ошибками — 14 файлов, без замечаний — 28 файлов»: the batch at a glance. */
function batchLine(files: CheckedFiles['files']): string {
  const withErrors = files.filter((f) => countBySeverity(f.outcome.issues).errors > 0).length;
  const clean = files.filter((f) => f.outcome.issues.length === 0).length;
  const warningsOnly = files.length - withErrors - clean;
  const parts = [`с ошибками — ${countOf(withErrors, FILE_FORMS)}`];
  if (warningsOnly > 0) parts.push(`только с предупреждениями — ${countOf(warningsOnly, FILE_FORMS)}`);
  parts.push(`без замечаний — ${countOf(clean, FILE_FORMS)}`);
  return `${parts.join(', ')}.`;
}

/** Scored forms with two cards or more among the checked files: what a svod can be made of. */
function svodForms(files: CheckedFiles['files']): Array<{ id: string; title: string }> {
  const counts = new Map<string, { id: string; title: string; n: number }>();
  for (const f of files) {
    if (f.outcome.kind !== 'form' || !f.outcome.score) continue;
    const entry = counts.get(f.outcome.form.id) ?? { id: f.outcome.form.id, title: f.outcome.form.title, n: 0 };
    entry.n++;
    counts.set(entry.id, entry);
  }
  return [...counts.values()].filter((c) => c.n >= 2);
}

/** The latest data workbook among the checked files. */
function dataOf(files: CheckedFiles['files']): { name: string; dataset: Dataset } | undefined {
  const file = [...files].reverse().find((f) => f.outcome.kind === 'data');
  return file?.outcome.kind === 'data' ? { name: file.name, dataset: file.outcome.dataset } : undefined;
}

const useStyles = makeStyles({
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  status: { minHeight: '20px', margin: `${tokens.spacingVerticalS} 0` },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, marginBlockEnd: tokens.spacingVerticalM },
  cell: { padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'start', verticalAlign: 'top' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', marginInlineEnd: tokens.spacingHorizontalXS, border: `1px solid ${tokens.colorNeutralStroke1}` },
  fileButton: {
    border: 'none', background: 'transparent', padding: 0, font: 'inherit', color: tokens.colorBrandForegroundLink,
    textDecoration: 'underline', cursor: 'pointer', textAlign: 'start',
  },
  current: { fontWeight: tokens.fontWeightSemibold },
});

/** Browser mode «Проверка»: open cards from disk (one or a municipality's whole set), see each one's findings. */
export function BrowserCheckView({ checked }: { checked: CheckedFiles }) {
  const styles = useStyles();
  const [currentId, setCurrentId] = useState<number>();
  const [note, setNote] = useState('');
  const current = checked.files.find((f) => f.id === currentId) ?? checked.files[checked.files.length - 1];
  const busy = checked.progress !== undefined;

  const open = async (files: File[]) => {
    setNote('');
    const added = await checked.open(files);
    const first = added[0];
    if (first) setCurrentId(first.id);
  };

  const downloadAnnotated = async () => {
    if (!current) return;
    const bytes = await (await loadEngine()).annotateFile(current.name, current.bytes, current.outcome.issues);
    if (!bytes) return setNote('Не удалось подготовить книгу с замечаниями: файл не открылся повторно.');
    const base = current.name.replace(/\.xlsx$/i, '');
    saveFile(safeFileName(`${base} — замечания`, '.xlsx', new Set()), bytes, XLSX_MIME);
    setNote('Книга с замечаниями скачана: проблемные ячейки закрашены, в примечаниях — что исправить, на листе «Замечания Каскада» — весь список.');
  };

  const status = checked.progress
    ? `Проверено ${checked.progress.done} из ${checked.progress.total}…`
    : checked.files.length > 0 ? `Проверено файлов: ${checked.files.length}` : '';

  return (
    <div>
      <p className={styles.intro}>Откройте заполненную форму или книгу данных. Файлы читаются на этом компьютере и никуда не отправляются.</p>
      <FilePicker label="Открыть книгу Excel…" multiple disabled={busy} onFiles={(files) => void open(files)} />
      <p role="status" className={styles.status} data-testid="check-status" data-busy={busy ? 'true' : 'false'}>{status}</p>
      {note && <p role="status">{note}</p>}
      {checked.files.length > 1 && !busy && <p data-testid="batch-summary">{batchLine(checked.files)}</p>}
      {!busy && svodForms(checked.files).map((form) => (
        <SvodPanel key={form.id} formId={form.id} title={form.title} files={checked.files} data={dataOf(checked.files)} />
      ))}
      {checked.files.length > 1 && (
        <table className={styles.table} aria-label="Проверенные файлы">
          <thead>
            <tr>
              <th className={styles.cell} scope="col">Файл</th>
              <th className={styles.cell} scope="col">Форма</th>
              <th className={`${styles.cell} ${styles.number}`} scope="col">Ошибки</th>
              <th className={`${styles.cell} ${styles.number}`} scope="col">Предупр.</th>
              <th className={`${styles.cell} ${styles.number}`} scope="col">Баллы</th>
              <th className={styles.cell} scope="col">Уровень</th>
            </tr>
          </thead>
          <tbody>
            {checked.files.map((file) => {
              const counts = countBySeverity(file.outcome.issues);
              const score = file.outcome.kind === 'form' ? file.outcome.score : undefined;
              return (
                <tr key={file.id} className={file === current ? styles.current : undefined} data-testid="checked-file">
                  <td className={styles.cell}>
                    <button type="button" className={styles.fileButton} onClick={() => setCurrentId(file.id)} aria-current={file === current ? 'true' : undefined}>{file.name}</button>
                  </td>
                  <td className={styles.cell} title={outcomeTitle(file.outcome)}>{outcomeLabel(file.outcome)}</td>
                  <td className={`${styles.cell} ${styles.number}`}>{counts.errors}</td>
                  <td className={`${styles.cell} ${styles.number}`}>{counts.warnings}</td>
                  <td className={`${styles.cell} ${styles.number}`}>{score ? `${formatNumber(score.total)} из ${formatNumber(score.max)}` : ''}</td>
                  <td className={styles.cell}>
                    {score?.level && <span className={styles.swatch} style={{ backgroundColor: cssColor(score.level.color) }} aria-hidden="true" />}
                    {score?.level?.title ?? ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {current && (
        <section aria-label={`Проверка файла «${current.name}»`}>
          {checked.files.length > 1 && <h2>{current.name}</h2>}
          <CheckDetails key={current.id} outcome={current.outcome} snapshot={current.snapshot} checkedWith={current.checkedWith} onDownloadAnnotated={() => void downloadAnnotated()} />
        </section>
      )}
    </div>
  );
}
