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
  /**
   * Hidden helper sheets («Списки», «_kaskad») that may take another name when the workbook has
   * them already (an earlier blank): rebuild makes the blank again with those names.
   */
  renameable?: readonly string[];
  rebuild?: (renames: Readonly<Record<string, string>>) => Promise<string>;
}

/** «Списки» → «Списки (2)», «Списки (3)», … the first name no sheet of the workbook (nor another new one) has. */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
}

export type InsertSheetsResult =
  | { inserted: string[] }
  | { unsupported: true; message: string }
  /** Sheets of the open workbook that carry a name from the blank; nothing was inserted. */
  | { conflict: string[]; message: string };

/**
 * Adds the sheets of a blank at the end of the open workbook (ExcelApi 1.13). A visible sheet's name
 * the workbook already has stops the whole insert before anything is added, so no blank is ever half
 * in; a hidden helper sheet whose name is taken (a second blank: «Списки», «_kaskad») goes in under
 * a name of its own («Списки (2)»), the blank rebuilt with it so its dropdowns point there.
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
  const renameable = new Set((blank.rebuild ? (blank.renameable ?? []) : []).map(sheetKey));
  const conflict = blank.sheetNames.flatMap((name) => (renameable.has(sheetKey(name)) ? [] : (present.get(sheetKey(name)) ?? [])));
  if (conflict.length > 0) return { conflict, message: GATEWAY_MESSAGES.SHEETS_EXIST({ names: conflict }) };

  const taken = new Set([...present.keys(), ...blank.sheetNames.map(sheetKey)]);
  const renames: Record<string, string> = {};
  for (const name of blank.sheetNames) {
    if (!renameable.has(sheetKey(name)) || !present.has(sheetKey(name))) continue;
    renames[name] = freeSheetName(name, taken);
    taken.add(sheetKey(renames[name]));
  }
  const renamed = Object.keys(renames).length > 0;
  const base64 = renamed && blank.rebuild ? await blank.rebuild(renames) : blank.base64;
  const sheetNames = blank.sheetNames.map((name) => renames[name] ?? name);

  // sheetNamesToInsert is never [] here: [] would mean every sheet, unchecked.
  const ids = context.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: sheetNames, positionType: 'End' });
  const after = context.workbook.worksheets.load('items/name,items/id');
  await context.sync();
  const names = new Map(after.items.map((sheet) => [sheet.id, sheet.name]));
  return { inserted: ids.value.map((id) => names.get(id) ?? id) };
}
