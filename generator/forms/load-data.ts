import type { Issue } from '../../core/issues';
import type { Dataset } from '../../core/model/schemas';
import { buildReferenceData, type ReferenceData } from '../../core/forms/reference-data';
import { loadDataset } from '../load-dataset';

/** The data workbook (.xlsx) or JSON for reference rules; problems in it are returned, not thrown. */
export async function loadReferenceData(file: string): Promise<{ data?: ReferenceData; dataset?: Dataset; issues: Issue[]; unreadable: boolean }> {
  const loaded = await loadDataset(file);
  return {
    data: loaded.dataset ? buildReferenceData(loaded.dataset) : undefined,
    dataset: loaded.dataset,
    issues: loaded.issues,
    unreadable: loaded.unreadable,
  };
}
