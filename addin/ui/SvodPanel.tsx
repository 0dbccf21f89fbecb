import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { countOf, type PluralForms } from '../../core/format/numbers';
import { formatIssue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import type { CheckedFile } from '../app/use-checked-files';
import { useSvod } from '../app/use-svod';

const CARD_FORMS: PluralForms = { one: 'карта', few: 'карты', many: 'карт' };

export interface SvodPanelProps {
  formId: string;
  title: string;
  files: readonly CheckedFile[];
  /** The data workbook opened beside the cards: municipalities and the справка's requisites. */
  data?: { name: string; dataset: Dataset };
}

const useStyles = makeStyles({
  panel: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
    marginBlockEnd: tokens.spacingVerticalM,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  issues: { margin: `${tokens.spacingVerticalS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** The cards of one form consolidated, as `kaskad collect` does: svod.xlsx and the справка by the ministry's template. */
export function SvodPanel({ formId, title, files, data }: SvodPanelProps) {
  const styles = useStyles();
  const { issues, note, saveSvod, saveReport } = useSvod(formId, files, data);
  const cards = files.filter((f) => f.outcome.kind === 'form' && f.outcome.form.id === formId).length;

  return (
    <section className={styles.panel} aria-label="Свод" data-testid="svod-panel">
      <h2 className={styles.heading}>
        Свод: {title} — {countOf(cards, CARD_FORMS)}
      </h2>
      <p className={styles.hint}>
        {data
          ? `Муниципалитеты сверяются с книгой данных «${data.name}»; реквизиты справки берутся из неё же.`
          : 'Откройте вместе с картами книгу данных, чтобы сверить муниципалитеты и сделать справку.'}
      </p>
      <div className={styles.row}>
        <Button onClick={() => void saveSvod()}>Скачать свод (.xlsx)</Button>
        <Button onClick={() => void saveReport()} disabled={!data}>
          Скачать справку (.docx)
        </Button>
      </div>
      {note && <p role="status">{note}</p>}
      {issues && issues.length > 0 && (
        <ul className={styles.issues} aria-label="Замечания свода">
          {issues.map((issue, i) => (
            <li key={i}>{formatIssue(issue)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
