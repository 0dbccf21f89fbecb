import { messageFor } from '../messages';
import type { FormDefinition, ScoreItem } from './definition';
import { toNumber, truthy } from './expression/evaluate';
import { FormState } from './form-state';
import type { ReferenceData } from './reference-data';
import { displayValue, isEmptyValue, type FormValues, type Value } from './values';

/** Which answer gave which points, and why. */
export interface ScoreExplanation {
  field: string;
  label: string;
  section: string;
  answer: string;
  /** null when not applicable (the maximum shrinks). */
  points: number | null;
  max: number;
  reason: string;
}

export interface SectionScore {
  id: string;
  title: string;
  points: number;
  max: number;
  percent: number | null;
}

export interface FormLevel {
  id: string;
  title: string;
  color: string;
  recommendation?: string;
}

export interface FormScore {
  sections: SectionScore[];
  total: number;
  max: number;
  percent: number | null;
  /** The value the level was chosen by (the percent, or the definition's levelBy field). */
  levelValue: number | null;
  level?: FormLevel;
  /** Red flags: shown whatever the total. */
  flags: Array<{ id: string; message: string }>;
  explanations: ScoreExplanation[];
}

export interface ScoreInput {
  values: FormValues;
  irrelevant?: readonly string[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const points = (n: number): string => `${displayValue(n)} б.`;
const norm = (v: Value | string): string =>
  displayValue(v as Value)
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е');

function itemMax(item: ScoreItem): number {
  return Math.max(0, ...item.rules.map((r) => r.points ?? 0));
}

function scoreItem(state: FormState, item: ScoreItem, value: Value): { points: number; reason: string } {
  const options = item.rules.filter((r) => r.option !== undefined);
  if (options.length && !isEmptyValue(value)) {
    const chosen = Array.isArray(value) ? value : [value];
    const hits = options.filter((r) => chosen.some((c) => norm(c) === norm(r.option!)));
    if (hits.length) {
      const sum = Math.min(
        itemMax(item),
        hits.reduce((s, r) => s + (r.points ?? 0), 0),
      );
      return { points: sum, reason: messageFor('SCORE_OPTION', { option: hits.map((h) => h.option).join('; '), points: points(sum) }) };
    }
  }
  const n = toNumber(Array.isArray(value) ? null : value);
  if (n !== null) {
    const band = item.rules.find(
      (r) =>
        r.option === undefined &&
        r.formula === undefined &&
        (r.min !== undefined || r.max !== undefined) &&
        (r.min === undefined || n >= r.min) &&
        (r.max === undefined || n <= r.max),
    );
    if (band) {
      const range = `${band.min === undefined ? '…' : displayValue(band.min)}–${band.max === undefined ? '…' : displayValue(band.max)}`;
      return { points: band.points ?? 0, reason: messageFor('SCORE_BAND', { range, points: points(band.points ?? 0) }) };
    }
  }
  const formula = item.rules.find((r) => r.formula !== undefined);
  if (formula) {
    const p = toNumber(state.evaluateSource(formula.formula!, undefined, value)) ?? 0;
    const capped = Math.max(0, Math.min(itemMax(item), p));
    return { points: capped, reason: messageFor('SCORE_FORMULA', { points: points(capped) }) };
  }
  return { points: 0, reason: messageFor('SCORE_NONE', {}) };
}

/**
 * Scores validated values: points per option, numeric bands or a formula; N/A items leave the
 * maximum; section sums, total, percent, level with its colour, red flags; each score explained.
 */
export function scoreForm(def: FormDefinition, input: ScoreInput, data?: ReferenceData): FormScore {
  const scoring = def.scoring;
  const state = new FormState(def, data, undefined);
  Object.assign(state.values, input.values);
  for (const id of input.irrelevant ?? []) state.irrelevant.add(id);
  const explanations: ScoreExplanation[] = [];
  const sums = new Map<string, { points: number; max: number }>();
  for (const item of scoring?.items ?? []) {
    const field = state.fields.get(item.field);
    const value = input.values[item.field] ?? null;
    const max = itemMax(item);
    const na = state.irrelevant.has(item.field) || (item.na !== undefined && truthy(state.evaluateSource(item.na)));
    const got = na ? null : scoreItem(state, item, value);
    explanations.push({
      field: item.field,
      label: field?.label ?? item.field,
      section: item.section,
      answer: field ? state.shown(field, value) : displayValue(value),
      points: got?.points ?? null,
      max,
      reason: got?.reason ?? messageFor('SCORE_NA', {}),
    });
    const s = sums.get(item.section) ?? { points: 0, max: 0 };
    if (got) {
      s.points += got.points;
      s.max += max;
    }
    sums.set(item.section, s);
  }
  const sections = (scoring?.sections ?? []).map((sec) => {
    const s = sums.get(sec.id) ?? { points: 0, max: 0 };
    return { id: sec.id, title: sec.title, points: s.points, max: s.max, percent: s.max > 0 ? round1((s.points / s.max) * 100) : null };
  });
  const total = sections.reduce((t, s) => t + s.points, 0);
  const max = sections.reduce((t, s) => t + s.max, 0);
  const percent = max > 0 ? round1((total / max) * 100) : null;
  const levelValue = scoring?.levelBy ? toNumber(input.values[scoring.levelBy] ?? null) : percent;
  const level = levelValue === null ? undefined : [...(scoring?.levels ?? [])].sort((a, b) => b.min - a.min).find((l) => levelValue >= l.min);
  const flags = (scoring?.flags ?? []).filter((f) => truthy(state.evaluateSource(f.when))).map((f) => ({ id: f.id, message: f.message }));
  return {
    sections,
    total,
    max,
    percent,
    levelValue: levelValue === null ? null : round1(levelValue),
    level: level ? { id: level.id, title: level.title, color: level.color, recommendation: level.recommendation } : undefined,
    flags,
    explanations,
  };
}
