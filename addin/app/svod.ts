import { collectCards, type Svod } from '../../core/forms/collect';
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
  const definition = definitionById(formId);
  if (!definition?.scoring) return undefined;
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
