import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { collectCards, mixedVersionIssues, type Svod } from '../../core/forms/collect';
import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import { buildSvodWorkbook } from '../../core/forms/svod-workbook';
import { writeFileAtomic } from './io-files';
import { validateFiles, type FileOutcome } from './validate-files';

export interface CollectOptions {
  definitions: readonly FormDefinition[];
  form?: FormDefinition;
  data?: ReferenceData;
  out: string;
  force?: boolean;
}

export interface CollectResult {
  outcomes: FileOutcome[];
  svod?: Svod;
  /** The form the svod was made for. */
  definition?: FormDefinition;
  written?: string;
  /** Problems of the run itself: mixed forms, the svod not written. */
  issues: Issue[];
}

/**
 * Validates every card, consolidates those of one form (the one given, else the most common)
 * into a svod workbook with a sheet of every finding.
 */
export async function collectFiles(files: readonly string[], options: CollectOptions): Promise<CollectResult> {
  const outcomes = await validateFiles(files, { definitions: options.definitions, form: options.form, data: options.data });
  const counts = new Map<string, number>();
  for (const o of outcomes) if (o.form) counts.set(o.form.id, (counts.get(o.form.id) ?? 0) + 1);
  const formId = options.form?.id ?? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const def = options.form ?? options.definitions.filter((d) => d.id === formId).sort((a, b) => b.version - a.version)[0];
  if (!def) return { outcomes, issues: [] };
  // Cards of two versions (methodologies) of the form: no svod at all, a finding per card.
  const mixed = mixedVersionIssues(outcomes.filter((o) => o.form?.id === def.id).map((o) => ({ file: path.basename(o.file), form: o.form })));
  if (mixed.length) return { outcomes, issues: mixed };
  const issues: Issue[] = [];
  const times = await Promise.all(outcomes.map((o) => fs.stat(o.file).then((st) => st.mtimeMs, () => undefined)));
  const cards = outcomes.map((o, index) => {
    if (o.form && o.form.id !== def.id) {
      const other = makeIssue('COLLECT_OTHER_FORM', { kind: 'file', file: path.basename(o.file) }, { form: o.form.id, expected: def.id });
      issues.push(other);
      return { file: path.basename(o.file), issues: [...o.issues, other] };
    }
    const modified = times[index];
    return { file: path.basename(o.file), values: o.values, score: o.score, issues: o.issues, ...(modified === undefined ? {} : { modified }) };
  });
  const svod = collectCards(def, cards, options.data);
  const problem = await writeFileAtomic(options.out, await buildSvodWorkbook(def, svod), { force: options.force });
  if (problem) return { outcomes, svod, definition: def, issues: [...issues, problem] };
  return { outcomes, svod, definition: def, written: options.out, issues };
}
