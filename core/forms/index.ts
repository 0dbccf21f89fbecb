/**
 * Monitoring forms as data: definitions (zod-checked, compiled from a spreadsheet or JSON),
 * validation of a workbook snapshot, scoring with explanations, blank forms, annotation, svod.
 */
export { FormDefinitionSchema, type FormDefinition, type FormDefinitionInput, type Field, type Layout, type Check } from './definition';
export { parseDefinition, parseDefinitionJson, type ParsedDefinition } from './parse-definition';
export { compileDefinitionWorkbook } from './compile-definition';
export { writeDefinitionWorkbook } from './write-definition';
export { readSnapshot, type WorkbookSnapshot, type SheetSnapshot } from './snapshot';
export { validateForm, type ValidateOptions, type ValidationResult } from './validate';
export { scoreForm, type FormScore, type ScoreExplanation, type SectionScore } from './score';
export { buildReferenceData, type ReferenceData } from './reference-data';
export { buildBlankForm, type BlankOptions } from './blank-form';
export { annotateWorkbook } from './annotate';
export { detectForm, readMarker, MARKER_SHEET } from './marker';
export { collectCards, type CardOutcome, type Svod, type SvodRow } from './collect';
export { buildSvodWorkbook } from './svod-workbook';
export { parseExpression } from './expression/parse';
export { evaluate } from './expression/evaluate';
export type { FormValues, Value } from './values';
