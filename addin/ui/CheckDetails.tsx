import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Issue } from '../../core/issues';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
import { groupIssuesBySheet } from '../app/issue-groups';
import { sheetColors } from '../app/cell-colors';
import { FindingsList } from './FindingsList';
import { OutcomeSummary } from './OutcomeSummary';
import { ScoreCard } from './ScoreCard';
import { SheetPreview } from './SheetPreview';

export interface CheckDetailsProps {
  outcome: CheckOutcome;
  /** Browser mode: the workbook's cells, for the preview of a clicked finding. */
  snapshot?: WorkbookSnapshot;
  /** Excel mode: select the cell in the workbook instead of previewing it. */
  onSelectCell?(issue: Issue): void;
  /** Browser mode: download the workbook with problem cells marked. */
  onDownloadAnnotated?(): void;
  /** The data workbook the card's names were checked against. */
  checkedWith?: string;
}

const useStyles = makeStyles({
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalS}` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBlockEnd: tokens.spacingVerticalM },
});

/** One workbook's check: what it is, its counts and score, the preview of a clicked cell, the findings by sheet. */
export function CheckDetails({ outcome, snapshot, onSelectCell, onDownloadAnnotated, checkedWith }: CheckDetailsProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<Issue>();
  const sheetOrder = useMemo(() => snapshot?.sheets.map((s) => s.name) ?? [], [snapshot]);
  const groups = useMemo(() => groupIssuesBySheet(outcome.issues, sheetOrder), [outcome, sheetOrder]);
  const previewSheet =
    selected?.location.kind === 'cell' && !onSelectCell
      ? snapshot?.sheets.find((s) => s.name === (selected.location as { sheet: string }).sheet)
      : undefined;

  const select = (issue: Issue) => {
    setSelected(issue);
    onSelectCell?.(issue);
  };

  return (
    <div>
      <OutcomeSummary outcome={outcome} />
      {outcome.kind === 'form' && !onSelectCell && (
        <p className={styles.hint} data-testid="checked-with">
          {checkedWith
            ? `Муниципалитеты, школы и люди сверены с книгой данных «${checkedWith}».`
            : 'Названия муниципалитетов, школ и людей не сверялись: откройте вместе с картой книгу данных.'}
        </p>
      )}
      {outcome.kind === 'form' && outcome.score && <ScoreCard score={outcome.score} />}
      {onDownloadAnnotated && outcome.issues.length > 0 && (outcome.kind === 'form' || outcome.kind === 'data') && (
        <div className={styles.actions}>
          <Button onClick={onDownloadAnnotated}>Скачать книгу с замечаниями</Button>
        </div>
      )}
      {previewSheet && selected?.location.kind === 'cell' && (
        <SheetPreview sheet={previewSheet} colors={sheetColors(outcome.issues, previewSheet.name)} focus={selected.location.address} />
      )}
      {groups.length > 0 && <FindingsList groups={groups} onSelect={select} selected={selected} />}
    </div>
  );
}
