import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { countOf, type PluralForms } from '../../core/format/numbers';
import { formatIssue, type Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import { findTemplate } from '../../core/render/template-list';
import { fetchTemplate } from '../app/document-templates';
import { saveFile, XLSX_MIME } from '../app/download';
import { loadEngine } from '../app/load-engine';
import type { CheckedFile } from '../app/use-checked-files';

const CARD_FORMS: PluralForms = { one: 'карта', few: 'карты', many: 'карт' };

export interface SvodPanelProps {
  formId: string;
  title: string;
  files: readonly CheckedFile[];
  /** The data workbook opened beside the cards: municipalities and the справка's requisites. */
  data?: { name: string; dataset: Dataset };
}

const useStyles = makeStyles({
  panel: { border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalM, marginBlockEnd: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  issues: { margin: `${tokens.spacingVerticalS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** The cards of one form consolidated, as `kaskad collect` does: svod.xlsx and the справка by the ministry's template. */
export function SvodPanel({ formId, title, files, data }: SvodPanelProps) {
  const styles = useStyles();
  const [issues, setIssues] = useState<Issue[]>();
  const [note, setNote] = useState('');
  const cards = files.filter((f) => f.outcome.kind === 'form' && f.outcome.form.id === formId).length;

  const collect = async () => {
    const engine = await loadEngine();
    const collected = engine.collectSvod(files, formId, data);
    if (collected) setIssues(collected.svod.issues);
    return { engine, collected };
  };

  /** Cards of two versions of the form: no svod (each card has its finding below), as `kaskad collect`. */
  const mixedVersions = (svod: { issues: Issue[] }): boolean => {
    if (!svod.issues.some((i) => i.code === 'COLLECT_MIXED_VERSIONS')) return false;
    setNote('Свод не составлен: среди карт есть разные версии формы — см. замечания ниже.');
    return true;
  };

  const saveSvod = async () => {
    const { engine, collected } = await collect();
    if (!collected || mixedVersions(collected.svod)) return;
    const bytes = await engine.svodWorkbookBytes(collected);
    saveFile(`Свод ${formId} (${collected.definition.version}).xlsx`, bytes, XLSX_MIME);
    const missing = collected.svod.issues.filter((i) => i.code === 'COLLECT_MISSING').length;
    const repeated = collected.svod.issues.filter((i) => i.code === 'COLLECT_DUPLICATE').length;
    setNote(`Свод скачан: муниципалитетов в своде — ${collected.svod.rows.length}${data ? `, без карты — ${missing}` : ''}, повторных карт — ${repeated}.`);
  };

  const saveReport = async () => {
    if (!data) return;
    const { collected } = await collect();
    const template = findTemplate('monitoring-report');
    if (!collected || !template || mixedVersions(collected.svod)) return;
    let templateBytes: Uint8Array;
    try {
      templateBytes = await fetchTemplate(template);
    } catch {
      setNote(`Не удалось загрузить шаблон справки (${template.file}) с сервера надстройки. Обновите страницу.`);
      return;
    }
    const { renderMonitoringReport } = await import(/* webpackChunkName: "documents" */ '../app/documents');
    const report = renderMonitoringReport(data.dataset, collected, templateBytes);
    setIssues([...collected.svod.issues, ...report.issues]);
    if (!report.file) return setNote('Справка не сделана: см. замечания ниже.');
    saveFile(report.file.name, report.file.bytes, report.file.mime);
    setNote(`Справка «${report.file.name}» скачана.`);
  };

  return (
    <section className={styles.panel} aria-label="Свод" data-testid="svod-panel">
      <h2 className={styles.heading}>Свод: {title} — {countOf(cards, CARD_FORMS)}</h2>
      <p className={styles.hint}>
        {data
          ? `Муниципалитеты сверяются с книгой данных «${data.name}»; реквизиты справки берутся из неё же.`
          : 'Откройте вместе с картами книгу данных, чтобы сверить муниципалитеты и сделать справку.'}
      </p>
      <div className={styles.row}>
        <Button onClick={() => void saveSvod()}>Скачать свод (.xlsx)</Button>
        <Button onClick={() => void saveReport()} disabled={!data}>Скачать справку (.docx)</Button>
      </div>
      {note && <p role="status">{note}</p>}
      {issues && issues.length > 0 && (
        <ul className={styles.issues} aria-label="Замечания свода">
          {issues.map((issue, i) => <li key={i}>{formatIssue(issue)}</li>)}
        </ul>
      )}
    </section>
  );
}
