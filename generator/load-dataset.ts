import type { Issue } from '../core/issues';
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

const FILE_LEVEL = new Set(['FILE_EMPTY', 'FILE_NOT_WORKBOOK', 'FILE_XLS', 'FILE_ODS', 'FILE_DAMAGED', 'FILE_TOO_LARGE', 'FILE_UNREADABLE', 'JSON_INVALID']);

/** The data workbook (.xlsx) or the same data as .json. */
export async function loadDataset(file: string): Promise<DatasetLoad> {
  const read = await readInput(file);
  if (!read.ok) return { issues: read.issues, unreadable: true };
  const loaded = /\.json$/i.test(file)
    ? readDatasetJson(new TextDecoder().decode(read.bytes), read.name)
    : await readDataWorkbook(read.bytes, read.name);
  const unreadable = loaded.issues.some((i) => FILE_LEVEL.has(i.code));
  return { dataset: unreadable ? undefined : loaded.dataset, issues: loaded.issues, unreadable, cells: 'cells' in loaded ? loaded.cells : undefined };
}
