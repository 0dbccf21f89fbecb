/** «Возможно, имелся в виду …»: the closest of several names to one that was not found. */

/** A name as compared: lower case, «ё» as «е», spaces folded, a required «*» dropped. */
export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s*]+/g, ' ')
    .trim();
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length]!;
}

/** The candidate nearest to `wanted`, if it is near enough to be a likely typo or rename. */
export function closestMatch(wanted: string, candidates: readonly string[]): string | undefined {
  const w = normaliseName(wanted);
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const c = normaliseName(name);
    const distance = c.includes(w) || w.includes(c) ? Math.abs(c.length - w.length) / 4 : levenshtein(w, c);
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.floor(w.length / 3)) ? best.name : undefined;
}

/** Header and sheet names compared as people type them: case, «ё», stray spaces and a required «*» ignored. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}
