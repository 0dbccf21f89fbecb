import { buildReferenceData } from '../../core/forms/reference-data';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import type { Dataset } from '../../core/model/schemas';
import { checkSnapshot, type CheckOutcome } from '../../core/usecases/check-workbook';
import { cardsDefinition, collectSvod as collectCheckedSvod, type CollectedSvod } from '../../core/usecases/collect-svod';
import { formDefinitions } from './definitions';

export type { CollectedSvod } from '../../core/usecases/collect-svod';

/** A checked workbook as the svod sees it. */
export interface SvodSource {
  name: string;
  outcome: CheckOutcome;
  snapshot?: WorkbookSnapshot;
  /** The data workbook the outcome was already checked against (use-checked-files does that). */
  checkedWith?: string;
}

/**
 * The pane's door to core's collectSvod for one scored form: with a data workbook, cards not yet
 * checked against it are checked again first (names resolved to codes, as `kaskad collect --data`).
 */
export function collectSvod(files: readonly SvodSource[], formId: string, data?: { name: string; dataset: Dataset }): CollectedSvod | undefined {
  const definitions = formDefinitions();
  // The version the first card is of; of cards of several versions core makes a svod per version.
  const definition = cardsDefinition(
    files.map((f) => f.outcome),
    definitions,
    formId,
  );
  if (!definition?.scoring) return undefined;
  const reference = data ? buildReferenceData(data.dataset) : undefined;
  const outcomes = files.map((f) =>
    reference && f.snapshot && f.outcome.kind !== 'data' && f.checkedWith !== data?.name
      ? checkSnapshot(f.snapshot, f.name, definitions, { data: reference })
      : f.outcome,
  );
  return collectCheckedSvod(outcomes, definitions, { form: definition, data: reference });
}

/** svod.xlsx, made in the page (exceljs is loaded on first use). */
export async function svodWorkbookBytes(collected: CollectedSvod): Promise<Uint8Array> {
  const { buildSvodWorkbook } = await import(/* webpackChunkName: "workbook" */ '../../core/forms/svod-workbook');
  return buildSvodWorkbook(collected.definition, collected.svod, collected.versions);
}
