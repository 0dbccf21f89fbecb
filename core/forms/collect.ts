import { makeIssue, type Issue } from '../issues';
import type { FormDefinition } from './definition';
import type { ReferenceData } from './reference-data';
import type { FormScore } from './score';
import type { FormValues } from './values';

/** One card after validation and scoring (or a file that could not be read: no values). */
export interface CardOutcome {
  file: string;
  values?: FormValues;
  score?: FormScore;
  issues: Issue[];
}

export interface SvodRow {
  municipalityId: string;
  municipality: string;
  file: string;
  score: FormScore;
  errors: number;
  warnings: number;
}

export interface Svod {
  rows: SvodRow[];
  /** Duplicates, missing municipalities, cards without a municipality. */
  issues: Issue[];
  /** Every finding of every card, then the svod's own. */
  findings: Issue[];
}

/** The answer that names the card's municipality: the definition's first scalar field referring to one. */
function municipalityField(def: FormDefinition): string | undefined {
  const layouts = new Map(def.layouts.map((l) => [l.id, l]));
  return def.fields.find((f) => f.ref === 'municipality' && (!f.layout || layouts.get(f.layout)?.kind === 'card'))?.id;
}

/**
 * Consolidates validated cards: one row per municipality (the first card wins; a second is
 * reported), and every municipality of the data workbook without a card is reported too.
 */
export function collectCards(def: FormDefinition, cards: readonly CardOutcome[], data?: ReferenceData): Svod {
  const field = municipalityField(def);
  const issues: Issue[] = [];
  const rows: SvodRow[] = [];
  const byMunicipality = new Map<string, SvodRow>();
  for (const card of cards) {
    if (!card.values || !card.score) continue;
    const raw = field ? card.values[field] : undefined;
    const id = typeof raw === 'string' && raw ? raw : undefined;
    if (!id) {
      issues.push(makeIssue('COLLECT_NO_MUNICIPALITY', { kind: 'file', file: card.file }, {}));
      continue;
    }
    const name = data?.municipalityName(id) ?? id;
    const first = byMunicipality.get(id);
    if (first) {
      issues.push(makeIssue('COLLECT_DUPLICATE', { kind: 'file', file: card.file }, { municipality: name, first: first.file }));
      continue;
    }
    const row: SvodRow = {
      municipalityId: id, municipality: name, file: card.file, score: card.score,
      errors: card.issues.filter((i) => i.severity === 'error').length, warnings: card.issues.filter((i) => i.severity === 'warning').length,
    };
    byMunicipality.set(id, row);
    rows.push(row);
  }
  if (data && field) {
    for (const id of data.municipalityIds()) {
      if (!byMunicipality.has(id)) {
        issues.push(makeIssue('COLLECT_MISSING', { kind: 'record', record: data.municipalityName(id) ?? id }, { municipality: data.municipalityName(id) ?? id }, 'warning'));
      }
    }
    const order = new Map(data.municipalityIds().map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.municipalityId) ?? 1e9) - (order.get(b.municipalityId) ?? 1e9));
  }
  return { rows, issues, findings: [...cards.flatMap((c) => c.issues), ...issues] };
}
