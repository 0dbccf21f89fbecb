import * as path from 'node:path';
import { makeIssue, type Issue } from '../../core/issues';
import { annotateWorkbook, cardMunicipality } from '../../core/forms/annotate';
import { annotatedNames } from '../../core/forms/annotated-names';
import type { FormDefinition } from '../../core/forms/definition';
import { detectForm } from '../../core/forms/marker';
import type { ReferenceData } from '../../core/forms/reference-data';
import { scoreForm, type FormScore } from '../../core/forms/score';
import { readSnapshot } from '../../core/forms/snapshot';
import { validateForm } from '../../core/forms/validate';
import type { FormValues } from '../../core/forms/values';
import { openWorkbook } from '../../core/workbook/open-workbook';
import { readInput, writeFileAtomic } from './io-files';

export interface FileOutcome {
  file: string;
  /** unreadable: the file could not be opened (exit 2); unrecognised: no form matched. */
  status: 'checked' | 'unreadable' | 'unrecognised';
  form?: { id: string; version: number; title: string };
  values?: FormValues;
  score?: FormScore;
  issues: Issue[];
  annotated?: string;
}

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

/** Validates and scores one file; never throws for a bad file. */
export async function validateFile(file: string, options: ValidateFilesOptions): Promise<FileOutcome> {
  const name = path.basename(file);
  const read = await readInput(file);
  if (!read.ok) return { file, status: 'unreadable', issues: read.issues };
  const opened = await openWorkbook(read.bytes, name);
  if (!opened.ok) return { file, status: 'unreadable', issues: opened.issues };
  const snapshot = readSnapshot(opened.workbook);
  const def = options.form ?? detectForm(snapshot, options.definitions);
  if (!def) {
    const known = options.definitions.map((d) => d.id).join(', ');
    return { file, status: 'unrecognised', issues: [makeIssue('FORM_UNRECOGNISED', { kind: 'file', file: name }, { known })] };
  }
  const result = validateForm(def, snapshot, { file: name, data: options.data });
  const score = def.scoring ? scoreForm(def, result, options.data) : undefined;
  const outcome: FileOutcome = {
    file, status: 'checked', form: { id: def.id, version: def.version, title: def.title }, values: result.values, score, issues: result.issues,
  };
  if (options.annotateDir && result.issues.length) {
    const target = path.join(options.annotateDir, ...(options.annotateName ?? name).split('/'));
    const municipality = cardMunicipality(def, result.values, options.data);
    const problem = await writeFileAtomic(target, await annotateWorkbook(opened.workbook, result.issues, { municipality }), { force: options.force });
    if (problem) outcome.issues = [...outcome.issues, problem];
    else outcome.annotated = target;
  }
  return outcome;
}

export async function validateFiles(files: readonly string[], options: ValidateFilesOptions): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  const names = annotatedNames(files);
  for (const file of files) out.push(await validateFile(file, { ...options, annotateName: names.get(file) }));
  return out;
}
