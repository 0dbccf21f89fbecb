import { makeIssue, type Issue } from '../../issues';
import { personKey } from '../reference-data';
import type { Check, CheckKind, Field } from '../definition';
import { toNumber } from '../expression/evaluate';
import { referencedNames } from '../expression/ast';
import { parseExpression } from '../expression/parse';
import type { FormState } from '../form-state';
import { displayValue, isEmptyValue, type Value } from '../values';

/** Each cross-field rule kind: its own check, its own issue code. */
type CrossCheck = (state: FormState, check: Check, field: Field) => Issue[];

/** Every (value, row index) of a field, scalar or column, skipping empty and non-relevant answers. */
function answers(state: FormState, field: Field): Array<{ value: Value; index?: number }> {
  const out: Array<{ value: Value; index?: number }> = [];
  if (!state.isColumn(field)) {
    const v = state.values[field.id] ?? null;
    if (!isEmptyValue(v) && !state.isIrrelevant(field.id) && !state.invalid.has(field.id)) out.push({ value: v });
    return out;
  }
  const n = state.rowCount(field);
  for (let i = 0; i < n; i++) {
    const v = state.rowValue(field.id, i);
    if (!isEmptyValue(v) && !state.isIrrelevant(field.id, i) && !state.invalid.has(`${field.id}#${i}`)) out.push({ value: v, index: i });
  }
  return out;
}

const OPS: Record<string, (a: number | string, b: number | string) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
};

function year(state: FormState, check: Check): number | null {
  return check.year ? toNumber(state.evaluateSource(check.year)) : null;
}

function text(v: Value): string {
  return typeof v === 'string' ? v : displayValue(v);
}

const CHECKS: Record<CheckKind, CrossCheck> = {
  /** FORM_COMPARE — «ШНОР с куратором» 12 while «ШНОР всего» is 10 (op <=, value schools_total). */
  compare(state, check, field) {
    return answers(state, field).flatMap(({ value, index }) => {
      const row = index === undefined ? undefined : state.rowRef(field, index);
      const other = state.evaluateSource(check.value!, row);
      const a = toNumber(value);
      const b = toNumber(other);
      if (a === null || b === null || OPS[check.op ?? '<=']!(a, b)) return [];
      return [
        makeIssue('FORM_COMPARE', state.locationOf(field.id, index), {
          label: field.label,
          value: displayValue(a),
          op: check.op ?? '<=',
          other: displayValue(b),
          custom: check.message,
        }),
      ];
    });
  },
  /** FORM_DATE_OUTSIDE — an act dated 12.03.2019 in a 2024 card (period from/to). */
  period(state, check, field) {
    return answers(state, field).flatMap(({ value, index }) => {
      const row = index === undefined ? undefined : state.rowRef(field, index);
      const from = state.evaluateSource(check.from!, row);
      const to = state.evaluateSource(check.to!, row);
      if (typeof value !== 'string' || typeof from !== 'string' || typeof to !== 'string') return [];
      if (value >= from && value <= to) return [];
      return [
        makeIssue('FORM_DATE_OUTSIDE', state.locationOf(field.id, index), {
          label: field.label,
          value: displayValue(value),
          from: displayValue(from),
          to: displayValue(to),
          custom: check.message,
        }),
      ];
    });
  },
  /** FORM_RANK_INVALID — priorities 1, 1, 3: ranks must be 1..N without ties or gaps (N ≤ value). */
  ranks(state, check, field) {
    const given = answers(state, field);
    const limit = check.value ? toNumber(state.evaluateSource(check.value)) : null;
    const seen = new Map<number, number | undefined>();
    const issues: Issue[] = [];
    for (const { value, index } of given) {
      const n = toNumber(value);
      const bad = n === null || !Number.isInteger(n) || n < 1 || n > given.length || (limit !== null && n > limit) || seen.has(n);
      if (bad) {
        issues.push(
          makeIssue('FORM_RANK_INVALID', state.locationOf(field.id, index), {
            label: field.label,
            value: displayValue(value),
            count: given.length,
            tie: n !== null && seen.has(n),
            custom: check.message,
          }),
        );
      }
      if (n !== null) seen.set(n, index);
    }
    return issues;
  },
  /** FORM_DUPLICATE_VALUE — one school twice in the distribution. */
  unique(state, check, field) {
    const first = new Map<string, number | undefined>();
    return answers(state, field).flatMap(({ value, index }) => {
      const k = text(value).toLowerCase();
      if (!first.has(k)) {
        first.set(k, index);
        return [];
      }
      const at = state.cellOf(field.id, first.get(k));
      return [
        makeIssue('FORM_DUPLICATE_VALUE', state.locationOf(field.id, index), {
          label: field.label,
          value: state.shown(field, value),
          first: at?.address ?? '',
          here: state.cellOf(field.id, index)?.address ?? '',
          custom: check.message,
        }),
      ];
    });
  },
  /** FORM_LIST_NOT_COVERED — a ШНОР of 2024 missing from the distribution. */
  covers(state, check, field) {
    const y = year(state, check);
    if (!state.data || y === null) return [];
    const muni = check.municipality ? state.evaluateSource(check.municipality) : null;
    const present = new Set(answers(state, field).map((a) => text(a.value)));
    const expected = state.data.listSchools(check.list!, y, typeof muni === 'string' && muni ? muni : undefined);
    const layout = field.layout ? state.layouts.get(field.layout) : undefined;
    const where = layout ? { kind: 'sheet' as const, file: state.file, sheet: layout.sheet } : state.locationOf(field.id);
    return expected
      .filter((id) => !present.has(id))
      .map((id) =>
        makeIssue('FORM_LIST_NOT_COVERED', where, {
          value: state.data?.schoolName(id) ?? id,
          code: id,
          list: check.list!,
          custom: check.message,
        }),
      );
  },
  /** FORM_CAP_EXCEEDED — a curator given 7 schools when curator_cap is 5. */
  cap(state, check, field) {
    const cap = toNumber(state.evaluateSource(check.value!));
    if (cap === null) return [];
    const counts = new Map<string, number>();
    const issues: Issue[] = [];
    const all = answers(state, field);
    const keys = all.map(({ value }) => personKey(text(value)));
    const totals = new Map<string, number>();
    for (const k of keys) totals.set(k, (totals.get(k) ?? 0) + 1);
    for (const [i, { value, index }] of all.entries()) {
      const k = keys[i]!;
      const n = (counts.get(k) ?? 0) + 1;
      counts.set(k, n);
      if (n === cap + 1) {
        const total = totals.get(k) ?? n;
        issues.push(
          makeIssue('FORM_CAP_EXCEEDED', state.locationOf(field.id, index), {
            label: field.label,
            value: state.shown(field, value),
            count: total,
            cap,
            custom: check.message,
          }),
        );
      }
    }
    return issues;
  },
  /** FORM_COUNT_MISMATCH — «Количество ШНОР» says 5, the data workbook lists 6 for the municipality. */
  listCount(state, check, field) {
    const y = year(state, check);
    const muni = state.evaluateSource(check.municipality!);
    if (!state.data || y === null || typeof muni !== 'string' || !muni) return [];
    const expected = state.data.listSchools(check.list!, y, muni).length;
    return answers(state, field).flatMap(({ value, index }) =>
      toNumber(value) === expected
        ? []
        : [
            makeIssue('FORM_COUNT_MISMATCH', state.locationOf(field.id, index), {
              label: field.label,
              value: displayValue(value),
              expected,
              list: check.list!,
              custom: check.message,
            }),
          ],
    );
  },
  /** FORM_WRONG_MUNICIPALITY — a school of Кыштым in the card of Миасс. */
  belongs(state, check, field) {
    const data = state.data;
    if (!data) return [];
    return answers(state, field).flatMap(({ value, index }) => {
      const row = index === undefined ? undefined : state.rowRef(field, index);
      const muni = state.evaluateSource(check.municipality!, row);
      if (typeof value !== 'string' || typeof muni !== 'string' || !muni) return [];
      const actual = data.schoolMunicipality(value);
      if (actual === undefined || actual === muni) return [];
      return [
        makeIssue('FORM_WRONG_MUNICIPALITY', state.locationOf(field.id, index), {
          value: state.shown(field, value),
          municipality: data.municipalityName(muni) ?? muni,
          custom: check.message,
        }),
      ];
    });
  },
};

/** A check whose parameters look at an answer already reported as wrong would only repeat that finding. */
function dependsOnInvalid(state: FormState, check: Check): boolean {
  return [check.value, check.from, check.to, check.year, check.municipality].some((src) => {
    if (!src) return false;
    const parsed = parseExpression(src);
    return parsed.ok && [...referencedNames(parsed.expr)].some((n) => state.invalid.has(n));
  });
}

export function runChecks(state: FormState): Issue[] {
  return state.def.checks.flatMap((check) => {
    const field = state.fields.get(check.field);
    return field && !dependsOnInvalid(state, check) ? CHECKS[check.kind](state, check, field) : [];
  });
}
