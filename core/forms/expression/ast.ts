/** The expression language of form definitions: a small, XLSForm-like syntax parsed to this tree. */
export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'self' }
  | { kind: 'ref'; name: string }
  | { kind: 'unary'; op: '-' | 'not'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] };

export type BinaryOp = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** Every field name an expression refers to (for «unknown field» checks and dependency order). */
export function referencedNames(expr: Expr, out: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'ref':
      out.add(expr.name);
      break;
    case 'unary':
      referencedNames(expr.arg, out);
      break;
    case 'binary':
      referencedNames(expr.left, out);
      referencedNames(expr.right, out);
      break;
    case 'call':
      for (const a of expr.args) referencedNames(a, out);
      break;
    default:
      break;
  }
  return out;
}
