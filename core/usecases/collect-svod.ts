import { makeIssue, type Issue } from '../issues';
import { collectCards, mixedVersionIssues, type CardOutcome, type Svod } from '../forms/collect';
import { pickDefinition } from '../forms/catalogue';
import type { FormDefinition } from '../forms/definition';
import type { ReferenceData } from '../forms/reference-data';
import type { CheckOutcome } from './check-workbook';

export interface CollectedSvod {
  /** The form the svod is made for. */
  definition: FormDefinition;
  svod: Svod;
  /** Cards of two or more versions of the form: no svod is made (rows empty), each card has its finding. */
  mixedVersions?: boolean;
}

export interface CollectOptions {
  /** The form to consolidate (`--form F1`, the pane's panel); else the form most cards are of. */
  form?: FormDefinition;
  /** The data workbook's lists: municipality names resolved, every municipality without a card reported. */
  data?: ReferenceData;
  /** Each outcome's file time (ms), in the outcomes' order: of two cards of one municipality without a date, the later is kept. */
  modified?: ReadonlyArray<number | undefined>;
}

/** The form of the most cards (the first seen on a tie), in the version its cards are of (else the newest). */
function commonForm(outcomes: readonly CheckOutcome[], definitions: readonly FormDefinition[]): FormDefinition | undefined {
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.kind === 'form') counts.set(o.form.id, (counts.get(o.form.id) ?? 0) + 1);
  const id = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return id === undefined ? undefined : cardsDefinition(outcomes, definitions, id);
}

/** The definition of the version the cards of a form were checked by (the first card's), else the newest. */
export function cardsDefinition(outcomes: readonly CheckOutcome[], definitions: readonly FormDefinition[], id: string): FormDefinition | undefined {
  const first = outcomes.find((o) => o.kind === 'form' && o.form.id === id);
  const version = first?.kind === 'form' ? first.form.version : undefined;
  return definitions.find((d) => d.id === id && d.version === version) ?? pickDefinition(definitions, id);
}

/**
 * The svod of checked cards — the use-case behind `kaskad collect` and the pane's «Свод»: a row per
 * municipality (first card wins, a second is reported), every municipality of the data without a
 * card reported, a card of another form reported (COLLECT_OTHER_FORM) and left out, and every
 * finding of every card kept for the svod's findings sheet. The data workbook among the files is
 * not a card and is passed over. Cards of different versions of the form (methodologies change
 * yearly) are never scored under one heading: no svod, a COLLECT_MIXED_VERSIONS finding per card.
 * Undefined when there is no form to consolidate.
 */
export function collectSvod(
  outcomes: readonly CheckOutcome[],
  definitions: readonly FormDefinition[],
  options: CollectOptions = {},
): CollectedSvod | undefined {
  const definition = options.form ?? commonForm(outcomes, definitions);
  if (!definition) return undefined;
  const mixed = mixedVersionIssues(
    outcomes.flatMap((o) => (o.kind === 'form' && o.form.id === definition.id ? [{ file: o.file, form: o.form }] : [])),
  );
  if (mixed.length) return { definition, svod: { rows: [], issues: mixed, findings: mixed }, mixedVersions: true };
  const others: Issue[] = [];
  const cards = outcomes.flatMap((o, index): CardOutcome[] => {
    if (o.kind === 'data') return [];
    if (o.kind !== 'form') return [{ file: o.file, issues: o.issues }];
    if (o.form.id !== definition.id) {
      others.push(makeIssue('COLLECT_OTHER_FORM', { kind: 'file', file: o.file }, { form: o.form.id, expected: definition.id }));
      return [{ file: o.file, issues: o.issues }];
    }
    const modified = options.modified?.[index];
    return [{ file: o.file, values: o.values, score: o.score, issues: o.issues, ...(modified === undefined ? {} : { modified }) }];
  });
  const svod = collectCards(definition, cards, options.data);
  const issues = [...others, ...svod.issues];
  return { definition, svod: { ...svod, issues, findings: [...cards.flatMap((c) => c.issues), ...issues] } };
}
