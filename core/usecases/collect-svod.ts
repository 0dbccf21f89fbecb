import { makeIssue, type Issue } from '../issues';
import { collectCards, svodSheetName, type CardOutcome, type Svod } from '../forms/collect';
import { pickDefinition } from '../forms/catalogue';
import type { FormDefinition } from '../forms/definition';
import type { ReferenceData } from '../forms/reference-data';
import type { CheckOutcome } from './check-workbook';

/** The svod of the cards of one version of the form, scored by that version's definition. */
export interface VersionSvod {
  /** The cards' version (its definition's, unless the catalogue lacks it and the chosen one stands in). */
  version: number;
  definition: FormDefinition;
  svod: Svod;
}

export interface CollectedSvod {
  /** The form the svod is made for: the newest version among the cards (the справка is made from its cards). */
  definition: FormDefinition;
  /**
   * That version's rows; `issues` and `findings` are the whole svod's (every version's duplicates,
   * the municipalities without a card of any version, a COLLECT_VERSION_SHEET per card when versions differ).
   */
  svod: Svod;
  /** A svod per version of the form among the cards, oldest first; one when the cards are of one version. */
  versions: VersionSvod[];
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
 * municipality (of two cards the later, the other reported), every municipality of the data without
 * a card reported, a card of another form reported (COLLECT_OTHER_FORM) and left out, and every
 * finding of every card kept for the svod's findings sheet. The data workbook among the files is
 * not a card and is passed over. Cards of different versions of the form (methodologies change
 * yearly) are never scored under one heading: a svod per version, each by its own definition, and
 * a COLLECT_VERSION_SHEET warning per card naming its sheet. Undefined when there is no form.
 */
export function collectSvod(
  outcomes: readonly CheckOutcome[],
  definitions: readonly FormDefinition[],
  options: CollectOptions = {},
): CollectedSvod | undefined {
  const chosen = options.form ?? commonForm(outcomes, definitions);
  if (!chosen) return undefined;
  const others: Issue[] = [];
  const cards = outcomes.flatMap((o, index): Array<CardOutcome & { version?: number }> => {
    if (o.kind === 'data') return [];
    if (o.kind !== 'form') return [{ file: o.file, issues: o.issues }];
    if (o.form.id !== chosen.id) {
      others.push(makeIssue('COLLECT_OTHER_FORM', { kind: 'file', file: o.file }, { form: o.form.id, expected: chosen.id }));
      return [{ file: o.file, issues: o.issues }];
    }
    const modified = options.modified?.[index];
    return [
      { file: o.file, values: o.values, score: o.score, issues: o.issues, version: o.form.version, ...(modified === undefined ? {} : { modified }) },
    ];
  });
  const years = [...new Set(cards.flatMap((c) => (c.version === undefined ? [] : [c.version])))].sort((a, b) => a - b);
  if (years.length <= 1) {
    const definition = years[0] === undefined || years[0] === chosen.version ? chosen : versionOf(definitions, chosen, years[0]);
    const svod = collectCards(definition, cards, options.data);
    const issues = [...others, ...svod.issues];
    const whole = { ...svod, issues, findings: [...cards.flatMap((c) => c.issues), ...issues] };
    return { definition, svod: whole, versions: [{ version: years[0] ?? definition.version, definition, svod: whole }] };
  }
  const versions = years.map((year): VersionSvod => {
    const definition = versionOf(definitions, chosen, year);
    return {
      version: year,
      definition,
      svod: collectCards(
        definition,
        cards.filter((c) => c.version === year),
        options.data,
      ),
    };
  });
  // A municipality is missing only when it sent a card of no version; said once.
  const present = new Set(versions.flatMap((v) => v.svod.rows.map((r) => r.municipality)));
  const newest = versions[versions.length - 1]!;
  for (const v of versions) {
    v.svod.issues = v.svod.issues.filter(
      (i) => i.code !== 'COLLECT_MISSING' || (v === newest && i.location.kind === 'record' && !present.has(i.location.record)),
    );
  }
  const sheets = cards.flatMap((c) =>
    c.version === undefined
      ? []
      : [
          makeIssue(
            'COLLECT_VERSION_SHEET',
            { kind: 'file', file: c.file },
            { form: chosen.id, version: c.version, versions: years.join(', '), sheet: svodSheetName(c.version, years) },
            'warning',
          ),
        ],
  );
  const issues = [...others, ...sheets, ...versions.flatMap((v) => v.svod.issues)];
  const svod: Svod = { rows: newest.svod.rows, issues, findings: [...cards.flatMap((c) => c.issues), ...issues] };
  return { definition: newest.definition, svod, versions };
}

/** The definition of one version of the chosen form (the chosen one when the catalogue lacks it). */
function versionOf(definitions: readonly FormDefinition[], chosen: FormDefinition, version: number): FormDefinition {
  return definitions.find((d) => d.id === chosen.id && d.version === version) ?? chosen;
}
