import ExcelJS from 'exceljs';
import { stampWorkbook, workbookBytes } from './workbook-stamp';
import type { FormDefinition } from './definition';
import { DEF_SHEETS, SETTINGS_HEADERS, SETTINGS_KEYS, SETTINGS_SHEET, wordFor, type DefSheet } from './definition-sheets';

function rowsOf(def: FormDefinition, part: DefSheet['part']): Array<Record<string, unknown>> {
  switch (part) {
    case 'layouts':
      return def.layouts;
    case 'fields':
      return def.fields;
    case 'checks':
      return def.checks;
    case 'lists':
      return def.lists.flatMap((l) => l.options.map((o) => ({ list: l.id, value: o.value, label: o.label, note: o.note })));
    case 'sections':
      return def.scoring?.sections ?? [];
    case 'items':
      return (def.scoring?.items ?? []).flatMap((item) =>
        item.rules.map((r, i) => ({
          field: item.field,
          section: item.section,
          ...r,
          na: i === 0 ? item.na : undefined,
        })),
      );
    case 'levels':
      return def.scoring?.levels ?? [];
    case 'flags':
      return def.scoring?.flags ?? [];
  }
}

/**
 * Writes a definition as the spreadsheet a methodologist edits (the inverse of
 * compileDefinitionWorkbook). Default fields (table `blankRows: 30`) are written out too.
 */
export async function writeDefinitionWorkbook(def: FormDefinition): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  stampWorkbook(wb);
  const settings = wb.addWorksheet(SETTINGS_SHEET);
  settings.columns = [
    { header: SETTINGS_HEADERS[0], width: 24 },
    { header: SETTINGS_HEADERS[1], width: 70 },
  ];
  const known: Record<string, unknown> = {
    id: def.id,
    version: def.version,
    title: def.title,
    methodology: def.methodology,
    levelBy: def.scoring?.levelBy,
  };
  for (const [word, key] of Object.entries(SETTINGS_KEYS)) {
    if (known[key] !== undefined) settings.addRow([word, known[key]]);
  }
  for (const [name, value] of Object.entries(def.params)) settings.addRow([name, value]);
  for (const spec of DEF_SHEETS) {
    const ws = wb.addWorksheet(spec.sheet);
    ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    for (const record of rowsOf(def, spec.part)) {
      ws.addRow(
        spec.columns.map((c) => {
          const v = record[c.key];
          if (v === undefined || v === null) return null;
          return c.kind === 'word' ? wordFor(c, String(v)) : c.kind === 'number' ? v : String(v);
        }),
      );
    }
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  for (const ws of wb.worksheets) ws.getRow(1).font = { bold: true };
  return workbookBytes(wb);
}
