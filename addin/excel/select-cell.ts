import type { RequestContext } from './office-types';

/** Shows a finding: activates its sheet and selects its cell, in one sync. */
export async function selectCell(context: RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
