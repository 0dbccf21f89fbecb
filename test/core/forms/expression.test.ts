import fc from 'fast-check';
import { evaluate } from '../../../core/forms/expression/evaluate';
import { parseExpression } from '../../../core/forms/expression/parse';
import { termEnd, termKind } from '../../../core/forms/expression/terms';
import type { Value } from '../../../core/forms/values';

function run(src: string, names: Record<string, Value> = {}, self?: Value): Value {
  const parsed = parseExpression(src);
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluate(parsed.expr, { lookup: (n) => (Object.hasOwn(names, n) ? names[n] : undefined), self });
}

describe('expressions', () => {
  test('arithmetic, comparison and precedence', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('a / b * 100', { a: 3, b: 4 })).toBe(75);
    expect(run('. <= total', { total: 10 }, 12)).toBe(false);
    expect(run('a = b and not c', { a: 'да', b: 'ДА', c: false })).toBe(true);
    expect(run('a <> 1 или b', { a: 1, b: true })).toBe(true);
  });

  test('division by zero and empty operands give empty, not an exception', () => {
    expect(run('a / b', { a: 1, b: 0 })).toBeNull();
    expect(run('a + 1', { a: null })).toBeNull();
  });

  test('whitelisted functions', () => {
    expect(run("if(a > 0, 'yes', 'no')", { a: 1 })).toBe('yes');
    expect(run('sum(col)', { col: [1, 2, null, 3] })).toBe(6);
    expect(run('count(col)', { col: [1, null, '', 'x'] })).toBe(2);
    expect(run("contains(m, 'стажировки')", { m: ['наставничество', 'стажировки'] })).toBe(true);
    expect(run('date(2024, 2, 8)')).toBe('2024-02-08');
    expect(run("date('08.02.2024')")).toBe('2024-02-08');
    expect(run('round(2 / 3 * 100, 1)')).toBe(66.7);
    expect(run("«строка» = 'строка'")).toBe(true);
  });

  test('syntax errors are reported, never thrown', () => {
    for (const bad of ['a >', '(1 + 2', "'open", 'a # b', '1 2']) {
      const parsed = parseExpression(bad);
      expect(parsed.ok).toBe(false);
    }
  });

  test('no way out of the whitelist: unknown calls give empty and nothing runs', () => {
    expect(run("constructor('return process')")).toBeNull();
    expect(run('toString')).toBeNull();
    expect(run('eval(1)')).toBeNull();
  });

  test('roadmap terms', () => {
    expect(termEnd('08.02.2024')).toBe('2024-02-08');
    expect(termEnd('01.02.2024–31.03.2024')).toBe('2024-03-31');
    expect(termEnd('до 01.06.2024 г.')).toBe('2024-06-01');
    expect(termEnd('декабрь 2024')).toBe('2024-12-31');
    expect(termEnd('май 2024')).toBe('2024-05-31');
    expect(termEnd('IV квартал 2024')).toBe('2024-12-31');
    expect(termEnd('февраль–ноябрь 2024 г.')).toBe('2024-11-30');
    expect(termEnd('до 1 апреля 2024 г.')).toBe('2024-04-01');
    expect(termEnd('в течение 2024 года')).toBe('2024-12-31');
    expect(termKind('ежемесячно')).toBe('phrase');
    expect(termKind('когда-нибудь')).toBe('');
  });

  test('any text either parses or is reported; evaluation of what parses never throws', () => {
    const alphabet = fc.constantFrom(...'ab1 .,+-*/()<>=!\'"«»иили'.split(''), 'if(', 'sum(', 'and', ' not ');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        (src) => {
          const parsed = parseExpression(src);
          if (parsed.ok) evaluate(parsed.expr, { lookup: () => 1 });
          else expect(typeof parsed.error).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
