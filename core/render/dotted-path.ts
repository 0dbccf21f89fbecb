/**
 * Template tag paths: `a.b.c` walks the scope key by key, `.` is the scope itself. No eval. The
 * same walk serves docxtemplater's parser (render-docx.ts) and the interpreter (interpret.ts).
 */

/** The keys of a tag's path: `signatory.name` → ['signatory', 'name'], `.` → []. */
export function pathOf(tag: string): string[] {
  const trimmed = tag.trim();
  return trimmed === '.' ? [] : trimmed.split('.');
}

/** The value at `path` in `scope`; undefined as soon as a step is not an object. */
export function valueAt(scope: unknown, path: readonly string[]): unknown {
  let value: unknown = scope;
  for (const key of path) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
