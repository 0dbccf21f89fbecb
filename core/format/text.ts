/**
 * Every string that goes into a document passes here: characters XML 1.0 forbids are removed
 * (a vertical tab, Excel's line break in some exports, becomes a line break), unpaired surrogates
 * become U+FFFD, the text is NFC-normalised, and «№» is tied to its number with a no-break space.
 */

// U+0000–U+0008, U+000B (handled first), U+000C, U+000E–U+001F, U+FFFE, U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000c\u000e-\u001f\ufffe\uffff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(input: string): string {
  return input
    .replace(/\u000b/g, '\n')
    .replace(/\r\n?/g, '\n')
    .replace(FORBIDDEN, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(/№[ \t]+(?=\S)/g, '№\u00a0');
}

/** Deeply cleans every string of a plain value (objects, arrays); other values pass as they are. */
export function cleanDeep<T>(value: T): T {
  return mapStrings(value, cleanText);
}

/**
 * A copy of a plain value (objects, arrays) with `each` applied to every string; a string under a
 * key of `rawKeys`, at any depth below it, gets `raw` instead. Other values pass as they are.
 */
export function mapStrings<T>(
  value: T,
  each: (text: string) => string,
  rawKeys: ReadonlySet<string> = new Set(),
  raw: (text: string) => string = each,
): T {
  if (typeof value === 'string') return each(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, each, rawKeys, raw)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rawKeys.has(k) ? mapStrings(v, raw) : mapStrings(v, each, rawKeys, raw);
    return out as T;
  }
  return value;
}
