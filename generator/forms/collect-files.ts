import * as fs from 'node:fs/promises';
import type { Issue } from '../../core/issues';
import type { Svod } from '../../core/forms/collect';
import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import { buildSvodWorkbook } from '../../core/forms/svod-workbook';
import { collectSvod, type VersionSvod } from '../../core/usecases/collect-svod';
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
  /** The whole svod's findings; the rows of the newest version. */
  svod?: Svod;
  /** The form the svod was made for (the newest version among the cards). */
  definition?: FormDefinition;
  /** A svod per version of the form, oldest first (one sheet each in svod.xlsx). */
  versions?: VersionSvod[];
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
  const { definition, svod, versions } = collected;
  const problem = await writeFileAtomic(options.out, await buildSvodWorkbook(definition, svod, versions), { force: options.force });
  if (problem) return { outcomes, svod, definition, versions, issues: [problem] };
  return { outcomes, svod, definition, versions, written: options.out, issues: [] };
}
