/** The Excel gateway: the only code of the add-in that talks to Excel (see STYLE.md, rule 2). */
export {
  detectCapabilities,
  describeTier,
  officeRequirements,
  NO_CAPABILITIES,
  type CapabilityTier,
  type ExcelCapabilities,
  type RequirementSetSupport,
} from './capabilities';
export { GATEWAY_MESSAGES } from './messages';
export { runExcel } from './run';
export {
  readWorkbookSnapshot,
  planReadRequests,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_BYTES_PER_CELL,
  type ReadOptions,
  type ReadBlock,
} from './read-snapshot';
export {
  writeHighlights,
  clearHighlights,
  loadHighlightRecord,
  ERROR_COLOR,
  WARNING_COLOR,
  HIGHLIGHT_NAMESPACE,
  type ClearResult,
  type HighlightedCell,
  type HighlightOptions,
  type HighlightRecord,
  type SavedFill,
} from './highlights';
export { selectCell, type SelectResult } from './select-cell';
export { readSelection, type SelectionPlace } from './read-selection';
export {
  writeSummarySheet,
  fitCellText,
  literalText,
  MAX_CELL_CHARS,
  type SummarySheetOptions,
  type SummarySheetResult,
} from './write-summary-sheet';
export { watchWorkbookChanges, type WatchHandle, type WorkbookChange } from './watch-changes';
export { insertBlankSheets, freeSheetName, type BlankWorkbook, type InsertSheetsResult } from './insert-sheets';
export { base64FromBytes } from './base64';
export type { ClientRequestContext, RequestContext } from './office-types';
