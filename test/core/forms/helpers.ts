import type { CellValue } from '../../../core/workbook/cell-values';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { cellAddress, type SheetSnapshot, type WorkbookSnapshot } from '../../../core/forms/snapshot';
import { FormDefinitionSchema, type FormDefinition, type FormDefinitionInput } from '../../../core/forms/definition';
import { emptyDataset, type Dataset } from '../../../core/model/schemas';

export type Cell = string | number | boolean | null | undefined | { error: string } | { date: string };

function toCell(v: Cell): CellValue {
  if (v === null || v === undefined || v === '') return { kind: 'empty' };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if ('error' in v) return { kind: 'error', code: v.error };
  return { kind: 'date', iso: v.date };
}

/** A sheet written as a table: rows[0] is sheet row 1. */
export function sheetOf(name: string, rows: Cell[][], merges: string[] = []): SheetSnapshot {
  const cells: Record<string, CellValue> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = toCell(v);
      if (cell.kind !== 'empty') cells[cellAddress(r + 1, c + 1)] = cell;
    }),
  );
  return { name, hidden: false, cells, merges };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

export function defOf(input: FormDefinitionInput): FormDefinition {
  return FormDefinitionSchema.parse(input);
}

/** A tiny region: two municipalities (names repeat on purpose), four schools, ШНОР lists. */
export function smallDataset(): Dataset {
  const d = emptyDataset();
  d.municipalities.push(
    {
      id: 'mo01',
      name: 'Кыштымский городской округ',
      kind: 'городской округ',
      authority: 'Управление образования администрации Кыштымского городского округа',
    },
    {
      id: 'mo02',
      name: 'Миасский городской округ',
      kind: 'городской округ',
      authority: 'Управление образования администрации Миасского городского округа',
    },
  );
  d.schools.push(
    { id: 's1', municipalityId: 'mo01', name: 'МОУ "СОШ № 1" г. Кыштыма' },
    { id: 's2', municipalityId: 'mo01', name: 'МОУ "СОШ № 2" г. Кыштыма' },
    { id: 's3', municipalityId: 'mo02', name: 'МАОУ "СОШ № 3" г. Миасса' },
    { id: 's4', municipalityId: 'mo02', name: 'МАОУ "Лицей № 4" г. Миасса' },
  );
  d.schoolLists.push(
    { year: 2024, schoolId: 's1', list: 'ШНОР' },
    { year: 2024, schoolId: 's2', list: 'ШНОР' },
    { year: 2024, schoolId: 's3', list: 'ШНОР' },
  );
  d.people.push(
    { id: 'p1', lastName: 'Сидорова', firstName: 'Светлана', middleName: 'Сергеевна' },
    { id: 'p2', lastName: 'Орлов', firstName: 'Олег', middleName: 'Олегович' },
    { id: 'p3', lastName: 'Антонова', firstName: 'Алёна', middleName: 'Андреевна' },
    { id: 'p4', lastName: 'Борисов', firstName: 'Борис' },
  );
  return d;
}

export const smallData = () => buildReferenceData(smallDataset());

/** A card sheet as the blank form lays it out: title in row 1, headers in row 3, one row per key. */
export function cardSheet(def: FormDefinition, layoutId: string, answers: Record<string, Cell | [Cell, Cell]>): SheetSnapshot {
  const layout = def.layouts.find((l) => l.id === layoutId);
  if (!layout || layout.kind !== 'card') throw new Error(`no card ${layoutId}`);
  const keys = [...new Set(def.fields.filter((f) => f.layout === layoutId && f.key).map((f) => f.key!))];
  const rows: Cell[][] = [[def.title], [], [layout.keyHeader, layout.labelHeader, layout.valueHeader, 'Комментарий']];
  for (const key of keys) {
    const a = answers[key];
    const [value, comment] = Array.isArray(a) ? a : [a, undefined];
    const label = def.fields.find((f) => f.key === key && f.layout === layoutId)!.label;
    rows.push([key, label, value, comment]);
  }
  return sheetOf(layout.sheet, rows);
}

/** Address of a card row's value (column C) or comment (column D). */
export function cardAddress(def: FormDefinition, layoutId: string, key: string, column: 'C' | 'D' = 'C'): string {
  const keys = [...new Set(def.fields.filter((f) => f.layout === layoutId && f.key).map((f) => f.key!))];
  return `${column}${keys.indexOf(key) + 4}`;
}

/** A complete, correct F1 card for Кыштым (mo01, 2 ШНОР in 2024). */
export const GOOD_F1: Record<string, Cell | [Cell, Cell]> = {
  '0.1': 'Кыштымский городской округ',
  '0.2': 2024,
  '0.3': '15.01.2025',
  '0.4': 'Иванова И.И., 8 (35151) 4-00-00',
  '0.5': 2,
  '1.1': 'да',
  '1.2': '08.02.2024',
  '1.3': '01-01/35',
  '1.4': 'да',
  '1.5': 'да',
  '1.6': 'да',
  '1.7': 'да',
  '2.1': 2,
  '2.2': 1,
  '2.3': '85',
  '2.4': 5,
  '2.5': 'наставничество; стажировки; консультирование',
  '2.6': 'в муниципальном бюджете',
  '3.1': 'да',
  '3.2': '01.12.2024',
  '3.3': 'да',
  '3.4': 'да',
  '3.5': '95,5',
  '4.1': 1,
  '4.2': 50,
  '4.3': 100,
  '4.4': 'значительное',
};
