import { messageFor } from '../../messages';
import type { BinaryOp, Expr } from './ast';

/**
 * Parses a definition's expression: `. <= 100`, `if(a > 0, a / b * 100, 0)`, `act_date != ''`,
 * `contains(measures, 'семинар') or count(items) >= 2`. Words `and/or/not` and `и/или/не` both work;
 * `=` and `==` both compare; strings in '…', "…" or «…»; numbers with a dot or a comma-free form.
 * Never evaluated with eval: the tree is walked by evaluate.ts with a whitelist of functions.
 */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string };

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string } | { t: 'end' };

const WORD_OPS = new Map([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
  ['и', 'and'],
  ['или', 'or'],
  ['не', 'not'],
]);
const QUOTES = new Map([
  ["'", "'"],
  ['"', '"'],
  ['«', '»'],
]);

function tokenize(src: string): Token[] | string {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const close = QUOTES.get(c);
    if (close) {
      const end = src.indexOf(close, i + 1);
      if (end < 0) return messageFor('EXPR_UNCLOSED_QUOTE', { quote: c });
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(src.slice(i));
    if (word) {
      const w = word[0];
      const op = WORD_OPS.get(w.toLowerCase());
      out.push(op ? { t: 'op', v: op } : { t: 'id', v: w });
      i += w.length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['<=', '>=', '!=', '<>', '=='].includes(two)) {
      out.push({ t: 'op', v: two === '<>' ? '!=' : two === '==' ? '=' : two });
      i += 2;
      continue;
    }
    if ('+-*/=<>(),.'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    return messageFor('EXPR_BAD_CHAR', { char: c });
  }
  out.push({ t: 'end' });
  return out;
}

const LEVELS: ReadonlyArray<readonly string[]> = [['or'], ['and'], ['=', '!=', '<', '<=', '>', '>='], ['+', '-'], ['*', '/']];

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] ?? { t: 'end' };
  }
  private isOp(v: string): boolean {
    const k = this.peek();
    return k.t === 'op' && k.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new SyntaxError(messageFor('EXPR_EXPECTED', { token: v }));
    this.pos++;
  }

  parseAll(): Expr {
    const e = this.binary(0);
    if (this.peek().t !== 'end') throw new SyntaxError(messageFor('EXPR_TRAILING', { token: describe(this.peek()) }));
    return e;
  }

  private binary(level: number): Expr {
    const ops = LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const k = this.peek();
      if (k.t !== 'op' || !ops.includes(k.v)) return left;
      this.pos++;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op: k.v as BinaryOp, left, right };
    }
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      this.pos++;
      return { kind: 'unary', op: '-', arg: this.unary() };
    }
    if (this.isOp('not')) {
      this.pos++;
      return { kind: 'unary', op: 'not', arg: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const k = this.peek();
    this.pos++;
    if (k.t === 'num') return { kind: 'number', value: k.v };
    if (k.t === 'str') return { kind: 'string', value: k.v };
    if (k.t === 'op' && k.v === '.') return { kind: 'self' };
    if (k.t === 'op' && k.v === '(') {
      const e = this.binary(0);
      this.expect(')');
      return e;
    }
    if (k.t === 'id') {
      const lower = k.v.toLowerCase();
      if (lower === 'true' || lower === 'истина') return { kind: 'boolean', value: true };
      if (lower === 'false' || lower === 'ложь') return { kind: 'boolean', value: false };
      if (!this.isOp('(')) return { kind: 'ref', name: k.v };
      this.pos++;
      const args: Expr[] = [];
      if (!this.isOp(')')) {
        args.push(this.binary(0));
        while (this.isOp(',')) {
          this.pos++;
          args.push(this.binary(0));
        }
      }
      this.expect(')');
      return { kind: 'call', name: lower, args };
    }
    this.pos--;
    throw new SyntaxError(k.t === 'end' ? messageFor('EXPR_TRUNCATED', {}) : messageFor('EXPR_UNEXPECTED', { token: describe(k) }));
  }
}

function describe(k: Token): string {
  return k.t === 'end' ? '' : String(k.v);
}

export function parseExpression(src: string): ParseResult {
  const tokens = tokenize(src);
  if (typeof tokens === 'string') return { ok: false, error: tokens };
  try {
    return { ok: true, expr: new Parser(tokens).parseAll() };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}
