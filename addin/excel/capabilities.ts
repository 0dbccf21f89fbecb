/**
 * What the running Excel can do, asked once through Office.context.requirements. This file and
 * run.ts are the only ones that touch the Office/Excel globals; everything else gets a flag.
 */

export interface ExcelCapabilities {
  /**
   * ExcelApi 1.4: worksheet.getUsedRangeOrNullObject, which readWorkbookSnapshot needs. The manifest
   * asks only for 1.1 so the pane can open and send a host without it to the browser page.
   */
  usedRangeOrNullObject: boolean;
  /** ExcelApi 1.9: range.setCellProperties writes many fills in one call. */
  setCellProperties: boolean;
  /** ExcelApi 1.13: range.getMergedAreasOrNullObject, for «input typed over a merge» checks. */
  mergedAreas: boolean;
}

export interface RequirementSetSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office.context.requirements, when the page runs inside Office. */
export function officeRequirements(): RequirementSetSupport | undefined {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementSetSupport } } }).Office;
  return office?.context?.requirements;
}

export const NO_CAPABILITIES: ExcelCapabilities = { usedRangeOrNullObject: false, setCellProperties: false, mergedAreas: false };

export function detectCapabilities(requirements: RequirementSetSupport | undefined = officeRequirements()): ExcelCapabilities {
  if (!requirements) return NO_CAPABILITIES;
  const supports = (version: string): boolean => {
    try {
      return requirements.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  };
  return { usedRangeOrNullObject: supports('1.4'), setCellProperties: supports('1.9'), mergedAreas: supports('1.13') };
}
