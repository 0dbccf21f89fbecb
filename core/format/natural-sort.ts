/**
 * The order people expect in lists of schools and municipalities: numbers inside names compared as
 * numbers («СОШ № 19» before «СОШ № 102»), Russian alphabet, case and quote style ignored
 * (МБОУ "СОШ № 9" and МБОУ «СОШ № 9» stand together).
 */
const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

const QUOTES = /["'«»„“”]/g;

export function compareNatural(a: string, b: string): number {
  return collator.compare(a.replace(QUOTES, ''), b.replace(QUOTES, '')) || collator.compare(a, b);
}

/** A sorted copy of `items` by `key` (stable for equal keys). */
export function sortNatural<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareNatural(key(x), key(y)));
}
