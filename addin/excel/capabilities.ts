/**
 * What the running Excel can do, asked once through Office.context.requirements. This file and
 * run.ts are the only ones that touch the Office/Excel globals; everything else gets a flag.
 */
import { GATEWAY_MESSAGES } from './messages';

export interface ExcelCapabilities {
  /**
   * ExcelApi 1.4: worksheet.getUsedRangeOrNullObject, which readWorkbookSnapshot needs (and
   * worksheets.getItemOrNullObject, which writeSummarySheet needs). The manifest asks only for 1.1
   * so the pane can open and send a host without it to the browser page.
   */
  usedRangeOrNullObject: boolean;
  /** ExcelApi 1.9: range.setCellProperties writes many fills in one call. */
  setCellProperties: boolean;
  /** ExcelApi 1.13: range.getMergedAreasOrNullObject, for «input typed over a merge» checks. */
  mergedAreas: boolean;
  /** ExcelApi 1.7: worksheet.onChanged. */
  worksheetChangedEvents: boolean;
  /** ExcelApi 1.9: workbook.worksheets.onChanged, one handler for every sheet, present or added. */
  collectionChangedEvents: boolean;
  /** ExcelApi 1.13: workbook.insertWorksheetsFromBase64. */
  insertWorksheetsFromBase64: boolean;
  /** ExcelApi 1.1: worksheets.add; true whenever the pane runs inside Excel. */
  addWorksheets: boolean;
  /** ExcelApi 1.5: workbook.customXmlParts, where the highlight record is kept so a reloaded pane can clear it. */
  customXmlParts: boolean;
  /**
   * ExcelApi 1.19: a write through the API no longer clears Excel's Undo history (below it, any
   * write does, by design). Even then Ctrl+Z undoes the pane's write first.
   */
  keepsUndo: boolean;
}

export interface RequirementSetSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office.context.requirements, when the page runs inside Office. */
export function officeRequirements(): RequirementSetSupport | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementSetSupport } } }).Office;
  return office?.context?.requirements;
}

export const NO_CAPABILITIES: ExcelCapabilities = {
  usedRangeOrNullObject: false,
  setCellProperties: false,
  mergedAreas: false,
  worksheetChangedEvents: false,
  collectionChangedEvents: false,
  insertWorksheetsFromBase64: false,
  addWorksheets: false,
  customXmlParts: false,
  keepsUndo: false,
};

export function detectCapabilities(requirements: RequirementSetSupport | undefined = officeRequirements()): ExcelCapabilities {
  if (!requirements) return NO_CAPABILITIES;
  const asked = new Map<string, boolean>();
  const supports = (version: string): boolean => {
    let answer = asked.get(version);
    if (answer === undefined) {
      try {
        answer = requirements.isSetSupported('ExcelApi', version);
      } catch {
        answer = false;
      }
      asked.set(version, answer);
    }
    return answer;
  };
  return {
    usedRangeOrNullObject: supports('1.4'),
    setCellProperties: supports('1.9'),
    mergedAreas: supports('1.13'),
    worksheetChangedEvents: supports('1.7'),
    collectionChangedEvents: supports('1.9'),
    insertWorksheetsFromBase64: supports('1.13'),
    addWorksheets: supports('1.1'),
    customXmlParts: supports('1.5'),
    keepsUndo: supports('1.19'),
  };
}

export type CapabilityTier = 'full' | 'partial' | 'none';

/**
 * How well the pane works here: «none» when it cannot read a sheet at all (the user goes to the
 * browser page), «partial» with one sentence per thing that degrades, «full» when nothing does.
 */
export function describeTier(capabilities: ExcelCapabilities): { tier: CapabilityTier; missing: string[] } {
  if (!capabilities.usedRangeOrNullObject) return { tier: 'none', missing: [GATEWAY_MESSAGES.NO_USED_RANGE()] };
  const missing: string[] = [];
  if (!capabilities.worksheetChangedEvents && !capabilities.collectionChangedEvents) missing.push(GATEWAY_MESSAGES.NO_CHANGE_EVENTS());
  else if (!capabilities.collectionChangedEvents) missing.push(GATEWAY_MESSAGES.NO_NEW_SHEET_EVENTS());
  if (!capabilities.setCellProperties) missing.push(GATEWAY_MESSAGES.NO_SET_CELL_PROPERTIES());
  if (!capabilities.mergedAreas) missing.push(GATEWAY_MESSAGES.NO_MERGED_AREAS());
  if (!capabilities.insertWorksheetsFromBase64) missing.push(GATEWAY_MESSAGES.NO_INSERT_SHEETS());
  if (!capabilities.customXmlParts) missing.push(GATEWAY_MESSAGES.NO_HIGHLIGHT_RECORD());
  return { tier: missing.length === 0 ? 'full' : 'partial', missing };
}
