/** The Excel gateway: the only code of the add-in that talks to Excel (see STYLE.md, rule 2). */
export { detectCapabilities, officeRequirements, NO_CAPABILITIES, type ExcelCapabilities, type RequirementSetSupport } from './capabilities';
export { runExcel } from './run';
export { readWorkbookSnapshot, planReadRequests, DEFAULT_MAX_REQUEST_BYTES, DEFAULT_BYTES_PER_CELL, type ReadOptions, type ReadBlock } from './read-snapshot';
export { writeHighlights, clearHighlights, ERROR_COLOR, WARNING_COLOR, type HighlightOptions, type HighlightRecord } from './highlights';
export { selectCell } from './select-cell';
export type { RequestContext } from './office-types';
