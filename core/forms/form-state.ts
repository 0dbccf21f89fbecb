import type { IssueLocation } from '../issues';
import type { Field, FormDefinition, FormList, Layout } from './definition';
import { evaluate, type EvalContext } from './expression/evaluate';
import { parseExpression, type ParseResult } from './expression/parse';
import type { ReferenceData } from './reference-data';
import { displayValue, type FormValues, type Value } from './values';

/** Where one answer lives. */
export interface FieldCell {
  sheet: string;
  address: string;
}

/** A row of a table or matrix while its rules run: which layout, which row. */
export interface RowRef {
  layout: string;
  index: number;
}

/** Everything the rules of one filled form look at; built by validate.ts. */
export class FormState {
  readonly values: FormValues = {};
  /** Scalar fields: one cell; table and matrix fields: one per row (undefined where the column is missing). */
  readonly cells = new Map<string, FieldCell | Array<FieldCell | undefined>>();
  /** Rows per table/matrix layout, with matrix row keys. */
  readonly rows = new Map<string, Array<string | undefined>>();
  /** Fields (or table cells «id#row») that are not relevant: not required, not checked, N/A in scoring. */
  readonly irrelevant = new Set<string>();
  /** Answers («id» or «id#row») already reported by the type or reference rule: no further rules run on them. */
  readonly invalid = new Set<string>();
  readonly fields: Map<string, Field>;
  readonly layouts: Map<string, Layout>;
  readonly lists: Map<string, FormList>;
  /** Each expression is parsed once per form, not once per row. */
  private readonly parsed = new Map<string, ParseResult>();

  constructor(
    readonly def: FormDefinition,
    readonly data: ReferenceData | undefined,
    readonly file: string | undefined,
  ) {
    this.fields = new Map(def.fields.map((f) => [f.id, f]));
    this.layouts = new Map(def.layouts.map((l) => [l.id, l]));
    this.lists = new Map(def.lists.map((l) => [l.id, l]));
  }

  /** True for fields with one value per row. */
  isColumn(field: Field): boolean {
    const l = field.layout ? this.layouts.get(field.layout) : undefined;
    return l !== undefined && l.kind !== 'card';
  }

  rowValue(fieldId: string, index: number): Value {
    const v = this.values[fieldId];
    return Array.isArray(v) && this.isColumn(this.fields.get(fieldId)!) ? (v[index] ?? null) : (v ?? null);
  }

  context(row?: RowRef, self?: Value): EvalContext {
    return {
      self,
      data: this.data,
      lookup: (name) => {
        const f = this.fields.get(name);
        if (f && row && f.layout === row.layout) return this.rowValue(name, row.index);
        if (f) return this.values[name] ?? null;
        return Object.hasOwn(this.def.params, name) ? this.def.params[name] : undefined;
      },
    };
  }

  /** Evaluates a definition expression (already checked by the compiler); a broken one yields empty. */
  evaluateSource(src: string, row?: RowRef, self?: Value): Value {
    let parsed = this.parsed.get(src);
    if (!parsed) {
      parsed = parseExpression(src);
      this.parsed.set(src, parsed);
    }
    return parsed.ok ? evaluate(parsed.expr, this.context(row, self)) : null;
  }

  cellOf(fieldId: string, index?: number): FieldCell | undefined {
    const c = this.cells.get(fieldId);
    if (Array.isArray(c)) return c[index ?? 0];
    return c;
  }

  /** The cell of an answer, else its sheet, else the file. */
  locationOf(fieldId: string, index?: number): IssueLocation {
    const cell = this.cellOf(fieldId, index);
    if (cell) return { kind: 'cell', file: this.file, sheet: cell.sheet, address: cell.address };
    const f = this.fields.get(fieldId);
    const layout = f?.layout ? this.layouts.get(f.layout) : undefined;
    if (layout) return { kind: 'sheet', file: this.file, sheet: layout.sheet };
    return { kind: 'record', file: this.file, record: f?.label ?? fieldId };
  }

  /** An answer as the user would recognise it: a school's name rather than its id. */
  shown(field: Field, v: Value): string {
    if (typeof v === 'string' && this.data && field.ref === 'school') return this.data.schoolName(v) ?? v;
    if (typeof v === 'string' && this.data && field.ref === 'municipality') return this.data.municipalityName(v) ?? v;
    if (typeof v === 'string' && this.data && field.ref === 'person') return this.data.personName?.(v) ?? v;
    if (typeof v === 'string' && field.list) {
      const o = this.lists.get(field.list)?.options.find((x) => x.value === v);
      if (o) return o.label ?? o.value;
    }
    return displayValue(v);
  }

  /** Number of rows of a field's table (1 for a scalar). */
  rowCount(field: Field): number {
    return this.isColumn(field) ? (this.rows.get(field.layout!)?.length ?? 0) : 1;
  }

  rowRef(field: Field, index: number): RowRef | undefined {
    return this.isColumn(field) ? { layout: field.layout!, index } : undefined;
  }

  isIrrelevant(fieldId: string, index?: number): boolean {
    return this.irrelevant.has(index === undefined ? fieldId : `${fieldId}#${index}`);
  }
}
