import type ExcelJS from 'exceljs';
import type { Issue } from '../issues';
import { describePlace } from '../messages';
import type { FormDefinition } from './definition';
import type { ReferenceData } from './reference-data';
import type { FormValues } from './values';
import { workbookBytes } from './workbook-stamp';

const ERROR_ARGB = 'FFFFC7CE';
const WARNING_ARGB = 'FFFFEB9C';
export const FINDINGS_SHEET = 'Замечания Каскада';
/** The summary sheet's columns: Russian, the code last (for support), the municipality first. */
const FINDINGS_HEADERS = ['Муниципалитет', 'Где', 'Замечание', 'Важность', 'Код'] as const;
const SEVERITY = { error: 'ошибка', warning: 'предупреждение' } as const;

export interface AnnotateOptions {
  /** The card's municipality, as the summary sheet names it. */
  municipality?: string;
}

const fillOf = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

/**
 * Marks one cell: exceljs shares one style object between every cell of the same style, so the
 * cell gets a style object of its own (font, border, number format, alignment, protection copied)
 * with only the fill replaced — changing the shared object would paint every cell that shares it.
 */
function markCell(cell: ExcelJS.Cell, argb: string, text: string): void {
  const style = cell.style ?? {};
  cell.style = { ...style, fill: fillOf(argb) };
  cell.note = { texts: [{ text }] };
}

/** The municipality a card names (its first municipality field), as the data workbook spells it. */
export function cardMunicipality(def: FormDefinition, values: FormValues | undefined, data?: ReferenceData): string | undefined {
  const layouts = new Map(def.layouts.map((l) => [l.id, l]));
  const field = def.fields.find((f) => f.ref === 'municipality' && (!f.layout || layouts.get(f.layout)?.kind === 'card'));
  const raw = field && values ? values[field.id] : undefined;
  if (typeof raw !== 'string' || !raw) return undefined;
  return data?.municipalityName(raw) ?? raw;
}

/**
 * A copy of the workbook with each problem cell filled (red for errors, yellow for warnings) and a
 * note carrying its messages, plus a sheet listing every finding. Every other cell keeps its value,
 * style, validation and protection. The original bytes are untouched.
 */
export async function annotateWorkbook(workbook: ExcelJS.Workbook, issues: readonly Issue[], options: AnnotateOptions = {}): Promise<Uint8Array> {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.location.kind !== 'cell') continue;
    const key = `${issue.location.sheet}\u0000${issue.location.address}`;
    byCell.set(key, [...(byCell.get(key) ?? []), issue]);
  }
  for (const [key, list] of byCell) {
    const [sheet, address] = key.split('\u0000') as [string, string];
    const ws = workbook.getWorksheet(sheet);
    if (!ws) continue;
    markCell(ws.getCell(address), list.some((i) => i.severity === 'error') ? ERROR_ARGB : WARNING_ARGB, list.map((i) => i.message).join('\n'));
  }
  const old = workbook.getWorksheet(FINDINGS_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(FINDINGS_SHEET);
  ws.columns = [{ width: 32 }, { width: 40 }, { width: 90 }, { width: 16 }, { width: 24 }];
  const head = ws.addRow([...FINDINGS_HEADERS]);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  for (const issue of issues) {
    const row = ws.addRow([options.municipality ?? '', describePlace(issue.location), issue.message, SEVERITY[issue.severity], issue.code]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (issues.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + issues.length, column: FINDINGS_HEADERS.length } };
  return workbookBytes(workbook);
}
