import ExcelJS from 'exceljs';
import { formatIssue, type Issue } from '../issues';
import { describePlace } from '../messages';
import { workbookBytes } from './workbook-stamp';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
export const FINDINGS_SHEET = 'Замечания Каскада';
const FINDINGS_HEADERS = ['Где', 'Код', 'Замечание'];

/**
 * A copy of the workbook with each problem cell filled (red for errors, yellow for warnings) and a
 * note carrying its messages, plus a sheet listing every finding. The original bytes are untouched.
 */
export async function annotateWorkbook(workbook: ExcelJS.Workbook, issues: readonly Issue[]): Promise<Uint8Array> {
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
    const cell = ws.getCell(address);
    cell.fill = list.some((i) => i.severity === 'error') ? ERROR_FILL : WARNING_FILL;
    cell.note = { texts: [{ text: list.map((i) => i.message).join('\n') }] };
  }
  const old = workbook.getWorksheet(FINDINGS_SHEET);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(FINDINGS_SHEET);
  ws.columns = [{ header: FINDINGS_HEADERS[0], width: 40 }, { header: FINDINGS_HEADERS[1], width: 24 }, { header: FINDINGS_HEADERS[2], width: 100 }];
  ws.getRow(1).font = { bold: true };
  for (const issue of issues) {
    const row = ws.addRow([describePlace(issue.location), issue.code, formatIssue({ ...issue, location: { kind: 'file', file: '' } })]);
    row.getCell(3).alignment = { wrapText: true };
  }
  return workbookBytes(workbook);
}
