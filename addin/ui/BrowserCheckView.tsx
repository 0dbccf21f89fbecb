import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { countBySeverity } from '../app/issue-groups';
import { loadEngine } from '../app/load-engine';
import { saveFile, XLSX_MIME } from '../app/download';
import type { CheckedFiles } from '../app/use-checked-files';
import { safeFileName } from '../../core/format/file-names';
import { CheckDetails } from './CheckDetails';
import { FilePicker } from './FilePicker';
import { outcomeTitle } from './OutcomeSummary';

const useStyles = makeStyles({
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  status: { minHeight: '20px', margin: `${tokens.spacingVerticalS} 0` },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, marginBlockEnd: tokens.spacingVerticalM },
  cell: { padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'start', verticalAlign: 'top' },
  number: { textAlign: 'end' },
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
      {checked.files.length > 1 && (
        <table className={styles.table} aria-label="Проверенные файлы">
          <thead>
            <tr>
              <th className={styles.cell} scope="col">Файл</th>
              <th className={styles.cell} scope="col">Форма</th>
              <th className={`${styles.cell} ${styles.number}`} scope="col">Ошибки</th>
              <th className={`${styles.cell} ${styles.number}`} scope="col">Предупр.</th>
              <th className={styles.cell} scope="col">Уровень</th>
            </tr>
          </thead>
          <tbody>
            {checked.files.map((file) => {
              const counts = countBySeverity(file.outcome.issues);
              const level = file.outcome.kind === 'form' ? file.outcome.score?.level?.title ?? '' : '';
              return (
                <tr key={file.id} className={file === current ? styles.current : undefined} data-testid="checked-file">
                  <td className={styles.cell}>
                    <button type="button" className={styles.fileButton} onClick={() => setCurrentId(file.id)} aria-current={file === current ? 'true' : undefined}>{file.name}</button>
                  </td>
                  <td className={styles.cell}>{outcomeTitle(file.outcome)}</td>
                  <td className={`${styles.cell} ${styles.number}`}>{counts.errors}</td>
                  <td className={`${styles.cell} ${styles.number}`}>{counts.warnings}</td>
                  <td className={styles.cell}>{level}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {current && (
        <section aria-label={`Проверка файла «${current.name}»`}>
          {checked.files.length > 1 && <h2>{current.name}</h2>}
          <CheckDetails key={current.id} outcome={current.outcome} snapshot={current.snapshot} onDownloadAnnotated={() => void downloadAnnotated()} />
        </section>
      )}
    </div>
  );
}
