import ExcelJS from 'exceljs';
import { stampWorkbook, workbookBytes } from './workbook-stamp';
import type { Issue } from '../issues';
import type { Svod } from './collect';
import type { FormDefinition } from './definition';

/** Column headers of the svod: UI labels, kept together here. */
const LABELS = {
  svod: 'Свод', findings: 'Замечания', no: '№', municipality: 'Муниципалитет', file: 'Файл', total: 'Итого баллов', max: 'Максимум',
  percent: '%', level: 'Уровень', flags: 'Красные флаги', errors: 'Ошибок', warnings: 'Предупреждений',
  sheet: 'Лист', cell: 'Ячейка', code: 'Код', severity: 'Важность', message: 'Замечание', error: 'ошибка', warning: 'предупреждение',
} as const;

const argb = (hex: string): string => `FF${hex.toUpperCase()}`;

function findingRow(issue: Issue): Array<string> {
  const l = issue.location;
  const file = 'file' in l && l.file ? l.file : l.kind === 'record' ? l.record : '';
  const sheet = l.kind === 'cell' || l.kind === 'sheet' ? l.sheet : l.kind === 'record' ? l.sheet ?? '' : '';
  const cell = l.kind === 'cell' ? l.address : '';
  return [file, sheet, cell, issue.code, issue.severity === 'error' ? LABELS.error : LABELS.warning, issue.message];
}

/** The svod workbook: one row per municipality with section scores, total, percent, coloured level, red flags; every finding on a second sheet. */
export async function buildSvodWorkbook(def: FormDefinition, svod: Svod): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb);
  const ws = wb.addWorksheet(LABELS.svod);
  const sections = def.scoring?.sections ?? [];
  ws.getCell(1, 1).value = def.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = def.methodology ?? '';
  ws.getCell(2, 1).font = { italic: true, size: 9 };
  const headers = [LABELS.no, LABELS.municipality, ...sections.map((s) => s.title), LABELS.total, LABELS.max, LABELS.percent, LABELS.level, LABELS.flags, LABELS.errors, LABELS.warnings, LABELS.file];
  const head = ws.getRow(3);
  headers.forEach((h, i) => { head.getCell(i + 1).value = h; });
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  ws.columns = headers.map((_, i) => ({ width: i === 0 ? 5 : i === 1 ? 36 : i === headers.length - 1 ? 28 : i === headers.length - 4 ? 40 : 12 }));
  svod.rows.forEach((r, n) => {
    const s = r.score;
    const row = ws.addRow([
      n + 1, r.municipality, ...sections.map((sec) => s.sections.find((x) => x.id === sec.id)?.points ?? null),
      s.total, s.max, s.percent ?? s.levelValue, s.level?.title ?? '', s.flags.map((f) => f.message).join('\n'), r.errors, r.warnings, r.file,
    ]);
    const levelCell = row.getCell(headers.indexOf(LABELS.level) + 1);
    if (s.level) levelCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.level.color) } };
    row.getCell(headers.indexOf(LABELS.flags) + 1).alignment = { wrapText: true };
    if (s.flags.length) row.getCell(headers.indexOf(LABELS.flags) + 1).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + svod.rows.length, column: headers.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };

  const fs = wb.addWorksheet(LABELS.findings);
  fs.columns = [
    { header: LABELS.file, width: 28 }, { header: LABELS.sheet, width: 22 }, { header: LABELS.cell, width: 8 },
    { header: LABELS.code, width: 24 }, { header: LABELS.severity, width: 14 }, { header: LABELS.message, width: 100 },
  ];
  fs.getRow(1).font = { bold: true };
  for (const issue of svod.findings) fs.addRow(findingRow(issue));
  fs.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + svod.findings.length, column: 6 } };
  return workbookBytes(wb);
}
