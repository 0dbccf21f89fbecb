import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { countBySeverity } from '../app/issue-groups';
import { loadEngine } from '../app/load-engine';
import { saveFile, XLSX_MIME, ZIP_MIME } from '../app/download';
import type { CheckedFile, CheckedFiles } from '../app/use-checked-files';
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
  // A narrow pane cannot hold seven columns: the table scrolls inside its own box, the page does not.
  tableBox: { overflowX: 'auto', maxWidth: '100%', position: 'relative', marginBlockEnd: tokens.spacingVerticalM },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `2px ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    borderRadius: '2px',
    marginInlineEnd: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  fileButton: {
    border: 'none',
    background: 'transparent',
    padding: 0,
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textDecoration: 'underline',
    cursor: 'pointer',
    textAlign: 'start',
  },
  current: { fontWeight: tokens.fontWeightSemibold },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', margin: `${tokens.spacingVerticalS} 0` },
});

const WORKBOOK_FORMS: PluralForms = { one: 'книга', few: 'книги', many: 'книг' };

/** The status line after opening: how many were checked, and which replaced a file of the same name. */
function openedNote(added: readonly CheckedFile[]): string {
  const replaced = added.filter((f) => f.replaced).map((f) => `«${f.name}»`);
  if (!replaced.length) return '';
  return replaced.length === 1
    ? `Файл ${replaced[0]} открыт снова и заменил прежний с тем же именем.`
    : `Файлы ${replaced.join(', ')} открыты снова и заменили прежние с теми же именами.`;
}

/** Browser mode «Проверка»: open cards from disk (one or a municipality's whole set), see each one's findings. */
export function BrowserCheckView({ checked }: { checked: CheckedFiles }) {
  const styles = useStyles();
  const [currentId, setCurrentId] = useState<number>();
  const [note, setNote] = useState('');
  const [onlyErrors, setOnlyErrors] = useState(false);
  const busy = checked.progress !== undefined;
  // While a batch is checked, no file's details unless one was chosen: each redraw would otherwise
  // build the newest file's details (findings, sheet preview) anew, which cost more than the checks.
  const current = checked.files.find((f) => f.id === currentId) ?? (busy ? undefined : checked.files[checked.files.length - 1]);
  const withFindings = checked.files.filter((f) => f.outcome.issues.length > 0 && (f.outcome.kind === 'form' || f.outcome.kind === 'data'));
  const shown = onlyErrors ? checked.files.filter((f) => countBySeverity(f.outcome.issues).errors > 0) : checked.files;

  const open = async (files: File[]) => {
    setNote('');
    const added = await checked.open(files);
    const first = added[0];
    if (first) setCurrentId(first.id);
    setNote(openedNote(added));
  };

  const remove = (file: CheckedFile) => {
    checked.remove(file.id);
    setNote(`Файл «${file.name}» убран из списка.`);
  };

  const clear = () => {
    checked.clear();
    setCurrentId(undefined);
    setNote('Список файлов очищен.');
  };

  const downloadAnnotated = async () => {
    if (!current) return;
    const engine = await loadEngine();
    const bytes = await engine.annotateFile(current.name, current.bytes, current.outcome.issues, current.municipality);
    if (!bytes) return setNote('Не удалось подготовить книгу с замечаниями: файл не открылся повторно.');
    saveFile(engine.annotatedFileName(current.name, new Set()), bytes, XLSX_MIME);
    setNote('Книга с замечаниями скачана: проблемные ячейки закрашены, в примечаниях — что исправить, на листе «Замечания Каскада» — весь список.');
  };

  const downloadAllAnnotated = async () => {
    const zip = await (
      await loadEngine()
    ).annotatedZip(withFindings.map((f) => ({ name: f.name, bytes: f.bytes, issues: f.outcome.issues, municipality: f.municipality })));
    if (!zip.count) return setNote('Не удалось подготовить книги с замечаниями: файлы не открылись повторно.');
    saveFile('Книги с замечаниями.zip', zip.bytes, ZIP_MIME);
    setNote(`Скачан архив «Книги с замечаниями.zip»: ${countOf(zip.count, WORKBOOK_FORMS)} с замечаниями.`);
  };

  const status = checked.progress
    ? `Проверено ${checked.progress.done} из ${checked.progress.total}…`
    : checked.files.length > 0
      ? `Проверено файлов: ${checked.files.length}`
      : '';

  return (
    <div>
      <p className={styles.intro}>Откройте заполненную форму или книгу данных. Файлы читаются на этом компьютере и никуда не отправляются.</p>
      <FilePicker label="Открыть книгу Excel…" multiple disabled={busy} onFiles={(files) => void open(files)} />
      <p role="status" className={styles.status} data-testid="check-status" data-busy={busy ? 'true' : 'false'}>
        {status}
      </p>
      {note && (
        <p role="status" data-testid="check-note">
          {note}
        </p>
      )}
      {checked.files.length > 0 && !busy && (
        <div className={styles.actions}>
          {withFindings.length > 1 && <Button onClick={() => void downloadAllAnnotated()}>Скачать все книги с замечаниями</Button>}
          {checked.files.length > 1 && (
            <Checkbox label="только с ошибками" checked={onlyErrors} onChange={(_, d) => setOnlyErrors(Boolean(d.checked))} />
          )}
          <Button onClick={clear}>Очистить</Button>
        </div>
      )}
      {checked.files.length > 1 && !busy && <p data-testid="batch-summary">{batchLine(checked.files)}</p>}
      {!busy &&
        svodForms(checked.files).map((form) => (
          <SvodPanel key={form.id} formId={form.id} title={form.title} files={checked.files} data={dataOf(checked.files)} />
        ))}
      {checked.files.length > 1 && (
        <div className={styles.tableBox}>
          <table className={styles.table} aria-label="Проверенные файлы">
            <thead>
              <tr>
                <th className={styles.cell} scope="col">
                  Муниципалитет
                </th>
                <th className={styles.cell} scope="col">
                  Форма
                </th>
                <th className={`${styles.cell} ${styles.number}`} scope="col">
                  Ошибки
                </th>
                <th className={`${styles.cell} ${styles.number}`} scope="col">
                  Предупр.
                </th>
                <th className={`${styles.cell} ${styles.number}`} scope="col">
                  Баллы
                </th>
                <th className={styles.cell} scope="col">
                  Уровень
                </th>
                <th className={styles.cell} scope="col">
                  <span className={styles.srOnly}>Убрать</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((file) => {
                const counts = countBySeverity(file.outcome.issues);
                const score = file.outcome.kind === 'form' ? file.outcome.score : undefined;
                return (
                  <tr key={file.id} className={file === current ? styles.current : undefined} data-testid="checked-file" data-file={file.name}>
                    <td className={styles.cell}>
                      <button
                        type="button"
                        className={styles.fileButton}
                        title={file.name}
                        onClick={() => setCurrentId(file.id)}
                        aria-current={file === current ? 'true' : undefined}
                      >
                        {file.municipality ?? file.name}
                      </button>
                    </td>
                    <td className={styles.cell} title={outcomeTitle(file.outcome)}>
                      {outcomeLabel(file.outcome)}
                    </td>
                    <td className={`${styles.cell} ${styles.number}`}>{counts.errors}</td>
                    <td className={`${styles.cell} ${styles.number}`}>{counts.warnings}</td>
                    <td className={`${styles.cell} ${styles.number}`}>{score ? `${formatNumber(score.total)} из ${formatNumber(score.max)}` : ''}</td>
                    <td className={styles.cell}>
                      {score?.level && <span className={styles.swatch} style={{ backgroundColor: cssColor(score.level.color) }} aria-hidden="true" />}
                      {score?.level?.title ?? ''}
                    </td>
                    <td className={styles.cell}>
                      <Button
                        size="small"
                        appearance="subtle"
                        aria-label={`Убрать файл «${file.name}» из списка`}
                        title="Убрать из списка"
                        onClick={() => remove(file)}
                      >
                        ×
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {current && (
        <section aria-label={`Проверка файла «${current.name}»`}>
          {checked.files.length > 1 && <h2>{current.name}</h2>}
          <CheckDetails
            key={current.id}
            outcome={current.outcome}
            snapshot={current.snapshot}
            checkedWith={current.checkedWith}
            onDownloadAnnotated={() => void downloadAnnotated()}
          />
        </section>
      )}
    </div>
  );
}
