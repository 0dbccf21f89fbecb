import { makeIssue, type Issue, type IssueLocation } from '../issues';
import { sameName } from '../text-similarity';
import { displayCellValue, type CellValue } from '../workbook/cell-values';
import { DEF_SHEETS, SETTINGS_HEADERS, SETTINGS_KEYS, SETTINGS_SHEET, type DefColumn, type DefSheet } from './definition-sheets';
import { parseDefinition, type ParsedDefinition } from './parse-definition';
import { cellAddress, cellAt, sheetExtent, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';

type Row = { row: number; data: Record<string, string | number> };

function cellText(v: CellValue): string {
  return v.kind === 'text' ? v.text.trim() : v.kind === 'date' ? v.iso : displayCellValue(v);
}

/** A word typed in a word column that is not one of its words: reported with the Russian words allowed. */
interface BadWord {
  column: DefColumn;
  text: string;
  address: string;
}

function convert(column: DefColumn, v: CellValue, bad?: (text: string) => void): string | number | undefined {
  if (v.kind === 'empty') return undefined;
  if (column.kind === 'number') {
    if (v.kind === 'number') return v.value;
    const n = Number(cellText(v).replace(',', '.').replace(/\s/g, ''));
    return Number.isFinite(n) ? n : cellText(v);
  }
  const text = v.kind === 'number' ? String(v.value) : cellText(v);
  if (column.kind === 'word') {
    const hit = Object.entries(column.words ?? {}).find(([word, value]) => sameName(word, text) || value === text);
    if (!hit && text !== '') bad?.(text);
    return hit ? hit[1] : text;
  }
  return text;
}

function readRows(sheet: SheetSnapshot, spec: DefSheet, badWords: BadWord[]): Row[] {
  const { rows, cols } = sheetExtent(sheet);
  const colOf = new Map<string, number>();
  for (let c = 1; c <= cols; c++) {
    const h = cellText(cellAt(sheet, 1, c));
    const column = spec.columns.find((x) => sameName(x.header, h));
    if (column) colOf.set(column.key, c);
  }
  const out: Row[] = [];
  for (let r = 2; r <= rows; r++) {
    const data: Record<string, string | number> = {};
    for (const column of spec.columns) {
      const c = colOf.get(column.key);
      const v =
        c === undefined ? undefined : convert(column, cellAt(sheet, r, c), (text) => badWords.push({ column, text, address: cellAddress(r, c) }));
      if (v !== undefined && v !== '') data[column.key] = v;
    }
    if (Object.keys(data).length) out.push({ row: r, data });
  }
  return out;
}

/** A definition spreadsheet (not a card, not the data workbook): «Настройки» with «Код формы», and «Поля». */
export function looksLikeDefinitionWorkbook(snapshot: WorkbookSnapshot): boolean {
  const settings = snapshot.sheets.find((s) => sameName(s.name, SETTINGS_SHEET));
  if (!settings || !snapshot.sheets.some((s) => sameName(s.name, 'Поля'))) return false;
  const idRow = Object.entries(SETTINGS_KEYS).find(([, key]) => key === 'id')?.[0] ?? '';
  const { rows } = sheetExtent(settings);
  for (let r = 1; r <= rows; r++) if (sameName(cellText(cellAt(settings, r, 1)), idRow)) return true;
  return false;
}

/**
 * Compiles a definition spreadsheet («Настройки», «Макеты», «Поля», «Списки», «Проверки»,
 * «Разделы», «Баллы», «Уровни», «Флаги») into a checked definition. Problems point at the
 * definition's own sheet and row, the way problems in user data do.
 */
export function compileDefinitionWorkbook(snapshot: WorkbookSnapshot, file?: string): ParsedDefinition {
  const find = (name: string): SheetSnapshot | undefined => snapshot.sheets.find((s) => sameName(s.name, name));
  const origins = new Map<string, IssueLocation>();
  const at = (sheet: string, row: number): IssueLocation => ({ kind: 'cell', file, sheet, address: `A${row}` });
  const settings = find(SETTINGS_SHEET);
  if (!settings) {
    return { ok: false, issues: [makeIssue('SHEET_MISSING', { kind: 'sheet', file, sheet: SETTINGS_SHEET }, { sheet: SETTINGS_SHEET })] };
  }
  const raw: Record<string, unknown> = { params: {} };
  const params: Record<string, string | number> = {};
  const { rows } = sheetExtent(settings);
  for (let r = 2; r <= rows; r++) {
    const name = cellText(cellAt(settings, r, 1));
    const cell = cellAt(settings, r, 2);
    if (!name || sameName(name, SETTINGS_HEADERS[0])) continue;
    const value = cell.kind === 'number' ? cell.value : cellText(cell);
    const key = Object.entries(SETTINGS_KEYS).find(([k]) => sameName(k, name))?.[1];
    if (key === 'version') raw.version = typeof value === 'number' ? value : Number(value);
    else if (key === 'levelBy') raw.levelBy = value;
    else if (key) raw[key] = value;
    else params[name] = typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : value;
    origins.set(key ?? 'params', at(SETTINGS_SHEET, r));
  }
  raw.params = params;
  const parts: Partial<Record<DefSheet['part'], Row[]>> = {};
  const wordIssues: Issue[] = [];
  for (const spec of DEF_SHEETS) {
    const sheet = find(spec.sheet);
    const badWords: BadWord[] = [];
    const got = sheet ? readRows(sheet, spec, badWords) : [];
    parts[spec.part] = got;
    for (const b of badWords) {
      const allowed = Object.keys(b.column.words ?? {})
        .map((word) => `«${word}»`)
        .join(', ');
      wordIssues.push(
        makeIssue(
          'FORM_DEF_BAD_WORD',
          { kind: 'cell', file, sheet: sheet?.name ?? spec.sheet, address: b.address },
          { header: b.column.header, value: b.text, allowed },
        ),
      );
    }
  }
  // A word the sheet does not know is reported at its cell, in the sheet's own words (not zod's English enum).
  if (wordIssues.length) return { ok: false, issues: wordIssues };
  const index = (part: string, rowsOf: Row[], sheet: string): void => rowsOf.forEach((r, i) => origins.set(`${part}.${i}`, at(sheet, r.row)));
  raw.layouts = (parts.layouts ?? []).map((r) => r.data);
  index('layouts', parts.layouts ?? [], 'Макеты');
  raw.fields = (parts.fields ?? []).map((r) => r.data);
  index('fields', parts.fields ?? [], 'Поля');
  raw.checks = (parts.checks ?? []).map((r) => r.data);
  index('checks', parts.checks ?? [], 'Проверки');

  const lists = new Map<string, { id: string; options: Array<{ value: string; label?: string }> }>();
  for (const r of parts.lists ?? []) {
    const id = String(r.data.list ?? '');
    const list = lists.get(id) ?? { id, options: [] };
    if (!lists.has(id)) {
      origins.set(`lists.${lists.size}`, at('Списки', r.row));
      lists.set(id, list);
    }
    list.options.push({
      value: String(r.data.value ?? ''),
      ...(r.data.label !== undefined ? { label: String(r.data.label) } : {}),
      ...(r.data.note !== undefined ? { note: String(r.data.note) } : {}),
    });
  }
  raw.lists = [...lists.values()];

  const items = new Map<string, { field: string; section: string; na?: string; rules: Array<Record<string, unknown>> }>();
  for (const r of parts.items ?? []) {
    const field = String(r.data.field ?? '');
    let item = items.get(field);
    if (!item) {
      item = { field, section: String(r.data.section ?? ''), rules: [] };
      origins.set(`scoring.items.${items.size}`, at('Баллы', r.row));
      items.set(field, item);
    }
    if (r.data.na !== undefined) item.na = String(r.data.na);
    const { field: _f, section: _s, na: _n, ...rule } = r.data;
    if (Object.keys(rule).length) item.rules.push(rule);
  }
  const hasScoring = items.size > 0 || (parts.levels ?? []).length > 0 || (parts.sections ?? []).length > 0;
  if (hasScoring) {
    raw.scoring = {
      sections: (parts.sections ?? []).map((r) => r.data),
      items: [...items.values()],
      levels: (parts.levels ?? []).map((r) => r.data),
      flags: (parts.flags ?? []).map((r) => r.data),
      ...(raw.levelBy !== undefined ? { levelBy: raw.levelBy } : {}),
    };
    index('scoring.sections', parts.sections ?? [], 'Разделы');
    index('scoring.levels', parts.levels ?? [], 'Уровни');
    index('scoring.flags', parts.flags ?? [], 'Флаги');
  }
  delete raw.levelBy;
  return parseDefinition(
    raw,
    (path) => origins.get(path) ?? origins.get(path.split('.').slice(0, 2).join('.')) ?? { kind: 'sheet', file, sheet: SETTINGS_SHEET },
  );
}
