import type { Issue } from '../../core/issues';
import { buildReferenceData, type ReferenceData } from '../../core/forms/reference-data';
import { loadDataset } from '../load-dataset';

/** The data workbook (.xlsx) or JSON for reference rules; problems in it are returned, not thrown. */
export async function loadReferenceData(file: string): Promise<{ data?: ReferenceData; issues: Issue[]; unreadable: boolean }> {
  const loaded = await loadDataset(file);
  return { data: loaded.dataset ? buildReferenceData(loaded.dataset) : undefined, issues: loaded.issues, unreadable: loaded.unreadable };
}
