import { makeIssue, type Issue } from '../../issues';
import type { Field } from '../definition';
import { truthy } from '../expression/evaluate';
import { referencedNames } from '../expression/ast';
import { parseExpression } from '../expression/parse';
import type { FormState, RowRef } from '../form-state';
import { displayValue, isEmptyValue, type Value } from '../values';

/** One answer under check: a scalar field, or one row of a table/matrix column. */
export interface AnswerRef {
  field: Field;
  value: Value;
  index?: number;
  row?: RowRef;
}

/** A rule kind of a single answer: it declares its own check and its issue code. */
export interface FieldRule {
  kind: string;
  check(state: FormState, answer: AnswerRef): Issue | undefined;
}

function isAlways(src: string): boolean {
  return ['true', 'да', 'истина', '1'].includes(src.trim().toLowerCase());
}

export function isRequired(state: FormState, field: Field, row?: RowRef): boolean {
  if (!field.required) return false;
  return isAlways(field.required) || truthy(state.evaluateSource(field.required, row));
}

/** FORM_REQUIRED — «Номер акта» empty while the act is marked as adopted. */
const required: FieldRule = {
  kind: 'required',
  check(state, { field, value, index, row }) {
    if (!isEmptyValue(value) || !isRequired(state, field, row)) return undefined;
    return makeIssue('FORM_REQUIRED', state.locationOf(field.id, index), { label: field.label });
  },
};

/** FORM_OUT_OF_RANGE — 15 where «от 0 до 10» is set in the definition's min/max. */
const range: FieldRule = {
  kind: 'range',
  check(state, { field, value, index }) {
    const n = typeof value === 'number' ? value : null;
    if (n === null || (field.min === undefined && field.max === undefined)) return undefined;
    if ((field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max)) return undefined;
    return makeIssue('FORM_OUT_OF_RANGE', state.locationOf(field.id, index), {
      label: field.label,
      value: displayValue(n),
      min: field.min === undefined ? undefined : displayValue(field.min),
      max: field.max === undefined ? undefined : displayValue(field.max),
    });
  },
};

/** FORM_CONSTRAINT — `. <= schools_total` fails; the definition's own message is shown. */
const constraint: FieldRule = {
  kind: 'constraint',
  check(state, { field, value, index, row }) {
    if (!field.constraint || isEmptyValue(value)) return undefined;
    if (truthy(state.evaluateSource(field.constraint, row, value))) return undefined;
    return makeIssue('FORM_CONSTRAINT', state.locationOf(field.id, index), {
      label: field.label,
      message: field.constraintMessage,
      value: state.shown(field, value),
      expression: field.constraint,
    });
  },
};

/** Checked in this order for each relevant answer (type and reference were checked while reading). */
export const FIELD_RULES: readonly FieldRule[] = [required, range, constraint];

/**
 * relevant — an answer only asked when another answer says so. Returns false when the answer is
 * not relevant; a value typed there anyway gets FORM_NOT_RELEVANT (a warning) and is dropped.
 */
export function checkRelevant(state: FormState, answer: AnswerRef, issues: Issue[]): boolean {
  const { field, value, index, row } = answer;
  if (!field.relevant || truthy(state.evaluateSource(field.relevant, row))) return true;
  // When the answer the condition looks at was itself unreadable, relevance is unknown: keep the value.
  const parsed = parseExpression(field.relevant);
  if (parsed.ok && [...referencedNames(parsed.expr)].some((n) => state.invalid.has(n) || (index !== undefined && state.invalid.has(`${n}#${index}`))))
    return true;
  if (!isEmptyValue(value) && !field.calculate) {
    issues.push(makeIssue('FORM_NOT_RELEVANT', state.locationOf(field.id, index), { label: field.label }, 'warning'));
  }
  return false;
}
