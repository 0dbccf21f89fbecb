import type { RequestContext } from './office-types';

/** «hidden»: the sheet is hidden (Excel cannot activate it); «missing»: no such sheet any more. */
export type SelectResult = 'selected' | 'hidden' | 'missing';

/**
 * Shows a finding: activates its sheet and selects its cell. Sync 1 asks whether the sheet is there and
 * visible (activating a hidden sheet throws); sync 2 activates and selects. A hidden sheet is not
 * unhidden behind the user's back: the caller says so and the user shows it.
 */
export async function selectCell(context: RequestContext, sheet: string, address: string): Promise<SelectResult> {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet).load('visibility');
  await context.sync();
  if (worksheet.isNullObject) return 'missing';
  if (worksheet.visibility !== 'Visible') return 'hidden';
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
  return 'selected';
}
