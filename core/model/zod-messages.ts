import type { z } from 'zod';

/** A zod issue said the way the catalogue speaks: short, Russian, about the value not the type system. */
export function describeZodIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `значение должно быть не больше ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'значение не может быть пустым' : `значение должно быть не меньше ${String(issue.minimum)}`;
    case 'invalid_type':
      return issue.input === undefined ? 'значение обязательно' : 'значение другого типа';
    case 'invalid_value':
      return `допустимы значения: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return 'значение в неверном формате';
    default:
      return issue.message;
  }
}
