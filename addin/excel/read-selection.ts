import { cellAddress } from '../../core/forms/snapshot';
import { parseRangeAddress, stripSheet } from './excel-values';
import type { RequestContext } from './office-types';

export interface SelectionPlace {
  sheet: string;
  /** The top-left cell of the selection, «B3». */
  address: string;
  /** The whole selection, «B3:D5» (equal to address for one cell). */
  selection: string;
}

/**
 * Where the user is, in one sync. ExcelApi 1.1 has only getSelectedRange (getActiveCell is 1.7), so
 * «the cell» is the selection's top-left one: the active cell unless the user selected upwards or
 * leftwards. Excel throws at the sync when several areas are selected; that error is thrown as is.
 */
export async function readSelection(context: RequestContext): Promise<SelectionPlace> {
  const range = context.workbook.getSelectedRange().load('address');
  const worksheet = range.worksheet.load('name');
  await context.sync();
  const selection = stripSheet(range.address).replace(/\$/g, '');
  const box = parseRangeAddress(selection);
  return { sheet: worksheet.name, address: box ? cellAddress(box.row, box.col) : selection, selection };
}
