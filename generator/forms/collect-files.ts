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
  const collected = collectSvod(outcomes, options.definitions, { form: options.form, data: options.data });
  if (!collected) return { outcomes, issues: [] };
  const { definition, svod } = collected;
  const problem = await writeFileAtomic(options.out, await buildSvodWorkbook(definition, svod), { force: options.force });
  if (problem) return { outcomes, svod, definition, issues: [problem] };
  return { outcomes, svod, definition, written: options.out, issues: [] };
}
