import { makeIssue, type Issue } from '../issues';
import { messageFor } from '../messages';
import type { FormDefinition } from './definition';
import type { ReferenceData } from './reference-data';
import type { FormScore } from './score';
import { displayValue, type FormValues } from './values';

/** One card after validation and scoring (or a file that could not be read: no values). */
export interface CardOutcome {
  file: string;
  /** When the file was last changed (ms since 1970), if the door knows: decides between two cards of one municipality without a date. */
  modified?: number;
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

/** The card's own date: the first date field of a card layout («Дата заполнения» of F1). */
function dateField(def: FormDefinition): { id: string; label: string } | undefined {
  const layouts = new Map(def.layouts.map((l) => [l.id, l]));
  const f = def.fields.find((x) => x.type === 'date' && !x.calculate && (!x.layout || layouts.get(x.layout)?.kind === 'card'));
  return f ? { id: f.id, label: f.label } : undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** A file time as «15.03.2024 10:20:05» (UTC, the same on every computer). */
function displayTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * Which of two cards of one municipality is the later: by the card's own date field, else by
 * file time, else the one that came later in the list. Returns the later and the reason in Russian.
 */
function laterCard(def: FormDefinition, earlier: CardOutcome, next: CardOutcome): { later: CardOutcome; other: CardOutcome; why: string } {
  const field = dateField(def);
  const dateOf = (c: CardOutcome): string | undefined => {
    const v = field ? c.values?.[field.id] : undefined;
    return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  };
  const [a, b] = [dateOf(earlier), dateOf(next)];
  if (field && a && b && a !== b) {
    const [later, other] = b > a ? [next, earlier] : [earlier, next];
    const [late, early] = b > a ? [b, a] : [a, b];
    return {
      later,
      other,
      why: messageFor('COLLECT_LATER_BY_DATE', { field: field.label, later: displayValue(late), earlier: displayValue(early) }),
    };
  }
  const second = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : Math.floor(ms / 1000));
  if (earlier.modified !== undefined && next.modified !== undefined && second(earlier.modified) !== second(next.modified)) {
    const [later, other] = next.modified > earlier.modified ? [next, earlier] : [earlier, next];
    return {
      later,
      other,
      why: messageFor('COLLECT_LATER_BY_FILE_TIME', { later: displayTime(later.modified ?? 0), earlier: displayTime(other.modified ?? 0) }),
    };
  }
  return { later: next, other: earlier, why: messageFor('COLLECT_LATER_BY_ORDER', {}) };
}

/** The svod's sheet of a version: «Свод» when the cards are of one version, else «Свод 2024», «Свод 2025»… */
export function svodSheetName(version: number, versions: readonly number[]): string {
  return versions.length > 1 ? `Свод ${version}` : 'Свод';
}

/**
 * Consolidates validated cards: one row per municipality (of two cards the later one, by the
 * card's date, else its file time; the other is reported with both names and the reason), and
 * every municipality of the data workbook without a card is reported too.
 */
export function collectCards(def: FormDefinition, cards: readonly CardOutcome[], data?: ReferenceData): Svod {
  const field = municipalityField(def);
  const issues: Issue[] = [];
  const rows: SvodRow[] = [];
  const byMunicipality = new Map<string, { row: SvodRow; card: CardOutcome }>();
  for (const card of cards) {
    if (!card.values || !card.score) continue;
    const raw = field ? card.values[field] : undefined;
    const id = typeof raw === 'string' && raw ? raw : undefined;
    if (!id) {
      issues.push(makeIssue('COLLECT_NO_MUNICIPALITY', { kind: 'file', file: card.file }, {}));
      continue;
    }
    const name = data?.municipalityName(id) ?? id;
    const row: SvodRow = {
      municipalityId: id,
      municipality: name,
      file: card.file,
      score: card.score,
      errors: card.issues.filter((i) => i.severity === 'error').length,
      warnings: card.issues.filter((i) => i.severity === 'warning').length,
    };
    const first = byMunicipality.get(id);
    if (first) {
      const { later, other, why } = laterCard(def, first.card, card);
      issues.push(
        makeIssue('COLLECT_DUPLICATE', { kind: 'file', file: other.file }, { municipality: name, kept: later.file, dropped: other.file, why }),
      );
      if (later === card) {
        rows[rows.indexOf(first.row)] = row;
        byMunicipality.set(id, { row, card });
      }
      continue;
    }
    byMunicipality.set(id, { row, card });
    rows.push(row);
  }
  if (data && field) {
    for (const id of data.municipalityIds()) {
      if (!byMunicipality.has(id)) {
        issues.push(
          makeIssue(
            'COLLECT_MISSING',
            { kind: 'record', record: data.municipalityName(id) ?? id },
            { municipality: data.municipalityName(id) ?? id },
            'warning',
          ),
        );
      }
    }
    const order = new Map(data.municipalityIds().map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.municipalityId) ?? 1e9) - (order.get(b.municipalityId) ?? 1e9));
  }
  return { rows, issues, findings: [...cards.flatMap((c) => c.issues), ...issues] };
}
