import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { safeFileName, shortenAtWord } from '../../core/format/file-names';
import { loadEngine, useEngine } from '../app/load-engine';
import { saveFile, XLSX_MIME } from '../app/download';
import { formatIssue } from '../../core/issues';

export interface BlanksViewProps {
  /** Excel mode with ExcelApi 1.13: add the blank's sheets to the open workbook; returns what to tell the user. */
  onInsert?(formId: string, bytes: Uint8Array): Promise<string>;
  /** Said instead of the insert button when this Excel cannot insert sheets. */
  insertUnavailable?: string;
  browserPageUrl?: string;
}

/** Long form titles are cut at a word so «— бланк» always fits in the file name. */
const BLANK_TITLE_CHARS = 60;

const useStyles = makeStyles({
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  item: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlockStart: tokens.spacingVerticalXS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** «Бланки»: a blank of each form, with the marker the check recognises and Excel's own input rules. */
export function BlanksView({ onInsert, insertUnavailable, browserPageUrl }: BlanksViewProps) {
  const styles = useStyles();
  const engine = useEngine();
  const [busy, setBusy] = useState<string>();
  const [note, setNote] = useState('');

  const make = async (formId: string, version: number, title: string, action: 'download' | 'insert') => {
    setBusy(formId);
    setNote('');
    try {
      const bytes = await (await loadEngine()).buildBlankWorkbook(formId, { version });
      if (!bytes) return;
      if (action === 'insert' && onInsert) setNote(await onInsert(formId, bytes));
      else {
        const name = safeFileName(`${shortenAtWord(title, BLANK_TITLE_CHARS)} — бланк`, '.xlsx', new Set());
        saveFile(name, bytes, XLSX_MIME);
        setNote(
          `Бланк «${name}» скачан.${browserPageUrl ? ` Если Excel не сохранил файл, откройте эту же страницу в браузере: ${browserPageUrl}` : ''}`,
        );
      }
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div>
      <p className={styles.intro}>Бланк — пустая форма с подсказками и проверкой ввода средствами Excel. Заполненный бланк «Каскад» узнаёт сам.</p>
      {!engine && <p role="status">Загружается список форм…</p>}
      <ul className={styles.list} aria-label="Бланки форм">
        {(engine?.formDefinitions() ?? []).map((def) => (
          <li key={`${def.id}@${def.version}`} className={styles.item}>
            <div className={styles.title}>{def.title}</div>
            <div className={styles.hint}>
              Форма {def.id}, версия {def.version}
            </div>
            <div className={styles.row}>
              <Button onClick={() => void make(def.id, def.version, def.title, 'download')} disabled={busy !== undefined}>
                Скачать бланк
              </Button>
              {onInsert && (
                <Button onClick={() => void make(def.id, def.version, def.title, 'insert')} disabled={busy !== undefined}>
                  Добавить в эту книгу
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {(engine?.catalogueIssues().length ?? 0) > 0 && (
        <section aria-label="Определения форм не загружены" data-testid="catalogue-issues">
          <p className={styles.hint}>Некоторые определения форм не загружены (ошибки в файлах папки forms/):</p>
          <ul>
            {engine?.catalogueIssues().map((issue, i) => (
              <li key={i} data-code={issue.code}>
                {formatIssue(issue)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {insertUnavailable && <p className={styles.hint}>{insertUnavailable}</p>}
      {busy && <p role="status">Готовится бланк…</p>}
      {note && <p role="status">{note}</p>}
    </div>
  );
}
