import { makeStyles, tokens } from '@fluentui/react-components';
import type { FormScore } from '../../core/forms/score';
import { formatNumber } from '../../core/format/numbers';

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalM,
    marginBlockEnd: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  total: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  level: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalS },
  swatch: { width: '14px', height: '14px', borderRadius: '3px', border: `1px solid ${tokens.colorNeutralStroke1}`, flexShrink: 0 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { padding: `2px ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'start' },
  number: { textAlign: 'end', whiteSpace: 'nowrap' },
  flags: { margin: `${tokens.spacingVerticalS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

/** «#RRGGBB» from a definition's level colour (with or without «#», ARGB too). */
export function cssColor(color: string): string {
  const hex = color.replace(/^#/, '');
  return `#${hex.length === 8 ? hex.slice(2) : hex}`;
}

export function ScoreCard({ score }: { score: FormScore }) {
  const styles = useStyles();
  return (
    <section className={styles.card} aria-label="Баллы" data-testid="score-card">
      <h3 className={styles.heading}>Баллы</h3>
      <div className={styles.total} data-testid="score-total">
        Итого: {formatNumber(score.total)} из {formatNumber(score.max)}
        {score.percent !== null && <> ({formatNumber(score.percent)} %)</>}
      </div>
      {score.level && (
        <div className={styles.level} data-testid="score-level">
          <span className={styles.swatch} style={{ backgroundColor: cssColor(score.level.color) }} aria-hidden="true" />
          <span>
            Уровень: «{score.level.title}»{score.levelValue !== null && `, показатель ${formatNumber(score.levelValue)} %`}
          </span>
        </div>
      )}
      {score.level?.recommendation && <p>{score.level.recommendation}</p>}
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">
              Раздел
            </th>
            <th className={`${styles.cell} ${styles.number}`} scope="col">
              Баллы
            </th>
          </tr>
        </thead>
        <tbody>
          {score.sections.map((section) => (
            <tr key={section.id} data-testid="score-section">
              <td className={styles.cell}>{section.title}</td>
              <td className={`${styles.cell} ${styles.number}`}>
                {formatNumber(section.points)} из {formatNumber(section.max)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.flags.length > 0 && (
        <ul className={styles.flags} aria-label="Красные флаги">
          {score.flags.map((flag) => (
            <li key={flag.id}>Красный флаг: {flag.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
