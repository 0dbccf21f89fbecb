/**
 * What the `kaskad` CLI makes of the same inputs, for the page to match: the findings and scores of
 * `kaskad validate` (the command run in-process, its --json read back), the documents of
 * `kaskad generate`, the blank of `kaskad blank` (the CLI's library functions), so the test needs
 * no compiled build/.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { buildBlankForm } from '../../core/forms/blank-form';
import type { FormScore } from '../../core/forms/score';
import type { Issue } from '../../core/issues';
import { loadDefinitions, pickDefinition } from '../../generator/forms/load-definitions';
import { generate } from '../../generator/generate';
import { docxParagraphs } from '../helpers/docx-paragraphs';
import { ROOT } from './chromium';

export const F1_SAMPLES = path.join(ROOT, 'templates', 'forms', 'samples', 'F1');
export const F1_WITH_ERROR = path.join(F1_SAMPLES, 'F1-mo05.xlsx');
import { REGION_XLSX, validateJson } from './cli-doors';

export { REGION_XLSX };

export const f1Cards = (): string[] =>
  readdirSync(F1_SAMPLES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(F1_SAMPLES, f));

export interface ValidatedCard {
  name: string;
  issues: Issue[];
  score?: FormScore;
  errors: number;
  warnings: number;
}

export interface MadeDocument {
  fileName: string;
  paragraphs: string[];
}

export interface CliExpectations {
  cards: ValidatedCard[];
  /** `generate <template>`: the documents by file name, in the order the CLI made them. */
  documents: Record<'letter' | 'mailing', MadeDocument[]>;
  /** `blank F1`: the sheet names of the blank workbook. */
  blankSheets: string[];
}

/** «FORM_NOT_PERCENT@C20» for each finding with a cell, in order. */
export const cellFindings = (issues: readonly Issue[]): string[] =>
  issues.flatMap((i) => (i.location.kind === 'cell' ? [`${i.code}@${i.location.address}`] : [`${i.code}@`]));

export async function generated(template: 'letter' | 'mailing'): Promise<MadeDocument[]> {
  const out = mkdtempSync(path.join(tmpdir(), `kaskad-e2e-${template}-`));
  try {
    const result = await generate({ template, data: REGION_XLSX, outDir: out });
    if (result.exitCode !== 0) throw new Error(`kaskad generate ${template} exited with ${result.exitCode}: ${JSON.stringify(result.issues)}`);
    return result.made.map((file) => ({ fileName: path.basename(file), paragraphs: docxParagraphs(readFileSync(file)) }));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((w) => w.name);
}

export async function cliExpectations(): Promise<CliExpectations> {
  const { definitions, issues } = await loadDefinitions();
  if (issues.length) throw new Error(`form definitions: ${JSON.stringify(issues)}`);
  const outcomes = await validateJson(f1Cards());
  const cards = outcomes.map((o): ValidatedCard => ({
    name: o.file,
    issues: o.issues,
    score: o.score,
    errors: o.issues.filter((i) => i.severity === 'error').length,
    warnings: o.issues.filter((i) => i.severity === 'warning').length,
  }));
  const f1 = pickDefinition(definitions, 'F1');
  if (!f1) throw new Error('no F1 definition');
  return {
    cards,
    documents: { letter: await generated('letter'), mailing: await generated('mailing') },
    blankSheets: await sheetNames(await buildBlankForm(f1, {})),
  };
}
