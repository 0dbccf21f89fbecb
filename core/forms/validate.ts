import { makeIssue, type Issue } from '../issues';
import { calculationOrder } from './check-definition';
import { coerceCell } from './coerce';
import type { Field, FormDefinition } from './definition';
import { FormState, type FieldCell } from './form-state';
import { addressOf, fieldColumn, locateLayouts, normaliseKey, type LocatedLayout } from './locate';
import type { ReferenceData } from './reference-data';
import { checkRelevant, FIELD_RULES } from './rules/field-rules';
import { runChecks } from './rules/cross-field';
import { parseAddress, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
import type { FormValues, Value } from './values';
import { displayCellValue } from '../workbook/cell-values';
import { parseRange } from '../sheet/address';

export interface ValidateOptions {
  /** Shown in every location (the CLI passes the file name). */
  file?: string;
  /** The data workbook, for reference rules; without it they are skipped. */
  data?: ReferenceData;
}

export interface ValidationResult {
  formId: string;
  version: number;
  values: FormValues;
  /** Fields and table cells («id#row») that were not relevant. */
  irrelevant: string[];
  /** Where each answer lives (one cell, or one per row). */
  cells: Record<string, FieldCell | Array<FieldCell | undefined>>;
  issues: Issue[];
}

interface MergeBox {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}
const mergeBoxes = new WeakMap<SheetSnapshot, MergeBox[]>();
const percentSets = new WeakMap<SheetSnapshot, Set<string>>();

/** A sheet's merged ranges, parsed once per sheet. */
function boxesOf(sheet: SheetSnapshot): MergeBox[] {
  let boxes = mergeBoxes.get(sheet);
  if (!boxes) {
    boxes = sheet.merges.flatMap((range) => {
      const box = parseRange(range);
      return box ? [{ range, ...box }] : [];
    });
    mergeBoxes.set(sheet, boxes);
  }
  return boxes;
}

function mergedRange(sheet: SheetSnapshot, address: string): string | undefined {
  if (sheet.merges.length === 0) return undefined;
  const p = parseAddress(address);
  if (!p) return undefined;
  return boxesOf(sheet).find((b) => p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right)?.range;
}

function isPercentCell(sheet: SheetSnapshot, address: string): boolean {
  if (!sheet.percentCells?.length) return false;
  let set = percentSets.get(sheet);
  if (!set) {
    set = new Set(sheet.percentCells);
    percentSets.set(sheet, set);
  }
  return set.has(address);
}

/** Reads one cell: merged-over input, formula error, type and reference rules. */
function readAnswer(state: FormState, field: Field, located: LocatedLayout, address: string, issues: Issue[], index?: number): Value {
  const before = issues.length;
  const value = readCell(state, field, located, address, issues, rowMunicipality(state, field, index));
  if (issues.length > before && issues.slice(before).some((i) => i.code !== 'FORM_MERGED_INPUT')) {
    state.invalid.add(index === undefined ? field.id : `${field.id}#${index}`);
  }
  return value;
}

/**
 * A table row's own municipality (F7's «Муниципалитет» column, read before the school): a school
 * typed by name is looked for among that municipality's schools first.
 */
function rowMunicipality(state: FormState, field: Field, index: number | undefined): string | undefined {
  if (field.ref !== 'school' || index === undefined) return undefined;
  const muni = state.def.fields.find((f) => f.ref === 'municipality' && f.layout === field.layout && f.id !== field.id);
  const values = muni ? state.values[muni.id] : undefined;
  const v = Array.isArray(values) ? values[index] : undefined;
  return typeof v === 'string' && v ? v : undefined;
}

function readCell(state: FormState, field: Field, located: LocatedLayout, address: string, issues: Issue[], municipality?: string): Value {
  const loc = { kind: 'cell' as const, file: state.file, sheet: located.sheet.name, address };
  const range = mergedRange(located.sheet, address);
  if (range) issues.push(makeIssue('FORM_MERGED_INPUT', loc, { label: field.label, range }));
  const cell = located.sheet.cells[address] ?? { kind: 'empty' as const };
  const percent = isPercentCell(located.sheet, address);
  const coerced = coerceCell(field, cell, field.list ? state.lists.get(field.list) : undefined, percent);
  if (!coerced.ok) {
    if (coerced.code === 'FORM_NOT_CHOICE') {
      issues.push(makeIssue('FORM_NOT_CHOICE', loc, { label: field.label, value: coerced.shown, allowed: coerced.allowed ?? '' }));
    } else {
      issues.push(makeIssue(coerced.code as Exclude<typeof coerced.code, 'FORM_NOT_CHOICE'>, loc, { label: field.label, value: coerced.shown }));
    }
    return null;
  }
  return resolveReference(state, field, coerced.value, loc, issues, displayCellValue(cell), municipality);
}

/** reference rule: FORM_REF_UNKNOWN — «МБОУ СОШ № 999» is not a school of the data workbook. */
function resolveReference(
  state: FormState,
  field: Field,
  value: Value,
  loc: Parameters<typeof makeIssue>[1],
  issues: Issue[],
  shown: string,
  municipality?: string,
): Value {
  if (!field.ref || !state.data || typeof value !== 'string' || value === '') return value;
  const data = state.data;
  const inMunicipality = field.ref === 'school' && municipality ? data.schoolIdIn?.(value, municipality) : undefined;
  const id =
    inMunicipality ??
    (field.ref === 'municipality' ? data.municipalityId(value) : field.ref === 'school' ? data.schoolId(value) : data.personId(value));
  if (id !== undefined) return id;
  issues.push(makeIssue('FORM_REF_UNKNOWN', loc, { label: field.label, value: shown, what: field.ref }));
  return null;
}

function readFields(state: FormState, located: Map<string, LocatedLayout>, issues: Issue[]): void {
  const missingRows = new Set<string>();
  for (const field of state.def.fields) {
    const l = field.layout ? located.get(field.layout) : undefined;
    if (!l) continue;
    const header = fieldColumn(l.layout, field);
    if (l.layout.kind === 'card') {
      const key = normaliseKey(field.key ?? '');
      const row = l.rows.find((r) => r.key === key);
      const address = row ? addressOf(l, row.row, header) : undefined;
      if (!row && !missingRows.has(`${l.layout.id}|${key}`)) {
        missingRows.add(`${l.layout.id}|${key}`);
        issues.push(
          makeIssue('FORM_ROW_MISSING', { kind: 'sheet', file: state.file, sheet: l.sheet.name }, { key: field.key ?? '', label: field.label }),
        );
      }
      if (!address) continue;
      state.cells.set(field.id, { sheet: l.sheet.name, address });
      state.values[field.id] = field.calculate ? null : readAnswer(state, field, l, address, issues);
      continue;
    }
    // A missing column was reported once (COLUMN_MISSING); its rows are not reported again one by one.
    if (!field.calculate && !l.columns.has(header)) continue;
    const cells: Array<FieldCell | undefined> = [];
    const values: Value[] = [];
    for (const r of l.rows) {
      const address = addressOf(l, r.row, header);
      cells.push(address ? { sheet: l.sheet.name, address } : undefined);
      values.push(address && !field.calculate ? readAnswer(state, field, l, address, issues, values.length) : null);
    }
    state.cells.set(field.id, cells);
    state.values[field.id] = values;
  }
  for (const [id, l] of located) {
    if (l.layout.kind === 'card') continue;
    if (l.layout.kind === 'matrix') {
      const options = state.lists.get(l.layout.rows)?.options ?? [];
      for (const o of options) {
        if (!l.rows.some((r) => r.key === o.value)) {
          issues.push(
            makeIssue('FORM_ROW_MISSING', { kind: 'sheet', file: state.file, sheet: l.sheet.name }, { key: o.value, label: o.label ?? o.value }),
          );
        }
      }
    }
    state.rows.set(
      id,
      l.rows.map((r) => r.key),
    );
  }
  // A matrix row's key is read like any answer: a field whose column is the key header (F2's `problem_no`).
}

function calculate(state: FormState): void {
  for (const id of calculationOrder(state.def)) {
    const field = state.fields.get(id)!;
    if (!state.isColumn(field)) {
      state.values[id] = state.evaluateSource(field.calculate!);
      continue;
    }
    const n = state.rowCount(field);
    state.values[id] = Array.from({ length: n }, (_, i) => state.evaluateSource(field.calculate!, state.rowRef(field, i)));
  }
}

function applyFieldRules(state: FormState, issues: Issue[]): void {
  for (const field of state.def.fields) {
    if (!(field.id in state.values)) continue;
    const n = state.rowCount(field);
    for (let i = 0; i < n; i++) {
      const index = state.isColumn(field) ? i : undefined;
      const row = index === undefined ? undefined : state.rowRef(field, index);
      const answer = { field, value: index === undefined ? (state.values[field.id] ?? null) : state.rowValue(field.id, index), index, row };
      if (!checkRelevant(state, answer, issues)) {
        state.irrelevant.add(index === undefined ? field.id : `${field.id}#${index}`);
        const v = state.values[field.id];
        if (index === undefined) state.values[field.id] = null;
        else if (Array.isArray(v)) v[index] = null;
        continue;
      }
      if (field.calculate || state.invalid.has(index === undefined ? field.id : `${field.id}#${index}`)) continue;
      for (const rule of FIELD_RULES) {
        const issue = rule.check(state, answer);
        if (issue) {
          issues.push(issue);
          // A value out of range or missing is unusable; one that fails a constraint still counts elsewhere.
          if (rule.kind !== 'constraint') state.invalid.add(index === undefined ? field.id : `${field.id}#${index}`);
          break;
        }
      }
    }
  }
}

/**
 * Validates a filled form in one pass: every finding (type, required, relevant, constraint,
 * cross-field, reference) and the typed values, calculated fields included.
 */
export function validateForm(def: FormDefinition, snapshot: WorkbookSnapshot, options: ValidateOptions = {}): ValidationResult {
  const state = new FormState(def, options.data, options.file);
  const { located, issues } = locateLayouts(def, snapshot, options.file);
  readFields(state, located, issues);
  calculate(state);
  applyFieldRules(state, issues);
  calculate(state);
  issues.push(...runChecks(state));
  return {
    formId: def.id,
    version: def.version,
    values: state.values,
    irrelevant: [...state.irrelevant],
    cells: Object.fromEntries(state.cells),
    issues,
  };
}
