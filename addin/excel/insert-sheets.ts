import type { ExcelCapabilities } from './capabilities';
import { sheetKey } from './excel-values';
import { GATEWAY_MESSAGES } from './messages';
import type { RequestContext } from './office-types';

/** A blank form workbook and the names of its sheets (the pane built it, so it knows them). */
export interface BlankWorkbook {
  /** The .xlsx bytes in base64 (base64FromBytes). */
  base64: string;
  /** Sheets to insert, hidden ones included; they are checked against the open workbook first. */
  sheetNames: readonly string[];
}

export type InsertSheetsResult =
  | { inserted: string[] }
  | { unsupported: true; message: string }
  /** Sheets of the open workbook that carry a name from the blank; nothing was inserted. */
  | { conflict: string[]; message: string };

/**
 * Adds the sheets of a blank at the end of the open workbook (ExcelApi 1.13). A name the workbook
 * already has stops the whole insert before anything is added, so no blank is ever half in.
 * Syncs: 1) the sheet names, 2) insert and read back the names of the new sheets by their ids.
 * Excel on the web refuses (UnsupportedFeature) a source with charts, pivots, comments or slicers;
 * that error is thrown as is (a blank form has none).
 */
export async function insertBlankSheets(context: RequestContext, blank: BlankWorkbook, capabilities: ExcelCapabilities): Promise<InsertSheetsResult> {
  if (!capabilities.insertWorksheetsFromBase64) return { unsupported: true, message: GATEWAY_MESSAGES.NO_INSERT_SHEETS() };
  if (blank.sheetNames.length === 0) return { inserted: [] };

  const before = context.workbook.worksheets.load('items/name');
  await context.sync();
  const present = new Map(before.items.map((sheet) => [sheetKey(sheet.name), sheet.name]));
  const conflict = blank.sheetNames.flatMap((name) => present.get(sheetKey(name)) ?? []);
  if (conflict.length > 0) return { conflict, message: GATEWAY_MESSAGES.SHEETS_EXIST({ names: conflict }) };

  // sheetNamesToInsert is never [] here: [] would mean every sheet, unchecked.
  const ids = context.workbook.insertWorksheetsFromBase64(blank.base64, { sheetNamesToInsert: [...blank.sheetNames], positionType: 'End' });
  const after = context.workbook.worksheets.load('items/name,items/id');
  await context.sync();
  const names = new Map(after.items.map((sheet) => [sheet.id, sheet.name]));
  return { inserted: ids.value.map((id) => names.get(id) ?? id) };
}
