import { makeIssue, type Issue } from '../issues';
import { compileDefinitionWorkbook, looksLikeDefinitionWorkbook } from '../forms/compile-definition';
import type { FormDefinition } from '../forms/definition';
import { detectForm } from '../forms/marker';
import type { ReferenceData } from '../forms/reference-data';
import { scoreForm, type FormScore } from '../forms/score';
import type { WorkbookSnapshot } from '../forms/snapshot';
import { validateForm } from '../forms/validate';
import type { FormValues } from '../forms/values';
import type { Dataset } from '../model/schemas';
import { sameName } from '../text-similarity';
import { DATA_SHEETS } from '../workbook/data-sheets';
import { readDataSnapshot } from '../workbook/read-data-workbook';

/** The form a card was checked by. */
export interface CheckedForm {
  id: string;
  version: number;
  title: string;
}

/**
 * What one check of a workbook found: a monitoring form, the data workbook, neither, or a file
 * that is not a workbook at all. `file` is the name the findings carry (no folder).
 */
export type CheckOutcome =
  | { kind: 'form'; file: string; form: CheckedForm; issues: Issue[]; score?: FormScore; values: FormValues }
  | { kind: 'data'; file: string; issues: Issue[]; dataset: Dataset }
  | { kind: 'unrecognised'; file: string; issues: Issue[] }
  /** A form definition spreadsheet opened beside cards: compiled; `definition` only when it has no errors. */
  | { kind: 'definition'; file: string; issues: Issue[]; definition?: FormDefinition }
  /** The file could not be opened as a workbook (empty, damaged, not .xlsx). */
  | { kind: 'unreadable'; file: string; issues: Issue[] };

export interface CheckOptions {
  /** Check every workbook by this definition instead of recognising it (`--form F1`). */
  form?: FormDefinition;
  /** The data workbook's lists: municipality, school and person names are resolved against them. */
  data?: ReferenceData;
}

/** A workbook with at least this many of the data workbook's sheets is read as the data workbook. */
const DATA_SHEETS_TO_RECOGNISE = 2;

export function looksLikeDataWorkbook(snapshot: WorkbookSnapshot): boolean {
  const found = DATA_SHEETS.filter((spec) => snapshot.sheets.some((s) => sameName(s.name, spec.sheet)));
  return found.length >= DATA_SHEETS_TO_RECOGNISE;
}

/**
 * Checks one workbook snapshot — the use-case behind `kaskad validate`, the pane's «Проверка» in
 * Excel and in the browser: the form is recognised by the blank's marker or its sheets, validated
 * and scored; the data workbook is read by its rules; anything else is FORM_UNRECOGNISED.
 */
export function checkSnapshot(
  snapshot: WorkbookSnapshot,
  file: string,
  definitions: readonly FormDefinition[],
  options: CheckOptions = {},
): CheckOutcome {
  if (!options.form && looksLikeDefinitionWorkbook(snapshot)) {
    const compiled = compileDefinitionWorkbook(snapshot, file);
    return compiled.ok
      ? { kind: 'definition', file, issues: [], definition: compiled.definition }
      : { kind: 'definition', file, issues: compiled.issues };
  }
  const def = options.form ?? detectForm(snapshot, definitions);
  if (def) {
    const result = validateForm(def, snapshot, { file, data: options.data });
    const score = def.scoring ? scoreForm(def, result, options.data) : undefined;
    return { kind: 'form', file, form: { id: def.id, version: def.version, title: def.title }, issues: result.issues, score, values: result.values };
  }
  if (looksLikeDataWorkbook(snapshot)) {
    const loaded = readDataSnapshot(snapshot, file);
    return { kind: 'data', file, issues: loaded.issues, dataset: loaded.dataset };
  }
  return { kind: 'unrecognised', file, issues: [unrecognised(file, definitions)] };
}

function unrecognised(file: string, definitions: readonly FormDefinition[]): Issue {
  const known = [...new Map(definitions.map((d) => [d.id, `${d.id} «${d.title}»`])).values()].join(', ');
  return makeIssue('FORM_UNRECOGNISED', { kind: 'file', file }, { known });
}
