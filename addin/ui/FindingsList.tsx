import { makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../core/issues';
import { describePlace } from '../../core/messages';
import type { IssueGroup } from '../app/issue-groups';

export interface FindingsListProps {
  groups: readonly IssueGroup[];
  /** A click on a finding with a cell: Excel selects it, the browser page shows it. */
  onSelect(issue: Issue): void;
  selected?: Issue;
}

const useStyles = makeStyles({
  group: { marginBlockEnd: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0` },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'start',
    padding: tokens.spacingVerticalXS,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  static: { cursor: 'default', ':hover': { backgroundColor: 'transparent' } },
  mark: { flexShrink: 0, fontWeight: tokens.fontWeightBold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  where: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalXS },
});

/** Where a finding is, short: «D14» inside its sheet's group, the full place otherwise. */
function shortPlace(issue: Issue): string {
  const loc = issue.location;
  if (loc.kind === 'cell') return loc.address;
  if (loc.kind === 'sheet') return '';
  return describePlace(loc);
}

export function FindingsList({ groups, onSelect, selected }: FindingsListProps) {
  const styles = useStyles();
  return (
    <div>
      {groups.map((group, g) => {
        const headingId = `findings-group-${g}`;
        return (
          <section key={group.sheet ?? '\u0000'} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {group.sheet === undefined ? 'Файл целиком' : `Лист «${group.sheet}»`}
            </h3>
            <ul className={styles.list} aria-label={group.sheet === undefined ? 'Замечания к файлу' : `Замечания к листу «${group.sheet}»`}>
              {group.issues.map((issue, i) => {
                const hasCell = issue.location.kind === 'cell';
                const place = shortPlace(issue);
                const classes = [styles.item, issue === selected ? styles.selected : '', hasCell ? '' : styles.static].join(' ');
                const content = (
                  <>
                    <span
                      className={`${styles.mark} ${issue.severity === 'error' ? styles.error : styles.warning}`}
                      aria-label={issue.severity === 'error' ? 'Ошибка' : 'Предупреждение'}
                    >
                      {issue.severity === 'error' ? '✖' : '⚠'}
                    </span>
                    <span>
                      {place && <span className={styles.where}>{place}:</span>}
                      <span data-testid="finding-message">{issue.message}</span>
                    </span>
                  </>
                );
                return (
                  <li
                    key={i}
                    data-testid="finding"
                    data-code={issue.code}
                    data-severity={issue.severity}
                    data-location={JSON.stringify(issue.location)}
                    data-address={hasCell ? (issue.location as { address: string }).address : undefined}
                  >
                    {hasCell ? (
                      <button
                        type="button"
                        className={classes}
                        onClick={() => onSelect(issue)}
                        aria-current={issue === selected ? 'true' : undefined}
                      >
                        {content}
                      </button>
                    ) : (
                      <div className={classes}>{content}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
