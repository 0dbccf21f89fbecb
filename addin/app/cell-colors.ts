import type { Issue } from '../../core/issues';
import { highlightColors } from '../excel/highlights';

const NONE: ReadonlyMap<string, string> = new Map();

/** The fills a sheet's problem cells get, as in Excel and in the annotated workbook. */
export function sheetColors(issues: readonly Issue[], sheet: string): ReadonlyMap<string, string> {
  return highlightColors(issues).get(sheet) ?? NONE;
}
