import { parseRussianDate } from '../../workbook/cell-values';
import type { ReferenceData } from '../reference-data';
import type { Value } from '../values';
import type { Expr } from './ast';
import { termEnd, termKind } from './terms';

/** What an expression can see: names (fields, settings), the value being checked, the data workbook. */
export interface EvalContext {
  lookup(name: string): Value | undefined;
  self?: Value;
  data?: ReferenceData;
}

type Fn = (args: Value[], ctx: EvalContext) => Value;

export function toNumber(v: Value | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return null;
  const n = Number(v.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export function truthy(v: Value | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return v.trim() !== '';
}

const flat = (args: Value[]): Value[] => args.flatMap((a) => (Array.isArray(a) ? a : [a]));
const numbers = (args: Value[]): number[] =>
  flat(args)
    .map(toNumber)
    .filter((n): n is number => n !== null);
const text = (v: Value | undefined): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));
const norm = (v: Value | undefined): string => text(v).trim().toLowerCase().replace(/ё/g, 'е');
const filled = (v: Value): boolean => !(v === null || v === '' || (Array.isArray(v) && v.length === 0));

function days(iso: Value | undefined): number | null {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
}

/** The whitelist: nothing outside this table can be called from a definition. */
export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  coalesce: (a) => a.find(filled) ?? null,
  empty: (a) => !filled(a[0] ?? null),
  filled: (a) => filled(a[0] ?? null),
  sum: (a) => numbers(a).reduce((s, n) => s + n, 0),
  count: (a) => flat(a).filter(filled).length,
  countif: (a) => flat([a[0] ?? null]).filter((v) => norm(v) === norm(a[1])).length,
  min: (a) => {
    const n = numbers(a);
    return n.length ? Math.min(...n) : null;
  },
  max: (a) => {
    const n = numbers(a);
    return n.length ? Math.max(...n) : null;
  },
  round: (a) => {
    const n = toNumber(a[0]);
    const p = 10 ** (toNumber(a[1]) ?? 0);
    return n === null ? null : Math.round(n * p) / p;
  },
  abs: (a) => {
    const n = toNumber(a[0]);
    return n === null ? null : Math.abs(n);
  },
  len: (a) => text(a[0]).trim().length,
  number: (a) => toNumber(a[0]),
  contains: (a) => flat([a[0] ?? null]).some((v) => norm(v) === norm(a[1])),
  /** days between two dates: days(from, to) */
  days: (a) => {
    const x = days(a[0]);
    const y = days(a[1]);
    return x === null || y === null ? null : y - x;
  },
  /** date(2024, 12, 31) or date('08.02.2024') → ISO */
  date: (a) => {
    if (a.length >= 3) {
      const [y, m, d] = [toNumber(a[0]), toNumber(a[1]), toNumber(a[2])];
      if (y === null || m === null || d === null) return null;
      const dt = new Date(Date.UTC(y, m - 1, d));
      return dt.toISOString().slice(0, 10);
    }
    return typeof a[0] === 'string' ? (parseRussianDate(a[0]) ?? (/^\d{4}-\d{2}-\d{2}$/.test(a[0]) ? a[0] : null)) : null;
  },
  /** term_end('до 01.06.2024') → '2024-06-01'; a recurring phrase → empty */
  term_end: (a) => termEnd(text(a[0])) ?? null,
  /** term_kind('ежемесячно') → 'phrase'; 'date', 'range', or '' when not a term */
  term_kind: (a) => termKind(text(a[0])),
  school_municipality: (a, c) => (typeof a[0] === 'string' && c.data ? (c.data.schoolMunicipality(a[0]) ?? null) : null),
  in_list: (a, c) => {
    const year = toNumber(a[2]);
    return typeof a[0] === 'string' && c.data && year !== null ? c.data.isOnList(text(a[1]), year, a[0]) : false;
  },
  list_count: (a, c) => {
    const year = toNumber(a[2]);
    if (!c.data || year === null) return null;
    return c.data.listSchools(text(a[0]), year, a[1] === null || a[1] === undefined ? undefined : text(a[1])).length;
  },
};

function compare(op: string, l: Value, r: Value): boolean {
  const ln = typeof l === 'number' || typeof r === 'number' ? toNumber(l) : null;
  const rn = typeof l === 'number' || typeof r === 'number' ? toNumber(r) : null;
  if (op === '=' || op === '!=') {
    const eq =
      ln !== null && rn !== null ? ln === rn : typeof l === 'boolean' || typeof r === 'boolean' ? truthy(l) === truthy(r) : norm(l) === norm(r);
    return op === '=' ? eq : !eq;
  }
  if (l === null || r === null) return false;
  const a: number | string = ln !== null && rn !== null ? ln : text(l);
  const b: number | string = ln !== null && rn !== null ? rn : text(r);
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function arithmetic(op: string, l: Value, r: Value): Value {
  const a = toNumber(l);
  const b = toNumber(r);
  if (a === null || b === null) return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    default:
      return b === 0 ? null : a / b;
  }
}

/** Walks the tree; an empty or non-numeric operand gives an empty result rather than an exception. */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  switch (expr.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return expr.value;
    case 'self':
      return ctx.self ?? null;
    case 'ref':
      return ctx.lookup(expr.name) ?? null;
    case 'unary': {
      const v = evaluate(expr.arg, ctx);
      if (expr.op === 'not') return !truthy(v);
      const n = toNumber(v);
      return n === null ? null : -n;
    }
    case 'binary': {
      if (expr.op === 'and') return truthy(evaluate(expr.left, ctx)) && truthy(evaluate(expr.right, ctx));
      if (expr.op === 'or') return truthy(evaluate(expr.left, ctx)) || truthy(evaluate(expr.right, ctx));
      const l = evaluate(expr.left, ctx);
      const r = evaluate(expr.right, ctx);
      if (['+', '-', '*', '/'].includes(expr.op)) return arithmetic(expr.op, l, r);
      return compare(expr.op, l, r);
    }
    case 'call': {
      if (expr.name === 'if') {
        return truthy(evaluate(expr.args[0] ?? { kind: 'boolean', value: false }, ctx))
          ? expr.args[1]
            ? evaluate(expr.args[1], ctx)
            : null
          : expr.args[2]
            ? evaluate(expr.args[2], ctx)
            : null;
      }
      const fn = Object.hasOwn(FUNCTIONS, expr.name) ? FUNCTIONS[expr.name] : undefined;
      return fn
        ? fn(
            expr.args.map((a) => evaluate(a, ctx)),
            ctx,
          )
        : null;
    }
  }
}

/** Names the parser accepts as calls; the compiler reports anything else as a bad expression. */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set(['if', ...Object.keys(FUNCTIONS)]);
