import * as path from 'node:path';
import { cardMunicipality } from '../../core/forms/annotate';
import { annotatedNames } from '../../core/forms/annotated-names';
import type { FormDefinition } from '../../core/forms/definition';
import type { ReferenceData } from '../../core/forms/reference-data';
import type { CheckOutcome } from '../../core/usecases/check-workbook';
import { annotateWorkbookBytes, checkWorkbookBytes } from '../../core/usecases/check-workbook-bytes';
import { readInput, writeFileAtomic } from './io-files';

/** core's CheckOutcome of one file, with the path it was read from and the annotated copy written. */
export type FileOutcome = CheckOutcome & {
  /** The path as given on the command line (`file` is its name, as the findings carry it). */
  path: string;
  annotated?: string;
};

export interface ValidateFilesOptions {
  definitions: readonly FormDefinition[];
  /** Use this definition for every file instead of recognising each. */
  form?: FormDefinition;
  data?: ReferenceData;
  annotateDir?: string;
  /** The annotated copy's path inside annotateDir (cards with equal names keep their folder); default the file's name. */
  annotateName?: string;
  force?: boolean;
}

/** Reads one file and runs core's checkWorkbookBytes on it; never throws for a bad file. */
export async function validateFile(file: string, options: ValidateFilesOptions): Promise<FileOutcome> {
  const name = path.basename(file);
  const read = await readInput(file);
  if (!read.ok) return { kind: 'unreadable', file: name, issues: read.issues, path: file };
  const { outcome } = await checkWorkbookBytes(read.bytes, name, options.definitions, { form: options.form, data: options.data });
  const checked: FileOutcome = { ...outcome, path: file };
  if (options.annotateDir && outcome.kind === 'form' && outcome.issues.length) {
    // Cards with equal names keep their folder inside annotateDir (annotatedNames), so none overwrites another.
    const target = path.join(options.annotateDir, ...(options.annotateName ?? name).split('/'));
    const def = options.definitions.find((d) => d.id === outcome.form.id && d.version === outcome.form.version) ?? options.form;
    const municipality = def ? cardMunicipality(def, outcome.values, options.data) : undefined;
    const bytes = await annotateWorkbookBytes(read.bytes, name, outcome.issues, { municipality });
    const problem = bytes && (await writeFileAtomic(target, bytes, { force: options.force }));
    if (problem) checked.issues = [...checked.issues, problem];
    else if (bytes) checked.annotated = target;
  }
  return checked;
}

export async function validateFiles(files: readonly string[], options: ValidateFilesOptions): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  const names = annotatedNames(files);
  for (const file of files) out.push(await validateFile(file, { ...options, annotateName: names.get(file) }));
  return out;
}
