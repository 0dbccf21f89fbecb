import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { cellAt, columnLetter, parseAddress, sheetExtent, type SheetSnapshot } from '../../core/forms/snapshot';
import { displayCellValue } from '../../core/workbook/cell-values';

export interface SheetPreviewProps {
  sheet: SheetSnapshot;
  /** Fill colour by address («D14» → «#FFC7CE»): the same colours Excel gets. */
  colors: ReadonlyMap<string, string>;
  /** The cell a finding points at: shown, marked and focused. */
  focus: string;
}

/** Rows and columns shown around the focused cell; a form's card fits, a roster is windowed. */
const ROWS_BEFORE = 6;
const ROWS_AFTER = 10;
const MAX_COLS = 12;

const useStyles = makeStyles({
  wrap: { overflow: 'auto', maxHeight: '320px', border: `1px solid ${tokens.colorNeutralStroke1}`, marginBlockEnd: tokens.spacingVerticalM },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: '1px 4px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '1px 4px',
    maxWidth: '180px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    color: '#000000',
  },
  focused: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  caption: { textAlign: 'start', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold, position: 'sticky', left: 0 },
  // Row numbers stay in view when a narrow pane scrolls to a far column.
  rowHead: { position: 'sticky', left: 0, zIndex: 1 },
});

/**
 * A read-only window of a sheet in browser mode, where there is no Excel grid to select in: the
 * finding's cell is outlined and focused, problem cells are filled as Excel would fill them.
 */
export function SheetPreview({ sheet, colors, focus }: SheetPreviewProps) {
  const styles = useStyles();
  const focusedRef = useRef<HTMLTableCellElement>(null);
  const target = parseAddress(focus) ?? { row: 1, col: 1 };
  const extent = sheetExtent(sheet);
  const firstRow = Math.max(1, target.row - ROWS_BEFORE);
  const lastRow = Math.max(target.row, Math.min(extent.rows, target.row + ROWS_AFTER));
  const lastCol = Math.max(target.col, Math.min(extent.cols, MAX_COLS));
  const firstCol = Math.max(1, lastCol - MAX_COLS + 1);

  useEffect(() => {
    focusedRef.current?.focus();
    focusedRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [sheet, focus]);

  const rows: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(r);
  const cols: number[] = [];
  for (let c = firstCol; c <= lastCol; c++) cols.push(c);
  const focusAddress = `${columnLetter(target.col)}${target.row}`;

  return (
    <div className={styles.wrap} data-testid="sheet-preview">
      <table className={styles.table} aria-label={`Лист «${sheet.name}» около ячейки ${focusAddress}`}>
        <caption className={styles.caption}>
          Лист «{sheet.name}», ячейка {focusAddress}
        </caption>
        <thead>
          <tr>
            <td className={`${styles.head} ${styles.rowHead}`} />
            {cols.map((c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th className={`${styles.head} ${styles.rowHead}`} scope="row">
                {r}
              </th>
              {cols.map((c) => {
                const address = `${columnLetter(c)}${r}`;
                const isFocus = address === focusAddress;
                const text = displayCellValue(cellAt(sheet, r, c));
                const color = colors.get(address);
                return (
                  <td
                    key={c}
                    ref={isFocus ? focusedRef : undefined}
                    tabIndex={isFocus ? 0 : undefined}
                    data-address={address}
                    aria-current={isFocus ? 'true' : undefined}
                    title={text || undefined}
                    className={`${styles.cell} ${isFocus ? styles.focused : ''}`}
                    style={color ? { backgroundColor: color } : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
