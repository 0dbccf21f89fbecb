import { makeIssue, type Issue, type IssueLocation } from '../issues';
import { messageFor, type DefinitionPart } from '../messages';
import { DEF_SHEETS } from './definition-sheets';
import { referencedNames, type Expr } from './expression/ast';
import { KNOWN_FUNCTIONS } from './expression/evaluate';
import { parseExpression } from './expression/parse';
import type { FormDefinition } from './definition';

/** Where a part of the definition came from: `fields.3` → sheet «Поля», row 5. */
export type DefinitionLocator = (path: string) => IssueLocation;

/** A check's parameter by the header the methodologist sees on «Проверки». */
const PARAM_HEADERS: Record<string, string> = Object.fromEntries(
  (DEF_SHEETS.find((d) => d.part === 'checks')?.columns ?? []).map((c) => [c.key, c.header]),
);

function callNames(e: Expr, out: string[] = []): string[] {
  if (e.kind === 'call') {
    out.push(e.name);
    e.args.forEach((a) => callNames(a, out));
  }
  if (e.kind === 'unary') callNames(e.arg, out);
  if (e.kind === 'binary') {
    callNames(e.left, out);
    callNames(e.right, out);
  }
  return out;
}

/**
 * The checks zod cannot make: unique ids, names that point at something, expressions that
 * parse and mention known fields, calculations without cycles. Returns every problem found.
 */
export function checkDefinition(def: FormDefinition, locate: DefinitionLocator): Issue[] {
  const issues: Issue[] = [];
  const unique = (items: ReadonlyArray<{ id: string }>, part: string, what: DefinitionPart): void => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) issues.push(makeIssue('FORM_DEF_DUPLICATE_ID', locate(`${part}.${i}`), { id: item.id, what }));
      seen.add(item.id);
    });
  };
  unique(def.layouts, 'layouts', 'layout');
  unique(def.fields, 'fields', 'field');
  unique(def.lists, 'lists', 'list');
  unique(def.checks, 'checks', 'check');
  unique(def.scoring?.sections ?? [], 'scoring.sections', 'section');
  unique(def.scoring?.levels ?? [], 'scoring.levels', 'level');
  unique(def.scoring?.flags ?? [], 'scoring.flags', 'flag');

  const layouts = new Map(def.layouts.map((l) => [l.id, l]));
  const lists = new Set(def.lists.map((l) => l.id));
  const fields = new Set(def.fields.map((f) => f.id));
  const names = new Set([...fields, ...Object.keys(def.params)]);
  const sections = new Set(def.scoring?.sections.map((s) => s.id) ?? []);
  const unknown = (path: string, what: DefinitionPart, name: string): void => {
    issues.push(makeIssue('FORM_DEF_UNKNOWN_NAME', locate(path), { what, name }));
  };
  const checkExpr = (path: string, src: string | undefined): Expr | undefined => {
    if (src === undefined) return undefined;
    const parsed = parseExpression(src);
    if (!parsed.ok) {
      issues.push(makeIssue('FORM_DEF_BAD_EXPRESSION', locate(path), { expression: src, detail: parsed.error }));
      return undefined;
    }
    for (const fn of callNames(parsed.expr)) {
      if (!KNOWN_FUNCTIONS.has(fn)) {
        issues.push(
          makeIssue('FORM_DEF_BAD_EXPRESSION', locate(path), { expression: src, detail: messageFor('EXPR_UNKNOWN_FUNCTION', { name: fn }) }),
        );
      }
    }
    for (const name of referencedNames(parsed.expr)) {
      if (!names.has(name)) issues.push(makeIssue('FORM_DEF_UNKNOWN_FIELD', locate(path), { name, expression: src }));
    }
    return parsed.expr;
  };
  const fieldRef = (path: string, name: string): void => {
    if (!fields.has(name)) issues.push(makeIssue('FORM_DEF_UNKNOWN_FIELD', locate(path), { name, expression: name }));
  };

  def.layouts.forEach((l, i) => {
    if (l.kind === 'matrix' && !lists.has(l.rows)) unknown(`layouts.${i}`, 'rows', l.rows);
  });
  const calcDeps = new Map<string, Set<string>>();
  def.fields.forEach((f, i) => {
    const path = `fields.${i}`;
    const layout = f.layout ? layouts.get(f.layout) : undefined;
    if (f.layout && !layout) unknown(path, 'layout', f.layout);
    if (layout?.kind === 'card' && !f.key) {
      issues.push(makeIssue('FORM_DEF_FIELD_INCOMPLETE', locate(path), { field: f.id, missing: 'key' }));
    }
    if (layout && layout.kind !== 'card' && !f.column) {
      issues.push(makeIssue('FORM_DEF_FIELD_INCOMPLETE', locate(path), { field: f.id, missing: 'column' }));
    }
    if ((f.type === 'choice' || f.type === 'multi') && !f.list && !f.ref) {
      issues.push(makeIssue('FORM_DEF_FIELD_INCOMPLETE', locate(path), { field: f.id, missing: 'list' }));
    }
    if (f.list && !lists.has(f.list)) unknown(path, 'list', f.list);
    if (f.section && def.scoring && !sections.has(f.section)) unknown(path, 'section', f.section);
    for (const src of [f.required, f.relevant, f.constraint]) checkExpr(path, src === 'true' || src === 'да' ? undefined : src);
    const calc = checkExpr(path, f.calculate);
    if (calc) calcDeps.set(f.id, referencedNames(calc));
  });
  def.checks.forEach((c, i) => {
    const path = `checks.${i}`;
    fieldRef(path, c.field);
    for (const src of [c.value, c.from, c.to, c.year, c.municipality]) checkExpr(path, src);
    const needs: Record<string, ReadonlyArray<keyof typeof c>> = {
      compare: ['op', 'value'],
      period: ['from', 'to'],
      covers: ['list', 'year'],
      cap: ['value'],
      listCount: ['list', 'year', 'municipality'],
      belongs: ['municipality'],
    };
    for (const param of needs[c.kind] ?? []) {
      if (c[param] === undefined)
        issues.push(makeIssue('FORM_DEF_CHECK_PARAM', locate(path), { check: c.id, param: PARAM_HEADERS[param] ?? String(param) }));
    }
  });
  const optionNorm = (v: string): string => v.trim().toLowerCase().replace(/ё/g, 'е');
  def.scoring?.items.forEach((item, i) => {
    const path = `scoring.items.${i}`;
    fieldRef(path, item.field);
    // An option the field cannot take would never score: a definition error, not silent zero points.
    const field = def.fields.find((f) => f.id === item.field);
    const list = field?.list ? def.lists.find((l) => l.id === field.list) : undefined;
    const allowed = field?.type === 'yesno' ? ['да', 'нет'] : list ? list.options.map((o) => o.value) : undefined;
    for (const r of item.rules) {
      if (r.option === undefined || !allowed || allowed.some((a) => optionNorm(a) === optionNorm(r.option ?? ''))) continue;
      issues.push(
        makeIssue('FORM_DEF_UNKNOWN_OPTION', locate(path), {
          field: item.field,
          option: r.option,
          list: list?.id ?? 'да/нет',
          allowed: allowed.map((a) => `«${a}»`).join(', '),
        }),
      );
    }
    if (!sections.has(item.section)) unknown(path, 'section', item.section);
    checkExpr(path, item.na);
    item.rules.forEach((r) => checkExpr(path, r.formula));
  });
  def.scoring?.flags.forEach((f, i) => checkExpr(`scoring.flags.${i}`, f.when));
  if (def.scoring?.levelBy) fieldRef('scoring', def.scoring.levelBy);

  const cycle = findCycle(calcDeps);
  if (cycle)
    issues.push(makeIssue('FORM_DEF_CYCLE', locate(`fields.${def.fields.findIndex((f) => f.id === cycle[0])}`), { fields: cycle.join(' → ') }));
  return issues;
}

function findCycle(deps: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const d of deps.get(n) ?? []) {
      if (!deps.has(d)) continue;
      const found = visit(d);
      if (found) return found;
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of deps.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}

/** Calculated fields in an order where each comes after the calculations it uses. */
export function calculationOrder(def: FormDefinition): string[] {
  const calcs = def.fields.filter((f) => f.calculate);
  const deps = new Map(
    calcs.map((f) => {
      const parsed = parseExpression(f.calculate ?? '');
      return [f.id, parsed.ok ? referencedNames(parsed.expr) : new Set<string>()] as const;
    }),
  );
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d);
    order.push(id);
  };
  calcs.forEach((f) => visit(f.id));
  return order;
}
