/**
 * What a methodologist does to next year's form, done with exceljs on a copy of
 * templates/forms/F1-2024.xlsx: a constraint changed, a score threshold moved, a field added.
 * Shared by the CLI test and the pane's e2e test, which must both apply it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

export const SHIPPED_F1 = path.join(__dirname, '..', '..', 'templates', 'forms', 'F1-2024.xlsx');
/** The constraint put on «trained_pct» (2.3): a card with 85 % now fails it. */
export const NEW_CONSTRAINT = '. >= 90';
export const NEW_CONSTRAINT_MESSAGE = 'повышение квалификации должны пройти не меньше 90 % педагогов ШНОР';
/** «events» (2.4) reached its top band from 4 events; now from 6. */
export const OLD_BAND_FROM = 4;
export const NEW_BAND_FROM = 6;
/** The added indicator, row 2.7 of the card. */
export const NEW_FIELD = { id: 'mentors', key: '2.7', label: 'Наставники назначены во всех ШНОР' };

function columns(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => out.set(String(c.value).trim(), n));
  return out;
}

function col(map: Map<string, number>, header: string): number {
  const n = map.get(header);
  if (n === undefined) throw new Error(`no column «${header}»`);
  return n;
}

/** The edited definition's bytes. */
export async function editedF1(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SHIPPED_F1) as unknown as ArrayBuffer);
  const fields = wb.getWorksheet('Поля');
  const points = wb.getWorksheet('Баллы');
  if (!fields || !points) throw new Error('F1-2024.xlsx has no «Поля» or «Баллы»');
  const fc = columns(fields);
  let constrained = false;
  fields.eachRow((row, n) => {
    if (n > 1 && row.getCell(col(fc, 'Код')).value === 'trained_pct') {
      row.getCell(col(fc, 'Ограничение')).value = NEW_CONSTRAINT;
      row.getCell(col(fc, 'Сообщение')).value = NEW_CONSTRAINT_MESSAGE;
      constrained = true;
    }
  });
  const pc = columns(points);
  let moved = false;
  points.eachRow((row, n) => {
    if (n > 1 && row.getCell(col(pc, 'Поле')).value === 'events' && row.getCell(col(pc, 'От')).value === OLD_BAND_FROM) {
      row.getCell(col(pc, 'От')).value = NEW_BAND_FROM;
      moved = true;
    }
  });
  if (!constrained || !moved) throw new Error('F1-2024.xlsx no longer has trained_pct or the events band from 4: update this helper');
  const put = (ws: ExcelJS.Worksheet, map: Map<string, number>, values: Record<string, string | number>) => {
    const row = ws.getRow(ws.actualRowCount + 1);
    for (const [h, v] of Object.entries(values)) row.getCell(col(map, h)).value = v;
    row.commit();
  };
  put(fields, fc, {
    Код: NEW_FIELD.id,
    Подпись: NEW_FIELD.label,
    Макет: 'card',
    Ключ: NEW_FIELD.key,
    Раздел: 's2',
    Тип: 'да/нет',
    Обязательно: 'да',
  });
  put(points, pc, { Поле: NEW_FIELD.id, Раздел: 's2', Вариант: 'да', Баллы: 2 });
  put(points, pc, { Поле: NEW_FIELD.id, Раздел: 's2', Вариант: 'нет', Баллы: 0 });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The edited definition written as `<dir>/F1-2024.xlsx` (same form and version: it replaces the shipped one). */
export async function writeEditedF1(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'F1-2024.xlsx');
  writeFileSync(file, await editedF1());
  return file;
}
