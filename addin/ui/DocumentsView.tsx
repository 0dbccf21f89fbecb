import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { formatIssue, type Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import { documentsStatus } from '../../core/render/honest-counts';
import { PANE_TEMPLATES } from '../app/document-templates';
import { saveFile } from '../app/download';
import { useDocumentPlan } from '../app/use-document-plan';
import { DocumentPreview } from './DocumentPreview';
import { FilePicker } from './FilePicker';

/** Where the documents' data comes from: the open workbook in Excel, or a data workbook chosen from disk. */
export interface DataSource {
  name: string;
  dataset: Dataset;
  /** Rows left out of the dataset for their errors (shown on «Проверка»). */
  issues: Issue[];
}

export interface DocumentsViewProps {
  source?: DataSource;
  /** Browser mode: open a data workbook from disk. */
  onOpenData?(files: File[]): void;
  /** Excel mode: read the open workbook (again, after edits). */
  onReadWorkbook?(): void;
  /** A workbook is being read (from Excel or from disk). */
  readingWorkbook?: boolean;
  /** Inside Excel a download may be refused by the webview: say where else to get the file. */
  browserPageUrl?: string;
}

const useStyles = makeStyles({
  // The longest template title would widen the select past a 350 px pane: it shrinks to the pane instead.
  select: { maxWidth: '100%', minWidth: 0 },
  selectInner: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBlock: tokens.spacingVerticalS },
  list: { listStyle: 'none', padding: 0, margin: `${tokens.spacingVerticalS} 0` },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { overflowWrap: 'anywhere' },
  problem: { color: tokens.colorPaletteRedForeground1, margin: `${tokens.spacingVerticalXXS} 0 0`, fontSize: tokens.fontSizeBase200 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** «Документы»: pick a template, see which documents the data gives and which cannot be made, download one or all. */
export function DocumentsView({ source, onOpenData, onReadWorkbook, readingWorkbook, browserPageUrl }: DocumentsViewProps) {
  const styles = useStyles();
  const { state, plan } = useDocumentPlan();
  const wanted = useMemo(() => new Set(source?.dataset.documents.map((d) => d.template) ?? []), [source]);
  const firstUsed = PANE_TEMPLATES.find((t) => wanted.has(t.id)) ?? PANE_TEMPLATES[0]!;
  const [templateId, setTemplateId] = useState(firstUsed.id);
  const [note, setNote] = useState('');
  const [previewOpen, setPreviewOpen] = useState(false);
  const template = PANE_TEMPLATES.find((t) => t.id === templateId) ?? firstUsed;

  useEffect(() => {
    if (source) void plan(template, source.dataset, source.issues);
  }, [source, template, plan]);

  const ready = state.status === 'ready' ? state.plan.documents.filter((d) => d.bytes) : [];
  const afterSave = browserPageUrl ? ` Если Excel не сохранил файл, откройте эту же страницу в браузере: ${browserPageUrl}` : '';

  const saveAll = async () => {
    if (state.status !== 'ready') return;
    const { packDocuments } = await import(/* webpackChunkName: "documents" */ '../app/documents');
    const packed = packDocuments(state.plan);
    if (!packed) return;
    saveFile(packed.name, packed.bytes, packed.mime);
    setNote(`Сохранён файл «${packed.name}».${afterSave}`);
  };

  const saveOne = async (record: string) => {
    if (state.status !== 'ready') return;
    const { packDocuments } = await import(/* webpackChunkName: "documents" */ '../app/documents');
    const packed = packDocuments(state.plan, new Set([record]));
    if (!packed) return;
    saveFile(packed.name, packed.bytes, packed.mime);
    setNote(`Сохранён файл «${packed.name}».${afterSave}`);
  };

  return (
    <div>
      <p className={styles.intro}>Документы делаются из книги данных (листы «Документы», «Школы», «Муниципалитеты»…) по шаблонам министерства.</p>
      <div className={styles.row}>
        {onOpenData && <FilePicker label="Открыть книгу данных…" onFiles={onOpenData} disabled={readingWorkbook} />}
        {onReadWorkbook && (
          <Button appearance="primary" onClick={onReadWorkbook} disabled={readingWorkbook}>
            {source ? 'Перечитать книгу' : 'Прочитать открытую книгу'}
          </Button>
        )}
      </div>
      {source && (
        <p data-testid="data-source">
          Данные: «{source.name}»{source.issues.length > 0 ? ` (строк с ошибками пропущено; см. «Проверка»)` : ''}
        </p>
      )}
      <Field label="Шаблон">
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          value={template.id}
          onChange={(_, data) => setTemplateId(data.value)}
          data-testid="template-select"
        >
          {PANE_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </Select>
      </Field>
      {readingWorkbook && <p role="status">Книга читается…</p>}
      {!source && !readingWorkbook && <p role="status">Откройте книгу данных, чтобы увидеть, какие документы получатся.</p>}
      {state.status === 'working' && <p role="status">Готовятся документы…</p>}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && (
        <section aria-label="Документы по шаблону">
          {state.plan.issues.map((issue, i) => (
            <p key={i} role="alert" className={styles.problem}>
              {formatIssue(issue)}
            </p>
          ))}
          <p role="status" data-testid="documents-status">
            {documentsStatus(state.plan)}
          </p>
          {ready[0]?.bytes && (
            <details data-testid="preview-toggle" onToggle={(e) => setPreviewOpen((e.target as HTMLDetailsElement).open)}>
              <summary>Посмотреть первый документ: «{ready[0].fileName}»</summary>
              {previewOpen && <DocumentPreview bytes={ready[0].bytes} fileName={ready[0].fileName} />}
            </details>
          )}
          {ready.length > 1 && (
            <p className={styles.hint} data-testid="merge-hint">
              Один PDF со всеми документами по порядку (чтобы напечатать и подписать) страница сделать не может: для этого нужен LibreOffice. Его
              делает командная строка: kaskad generate {template.id} --data книга.xlsx -o папка --pdf --merge
            </p>
          )}
          {ready.length > 0 && (
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void saveAll()} data-testid="save-all">
                {ready.length === 1 ? 'Скачать документ' : `Скачать все (${ready.length}) одним архивом`}
              </Button>
            </div>
          )}
          <ul className={styles.list} aria-label="Документы">
            {state.plan.documents.map((doc) => (
              <li key={doc.record} className={styles.item} data-testid="planned-document">
                <div>
                  <div className={styles.name}>{doc.fileName}</div>
                  {doc.issues.map((issue, i) => (
                    <p key={i} className={styles.problem}>
                      {issue.message}
                    </p>
                  ))}
                </div>
                {doc.bytes && (
                  <Button size="small" onClick={() => void saveOne(doc.record)} aria-label={`Скачать «${doc.fileName}»`}>
                    Скачать
                  </Button>
                )}
              </li>
            ))}
          </ul>
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
