import ExcelJS from 'exceljs';
import { describePlace } from '../messages';
import { stampWorkbook, workbookBytes } from './workbook-stamp';
import type { Issue } from '../issues';
import { svodSheetName, type Svod } from './collect';
import type { FormDefinition } from './definition';
import { headerWidth, rowHeight } from './sheet-fit';

/** Column headers of the svod: UI labels, kept together here. */
const LABELS = {
  findings: 'Замечания',
  no: '№',
  municipality: 'Муниципалитет',
  file: 'Файл',
  total: 'Итого баллов',
  max: 'Максимум',
  percent: '%',
  level: 'Уровень',
  flags: 'Красные флаги',
  errors: 'Ошибок',
  warnings: 'Предупреждений',
  place: 'Где',
  severity: 'Важность',
  message: 'Замечание',
  error: 'ошибка',
  warning: 'предупреждение',
  region: 'весь свод',
} as const;

const argb = (hex: string): string => `FF${hex.toUpperCase()}`;
const TOP_WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** The municipality a finding belongs to: the svod row of its card, the municipality a missing card names, else the file. */
function municipalityOf(issue: Issue, byFile: ReadonlyMap<string, string>): string {
  const l = issue.location;
  if (l.kind === 'record' && issue.code === 'COLLECT_MISSING') return l.record;
  const file = 'file' in l && l.file ? l.file : undefined;
  if (!file) return LABELS.region;
  return byFile.get(file) ?? `файл «${file}»`;
}

/** Fits a sheet: widths from the headers' longest words (at least `min`), wrapped cells, heights that hold every line. */
function fitSheet(ws: ExcelJS.Worksheet, headerRowNo: number, given: number[]): void {
  // No word is cut: a column is at least as wide as the longest word it holds (bold text a little wider).
  const widths = [...given];
  ws.eachRow((row, n) => {
    if (n < headerRowNo) return;
    row.eachCell((cell, col) => {
      const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
      const bold = Boolean(cell.font?.bold);
      widths[col - 1] = Math.max(widths[col - 1] ?? 10, Math.min(60, headerWidth(text, 0) + (bold ? 2 : 0)));
    });
  });
  ws.columns.forEach((c, i) => {
    c.width = widths[i] ?? 10;
  });
  ws.eachRow((row, n) => {
    if (n < headerRowNo) return;
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      texts[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
      cell.alignment = { ...TOP_WRAP, ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
    });
    row.height = rowHeight(texts, widths);
  });
}

/** One svod sheet: the rows of the cards of one version, scored by its definition. */
function addSvodSheet(wb: ExcelJS.Workbook, def: FormDefinition, svod: Svod, version: number, years: readonly number[]): void {
  const ws = wb.addWorksheet(svodSheetName(version, years));
  const sections = def.scoring?.sections ?? [];
  ws.getCell(1, 1).value = years.length > 1 ? `${def.title} (версия ${version})` : def.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = def.methodology ?? '';
  ws.getCell(2, 1).font = { italic: true, size: 9 };
  const headers = [
    LABELS.no,
    LABELS.municipality,
    ...sections.map((s) => s.title),
    LABELS.total,
    LABELS.max,
    LABELS.percent,
    LABELS.level,
    LABELS.flags,
    LABELS.errors,
    LABELS.warnings,
    LABELS.file,
  ];
  const head = ws.getRow(3);
  headers.forEach((h, i) => {
    head.getCell(i + 1).value = h;
  });
  head.font = { bold: true };
  const widths = headers.map((h, i) => {
    if (i === 0) return 5;
    if (h === LABELS.municipality) return 36;
    if (h === LABELS.flags) return 48;
    if (h === LABELS.file) return 28;
    return Math.max(headerWidth(h, 10), Math.min(16, Math.ceil(h.length / 3) + 2));
  });
  ws.columns = headers.map(() => ({}));
  svod.rows.forEach((r, n) => {
    const s = r.score;
    const row = ws.addRow([
      n + 1,
      r.municipality,
      ...sections.map((sec) => s.sections.find((x) => x.id === sec.id)?.points ?? null),
      s.total,
      s.max,
      s.percent ?? s.levelValue,
      s.level?.title ?? '',
      s.flags.map((f) => f.message).join('\n'),
      r.errors,
      r.warnings,
      r.file,
    ]);
    const levelCell = row.getCell(headers.indexOf(LABELS.level) + 1);
    if (s.level) levelCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.level.color) } };
    if (s.flags.length) row.getCell(headers.indexOf(LABELS.flags) + 1).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  fitSheet(ws, 3, widths);
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + svod.rows.length, column: headers.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
}

/**
 * The svod workbook: one row per municipality with section scores, total, percent, coloured level,
 * red flags — a sheet per version of the form when the cards are of several («Свод 2024», «Свод
 * 2025», each headed with its version and scored by its own definition); every finding on the
 * «Замечания» sheet, by municipality, in Russian. Headers wrap at whole words, rows are as tall as
 * their text, the header is frozen and filtered.
 */
export async function buildSvodWorkbook(
  def: FormDefinition,
  svod: Svod,
  versions: ReadonlyArray<{ version: number; definition: FormDefinition; svod: Svod }> = [{ version: def.version, definition: def, svod }],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb);
  const years = versions.map((v) => v.version);
  for (const v of versions) addSvodSheet(wb, v.definition, v.svod, v.version, years);
  const fs = wb.addWorksheet(LABELS.findings);
  const findingHeaders = [LABELS.municipality, LABELS.place, LABELS.severity, LABELS.message];
  fs.addRow(findingHeaders).font = { bold: true };
  fs.columns = findingHeaders.map(() => ({}));
  const byFile = new Map(versions.flatMap((v) => v.svod.rows.map((r) => [r.file, r.municipality] as const)));
  const rows = svod.findings.map((issue) => [
    municipalityOf(issue, byFile),
    describePlace(issue.location),
    issue.severity === 'error' ? LABELS.error : LABELS.warning,
    issue.message,
  ]);
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!, 'ru'));
  for (const r of rows) fs.addRow(r);
  fitSheet(fs, 1, [36, 34, headerWidth(LABELS.warning), 90]);
  fs.views = [{ state: 'frozen', ySplit: 1 }];
  fs.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: findingHeaders.length } };
  fs.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  return workbookBytes(wb);
}
