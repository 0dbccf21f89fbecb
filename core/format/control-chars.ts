/**
 * Control characters from cards and data (ESC, BEL, NUL, a carriage return, bidi overrides) must
 * not reach a terminal raw: ESC sequences can recolour or rewrite the screen. Every message and
 * location shows them escaped, e.g. «\u001B». Line feeds and tabs stay: they only lay out text.
 */
// C0 except \t and \n, DEL, C1, line/paragraph separators, bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
