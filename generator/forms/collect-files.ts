import * as fs from 'node:fs/promises';
import type { Issue } from '../../core/issues';
import type { Svod } from '../../core/forms/collect';
import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import { buildSvodWorkbook } from '../../core/forms/svod-workbook';
import { collectSvod } from '../../core/usecases/collect-svod';
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
  /** Problems of the run itself: the svod not written. */
  issues: Issue[];
}

/** `kaskad collect`'s library: reads and checks every card, runs core's collectSvod, writes svod.xlsx. */
export async function collectFiles(files: readonly string[], options: CollectOptions): Promise<CollectResult> {
  const outcomes = await validateFiles(files, { definitions: options.definitions, form: options.form, data: options.data });
  const modified = await Promise.all(
    outcomes.map((o) =>
      fs.stat(o.path).then(
        (st) => st.mtimeMs,
        () => undefined,
      ),
    ),
  );
  const collected = collectSvod(outcomes, options.definitions, { form: options.form, data: options.data, modified });
  if (!collected) return { outcomes, issues: [] };
  const { definition, svod } = collected;
  // Cards of two versions of the form: no svod at all, a finding per card (exit 1).
  if (collected.mixedVersions) return { outcomes, definition, issues: svod.issues };
  const problem = await writeFileAtomic(options.out, await buildSvodWorkbook(definition, svod), { force: options.force });
  if (problem) return { outcomes, svod, definition, issues: [problem] };
  return { outcomes, svod, definition, written: options.out, issues: [] };
}
