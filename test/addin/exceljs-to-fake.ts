import type ExcelJS from 'exceljs';
import type { ExcelValue, SheetVisibility } from '../../addin/excel/office-types';
import type { FakeCell, FakeSheetInit } from './fake-excel';

/**
 * What Excel would report for a workbook exceljs has read: `values` hold numbers, text, booleans and
 * error strings (a date is its serial number under a date format; a formula its result; rich text
 * its text), and only the top-left cell of a merge holds the value.
 */

const VISIBILITY: Record<string, SheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

function serial(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}

export function excelValueOf(raw: unknown): ExcelValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return serial(raw);
  if (typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  if ('error' in o) return String(o.error);
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return excelValueOf(o.result);
  if ('text' in o) return excelValueOf(o.text);
  return undefined;
}

export function fakeSheetsFromExcelJs(workbook: ExcelJS.Workbook): FakeSheetInit[] {
  const sheets: FakeSheetInit[] = [];
  workbook.eachSheet((ws) => {
    const cells: Record<string, FakeCell> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const value = excelValueOf(cell.value);
        if (value === undefined) return;
        cells[cell.address] = { value, numberFormat: cell.numFmt || 'General' };
      });
    });
    const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).slice();
    sheets.push({ name: ws.name, visibility: VISIBILITY[ws.state] ?? 'Visible', cells, merges });
  });
  return sheets;
}
