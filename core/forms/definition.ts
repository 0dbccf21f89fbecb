import { z } from 'zod';

/**
 * A form definition: data, versioned by form id and year. Authored in a spreadsheet (see
 * compile-definition.ts) or as JSON of this shape; engines read nothing else.
 */

const id = z.string().regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, 'код из букв, цифр и «_», начинается с буквы');
const text = z.string().trim().min(1);
const expr = z.string().trim().min(1);

export const FIELD_TYPES = ['number', 'integer', 'percent', 'date', 'text', 'choice', 'multi', 'yesno'] as const;
export const REF_KINDS = ['municipality', 'school', 'person'] as const;
export type RefKind = (typeof REF_KINDS)[number];
export const PREFILLS = ['municipality', 'year'] as const;
export const CHECK_KINDS = ['compare', 'period', 'ranks', 'unique', 'covers', 'cap', 'listCount', 'belongs'] as const;
export const COMPARE_OPS = ['<', '<=', '=', '>=', '>'] as const;

export const LayoutSchema = z.discriminatedUnion('kind', [
  /** Single cells: one row per key (column «№»), the answer in the value column, maybe a comment column. */
  z.object({ kind: z.literal('card'), id, sheet: text, title: text.optional(), keyHeader: text, labelHeader: text, valueHeader: text }),
  /** A repeating table: rows under the header until the first empty row. */
  z.object({ kind: z.literal('table'), id, sheet: text, title: text.optional(), blankRows: z.number().int().min(1).max(1000).default(30) }),
  /** A matrix: one row per option of `rows` (found by its value in the key column) × the fields' columns. */
  z.object({
    kind: z.literal('matrix'),
    id,
    sheet: text,
    title: text.optional(),
    keyHeader: text,
    labelHeader: text,
    rows: id,
    /** A printed, read-only column beside the label with each row option's note (F2: the suggested support module). */
    noteHeader: text.optional(),
  }),
]);

export const FieldSchema = z.object({
  id,
  label: text,
  /** Layout the answer is read from; none for a calculation kept out of the sheet. */
  layout: id.optional(),
  /** Row key in a card («1.2»). */
  key: z.string().trim().min(1).optional(),
  /** Column header; in a card defaults to the layout's value column. */
  column: text.optional(),
  section: id.optional(),
  type: z.enum(FIELD_TYPES).default('text'),
  list: id.optional(),
  /** `true`/`да` or an expression. */
  required: expr.optional(),
  relevant: expr.optional(),
  constraint: expr.optional(),
  constraintMessage: text.optional(),
  calculate: expr.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** The answer must name a record of the data workbook; the value becomes its id. */
  ref: z.enum(REF_KINDS).optional(),
  /** Filled in the blank form from `kaskad blank --municipality/--year`. */
  prefill: z.enum(PREFILLS).optional(),
  hint: text.optional(),
});

export const OptionSchema = z.object({ value: text, label: text.optional(), note: text.optional() });
export const ListSchema = z.object({ id, options: z.array(OptionSchema).min(1) });

/** A cross-field rule. Which parameters count depends on the kind (see rules/cross-field.ts). */
export const CheckSchema = z.object({
  id,
  kind: z.enum(CHECK_KINDS),
  field: id,
  op: z.enum(COMPARE_OPS).optional(),
  /** Expression: the right side of compare, the cap of cap. */
  value: expr.optional(),
  from: expr.optional(),
  to: expr.optional(),
  /** School list name (ШНОР, НСУ…) for covers and listCount. */
  list: text.optional(),
  year: expr.optional(),
  municipality: expr.optional(),
  message: text.optional(),
});

export const ScoreRuleSchema = z.object({
  /** An option's value gives points… */
  option: text.optional(),
  /** …or a number within [min, max] does… */
  min: z.number().optional(),
  max: z.number().optional(),
  /** …or an expression computes them. */
  formula: expr.optional(),
  points: z.number().optional(),
});

export const ScoreItemSchema = z.object({
  field: id,
  section: id,
  rules: z.array(ScoreRuleSchema).min(1),
  /** Not applicable (the maximum shrinks) when this holds; an unanswered non-relevant field is N/A too. */
  na: expr.optional(),
});

export const LevelSchema = z.object({
  id,
  title: text,
  min: z.number(),
  color: z.string().regex(/^[0-9A-Fa-f]{6}$/, 'цвет RRGGBB'),
  /** What the monitoring справка recommends to a municipality at this level. */
  recommendation: z.string().optional(),
});
export const FlagSchema = z.object({ id, when: expr, message: text });
export const SectionSchema = z.object({ id, title: text });

export const ScoringSchema = z.object({
  sections: z.array(SectionSchema).default([]),
  items: z.array(ScoreItemSchema).default([]),
  /** Highest threshold first is not required: levels are matched from the highest `min` down. */
  levels: z.array(LevelSchema).default([]),
  /** A field whose value picks the level instead of the percent of points (roadmap execution %). */
  levelBy: id.optional(),
  flags: z.array(FlagSchema).default([]),
});

export const FormDefinitionSchema = z.object({
  id,
  version: z.number().int().min(2000).max(2100),
  title: text,
  /** The methodology by its title and year, «методика 2024 года»: printed in the справка and on the blank. */
  methodology: text.optional(),
  /** Named constants usable in expressions (curator_cap = 5). */
  params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  layouts: z.array(LayoutSchema).min(1),
  lists: z.array(ListSchema).default([]),
  fields: z.array(FieldSchema).min(1),
  checks: z.array(CheckSchema).default([]),
  scoring: ScoringSchema.optional(),
});

export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;
export type Layout = z.infer<typeof LayoutSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type FieldType = (typeof FIELD_TYPES)[number];
export type Check = z.infer<typeof CheckSchema>;
export type CheckKind = (typeof CHECK_KINDS)[number];
export type ScoreItem = z.infer<typeof ScoreItemSchema>;
export type Scoring = z.infer<typeof ScoringSchema>;
export type FormList = z.infer<typeof ListSchema>;
export type ScoreItemInput = z.input<typeof ScoreItemSchema>;
