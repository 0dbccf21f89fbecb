/**
 * A1 addresses, the one place that spells them: column letters, a cell's address, and the
 * parsers of «AB12» and «B3:F20». Used by the forms engine, the data workbook and the pane.
 */

/** 1 → «A», 28 → «AB». */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** «AB12» (or «$AB$12») → { row: 12, col: 28 }. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase().replace(/\$/g, ''));
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** «B3:F20» (or one cell «B3») → its corners, top-left first. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [from, to = from] = range.split(':');
  const a = from ? parseAddress(from) : undefined;
  const b = to ? parseAddress(to) : undefined;
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
