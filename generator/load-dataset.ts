import type { Issue } from '../core/issues';
import { blocks } from '../core/usecases/blocking';
import { readDatasetJson } from '../core/model/read-dataset-json';
import type { Dataset } from '../core/model/schemas';
import { readDataWorkbook } from '../core/workbook/read-data-workbook';
import { readInput } from './io/read-input';

export interface DatasetLoad {
  dataset?: Dataset;
  issues: Issue[];
  /** The file could not be read at all (exit 2); otherwise bad records are left out and reported. */
  unreadable: boolean;
  /** Where each record's fields are in the data workbook (absent for .json). */
  cells?: WeakMap<object, Readonly<Record<string, string>>>;
}

/** The data workbook (.xlsx) or the same data as .json. */
export async function loadDataset(file: string): Promise<DatasetLoad> {
  const json = /\.json$/i.test(file);
  const read = await readInput(file, { json });
  if (!read.ok) return { issues: read.issues, unreadable: true };
  const loaded = json ? readDatasetJson(new TextDecoder().decode(read.bytes), read.name) : await readDataWorkbook(read.bytes, read.name);
  const unreadable = blocks(loaded.issues, 'input');
  return { dataset: unreadable ? undefined : loaded.dataset, issues: loaded.issues, unreadable, cells: 'cells' in loaded ? loaded.cells : undefined };
}
