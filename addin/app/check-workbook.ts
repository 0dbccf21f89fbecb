import { makeIssue, type Issue } from '../../core/issues';
import { compileDefinitionWorkbook, looksLikeDefinitionWorkbook } from '../../core/forms/compile-definition';
import type { FormDefinition } from '../../core/forms/definition';
import { detectForm } from '../../core/forms/marker';
import type { ReferenceData } from '../../core/forms/reference-data';
import { scoreForm, type FormScore } from '../../core/forms/score';
import type { WorkbookSnapshot } from '../../core/forms/snapshot';
import { validateForm } from '../../core/forms/validate';
import { DATA_SHEETS } from '../../core/workbook/data-sheets';
import { readDataSnapshot } from '../../core/workbook/read-data-workbook';
import type { Dataset } from '../../core/model/schemas';
import type { FormValues } from '../../core/forms/values';
import { sameName } from '../../core/text-similarity';

/** What one check of a workbook found: a monitoring form, the data workbook, or neither. */
export type CheckOutcome =
  | { kind: 'form'; file: string; form: { id: string; version: number; title: string }; issues: Issue[]; score?: FormScore; values: FormValues }
  | { kind: 'data'; file: string; issues: Issue[]; dataset: Dataset }
  | { kind: 'unrecognised'; file: string; issues: Issue[] }
  /** A form definition spreadsheet opened beside cards (issue 8): compiled; `definition` only when it has no errors. */
  | { kind: 'definition'; file: string; issues: Issue[]; definition?: FormDefinition }
  /** The file could not be opened as a workbook (empty, damaged, not .xlsx). */
  | { kind: 'unreadable'; file: string; issues: Issue[] };

/** A workbook with at least this many of the data workbook's sheets is read as the data workbook. */
const DATA_SHEETS_TO_RECOGNISE = 2;

export function looksLikeDataWorkbook(snapshot: WorkbookSnapshot): boolean {
  const found = DATA_SHEETS.filter((spec) => snapshot.sheets.some((s) => sameName(s.name, spec.sheet)));
  return found.length >= DATA_SHEETS_TO_RECOGNISE;
}

/**
 * Checks a workbook snapshot the way `kaskad validate` checks a file: the form is recognised by
 * the blank's marker or its headers, validated and scored; a data workbook is read with the
 * generator's rules. Both doors of the pane (Excel and a file in the browser) come here.
 */
export function checkSnapshot(
  snapshot: WorkbookSnapshot,
  file: string,
  definitions: readonly FormDefinition[],
  data?: ReferenceData,
): CheckOutcome {
  if (looksLikeDefinitionWorkbook(snapshot)) {
    const compiled = compileDefinitionWorkbook(snapshot, file);
    return compiled.ok ? { kind: 'definition', file, issues: [], definition: compiled.definition } : { kind: 'definition', file, issues: compiled.issues };
  }
  const def = detectForm(snapshot, definitions);
  if (def) {
    const result = validateForm(def, snapshot, { file, data });
    const score = def.scoring ? scoreForm(def, result, data) : undefined;
    return { kind: 'form', file, form: { id: def.id, version: def.version, title: def.title }, issues: result.issues, score, values: result.values };
  }
  if (looksLikeDataWorkbook(snapshot)) {
    const loaded = readDataSnapshot(snapshot, file);
    return { kind: 'data', file, issues: loaded.issues, dataset: loaded.dataset };
  }
  const known = definitions.map((d) => `«${d.title}»`).join(', ');
  return { kind: 'unrecognised', file, issues: [makeIssue('PANE_FORM_UNRECOGNISED', { kind: 'file', file }, { known })] };
}
