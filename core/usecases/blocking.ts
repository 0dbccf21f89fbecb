import type { Issue } from '../issues';
import type { MessageCode } from '../messages';

/**
 * What a finding blocks — one class per code, the same for every door:
 * - `input`: the file (or the call) cannot be used at all: exit 2, nothing made from it;
 * - `card`: the card is a workbook but cannot be read as filled (a form sheet missing, an answer
 *   cell merged away, a formula error where a value belongs): `validate` exits 2, `collect`
 *   leaves the card out of the svod and exits 1;
 * - `finding`: everything else; an error gives exit 1, a warning nothing.
 */
export type Blocking = 'input' | 'card' | 'finding';

const INPUT: ReadonlySet<MessageCode> = new Set<MessageCode>([
  'FILE_EMPTY',
  'FILE_NOT_WORKBOOK',
  'FILE_DAMAGED',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'JSON_INVALID',
  'FILE_XLS',
  'FILE_ODS',
  'FILE_RATIO_TOO_HIGH',
  'SHEET_TOO_MANY_CELLS',
  'FILE_TOO_BIG_ON_DISK',
  'JSON_TOO_LARGE',
  'TEMPLATE_TOO_LARGE',
  'TEMPLATE_DAMAGED',
  'FORM_UNRECOGNISED',
  'FORM_NO_FILES',
  'FORM_UNKNOWN_ID',
  'OUTPUT_UNWRITABLE',
  'OUTPUT_EXISTS',
  'REPORT_NEEDS_DATA',
]);

const CARD: ReadonlySet<MessageCode> = new Set<MessageCode>(['SHEET_MISSING', 'FORM_MERGED_INPUT', 'FORM_FORMULA_ERROR']);

export function blockingOf(code: MessageCode): Blocking {
  if (INPUT.has(code)) return 'input';
  return CARD.has(code) ? 'card' : 'finding';
}

/** True when an error among the issues is of the class (warnings never block). */
export function blocks(issues: readonly Issue[], blocking: Blocking): boolean {
  return issues.some((i) => i.severity === 'error' && blockingOf(i.code) === blocking);
}

/** The documented exit code of a run: 2 when an input is unusable (or a card is, if `cardsBlock`), 1 for other errors, else 0. */
export function exitCodeOf(issues: readonly Issue[], options: { cardsBlock: boolean }): 0 | 1 | 2 {
  if (blocks(issues, 'input') || (options.cardsBlock && blocks(issues, 'card'))) return 2;
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
