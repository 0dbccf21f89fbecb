/**
 * Where each annotated copy goes inside the output folder. Cards with distinct file names keep
 * their name; cards whose names coincide (a/card.xlsx, b/card.xlsx) keep the part of their path
 * that tells them apart (a/card.xlsx, b/card.xlsx under the output folder), so none overwrites another.
 * Paths use «/» or «\»; the result uses «/».
 */
export function annotatedNames(files: readonly string[]): Map<string, string> {
  const parts = files.map((f) => f.split(/[\\/]+/).filter((p) => p && p !== '.'));
  const baseOf = (p: string[]): string => (p[p.length - 1] ?? '').toLowerCase();
  const counts = new Map<string, number>();
  for (const p of parts) counts.set(baseOf(p), (counts.get(baseOf(p)) ?? 0) + 1);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  files.forEach((file, i) => {
    const p = parts[i] ?? [];
    const base = p[p.length - 1] ?? file;
    let name = base;
    if ((counts.get(baseOf(p)) ?? 0) > 1) {
      // The shortest tail of the path that no other same-named file shares.
      const others = parts.filter((q, j) => j !== i && baseOf(q) === baseOf(p));
      for (let n = 2; n <= p.length; n++) {
        const tail = p.slice(-n).join('/').toLowerCase();
        if (!others.some((q) => q.slice(-n).join('/').toLowerCase() === tail)) {
          name = p
            .slice(-n)
            .filter((s) => s !== '..')
            .join('/');
          break;
        }
      }
    }
    // Same path given twice, or tails that still coincide: a numbered suffix.
    let unique = name;
    for (let k = 2; taken.has(unique.toLowerCase()); k++) unique = name.replace(/(\.[^./]+)?$/, (ext) => ` (${k})${ext}`);
    taken.add(unique.toLowerCase());
    out.set(file, unique);
  });
  return out;
}
