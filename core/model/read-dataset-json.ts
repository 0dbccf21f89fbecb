import { makeIssue, type Issue } from '../issues';
import { DATA_SHEETS } from '../workbook/data-sheets';
import { checkDataset } from './dataset-checks';
import { DatasetSchema, emptyDataset, type CollectionName, type Dataset } from './schemas';
import { describeZodIssue } from './zod-messages';
import type { LoadedDataset } from '../workbook/read-data-workbook';

/** The same data as JSON (`kaskad schema` prints its JSON Schema); bad records reported by path and left out. */
export function readDatasetJson(text: string, file: string): LoadedDataset {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { dataset: emptyDataset(), issues: [makeIssue('JSON_INVALID', { kind: 'file', file }, { detail })] };
  }
  const issues: Issue[] = [];
  const dataset = emptyDataset() as Record<CollectionName, unknown[]>;
  const originalIndex = {} as Record<CollectionName, number[]>;
  const root = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  for (const spec of DATA_SHEETS) {
    const list = root[spec.collection];
    if (list === undefined) {
      if (spec.required)
        issues.push(makeIssue('JSON_VALUE_INVALID', { kind: 'file', file }, { path: spec.collection, detail: 'нет раздела (нужен массив записей)' }));
      continue;
    }
    if (!Array.isArray(list)) {
      issues.push(makeIssue('JSON_VALUE_INVALID', { kind: 'file', file }, { path: spec.collection, detail: 'должен быть массив записей' }));
      continue;
    }
    const schema = DatasetSchema.shape[spec.collection].element;
    originalIndex[spec.collection] = [];
    list.forEach((item, i) => {
      const checked = schema.safeParse(item);
      if (checked.success) {
        dataset[spec.collection].push(checked.data);
        originalIndex[spec.collection].push(i);
        return;
      }
      for (const zi of checked.error.issues) {
        const path = [spec.collection, String(i), ...zi.path.map(String)].join('.');
        issues.push(
          makeIssue(
            'JSON_VALUE_INVALID',
            { kind: 'record', file, record: `${spec.collection}[${i}]`, field: String(zi.path[0] ?? '') },
            { path, detail: describeZodIssue(zi) },
          ),
        );
      }
    });
  }
  const checked = checkDataset(dataset as unknown as Dataset, (collection, index, key) => {
    const i = originalIndex[collection]?.[index] ?? index;
    return { kind: 'record', file, record: `${collection}[${i}]`, field: key };
  });
  return { dataset: checked.dataset, issues: [...issues, ...checked.issues] };
}
