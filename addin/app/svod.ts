import { collectCards, mixedVersionIssues, type Svod } from '../../core/forms/collect';
import type { FormDefinition } from '../../core/forms/definition';
import { buildReferenceData } from '../../core/forms/reference-data';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { Dataset } from '../../core/model/schemas';
import { checkSnapshot, type CheckOutcome } from './check-workbook';
import { definitionById } from './definitions';

/** A checked workbook as the svod sees it. */
export interface SvodSource {
  name: string;
  outcome: CheckOutcome;
  snapshot?: WorkbookSnapshot;
  /** The data workbook the outcome was already checked against (use-checked-files does that). */
  checkedWith?: string;
}

export interface CollectedSvod {
  definition: FormDefinition;
  svod: Svod;
}

/**
 * The svod of the checked cards of one scored form, as `kaskad collect --data` makes it: with a
 * data workbook the cards are checked again against it (municipality, school and person names
 * resolved to their codes, unknown ones reported), then a row per municipality and every
 * municipality of the data without a card reported.
 */
export function collectSvod(files: readonly SvodSource[], formId: string, data?: { name: string; dataset: Dataset }): CollectedSvod | undefined {
  // Cards of two versions of the form are scored by different rules: no svod, a finding per card (as `kaskad collect`).
  const ofForm = files.flatMap((f) => (f.outcome.kind === 'form' && f.outcome.form.id === formId ? [{ file: f.name, form: f.outcome.form }] : []));
  const mixed = mixedVersionIssues(ofForm);
  const definition = definitionById(formId, ofForm[0]?.form.version);
  if (!definition?.scoring) return undefined;
  if (mixed.length) return { definition, svod: { rows: [], issues: mixed, findings: mixed } };
  const reference = data ? buildReferenceData(data.dataset) : undefined;
  const cards = files.flatMap((f) => {
    const stale = reference && f.snapshot && f.checkedWith !== data?.name;
    const outcome = stale ? checkSnapshot(f.snapshot!, f.name, [definition], reference) : f.outcome;
    return outcome.kind === 'form' && outcome.form.id === formId
      ? [{ file: f.name, values: outcome.values, score: outcome.score, issues: outcome.issues }]
      : [];
  });
  return { definition, svod: collectCards(definition, cards, reference) };
}

/** svod.xlsx, made in the page (exceljs is loaded on first use). */
export async function svodWorkbookBytes(collected: CollectedSvod): Promise<Uint8Array> {
  const { buildSvodWorkbook } = await import(/* webpackChunkName: "workbook" */ '../../core/forms/svod-workbook');
  return buildSvodWorkbook(collected.definition, collected.svod);
}
