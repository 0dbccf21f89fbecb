import type { Issue } from '../../core/issues';
import { readDatasetJson } from '../../core/model/read-dataset-json';
import { buildReferenceData, type ReferenceData } from '../../core/forms/reference-data';
import { readDataWorkbook } from '../../core/workbook/read-data-workbook';
import { readInput } from './io-files';

/** The data workbook (.xlsx) or JSON for reference rules; problems in it are returned, not thrown. */
export async function loadReferenceData(file: string): Promise<{ data?: ReferenceData; issues: Issue[]; unreadable: boolean }> {
  const read = await readInput(file);
  if (!read.ok) return { issues: read.issues, unreadable: true };
  const loaded = /\.json$/i.test(file)
    ? readDatasetJson(new TextDecoder().decode(read.bytes), read.name)
    : await readDataWorkbook(read.bytes, read.name);
  return { data: buildReferenceData(loaded.dataset), issues: loaded.issues, unreadable: false };
}
