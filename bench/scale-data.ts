/**
 * The sample region scaled up for benchmarks and the interruption test: the municipalities (with
 * their heads, schools and school-list entries) copied until there are `municipalities` of them.
 * Copy 0 is the sample itself, so every other sheet's references still hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Row = Record<string, unknown>;
type Data = Record<string, Row[]>;

/** From bench/ (ts-jest) or build/bench/ (compiled). */
export const SAMPLE_JSON_PATH =
  [join(__dirname, '..', 'templates'), join(__dirname, '..', '..', 'templates')]
    .map((dir) => join(dir, 'data', 'sample-region.json'))
    .find((file) => existsSync(file)) ?? join(__dirname, '..', 'templates', 'data', 'sample-region.json');

export function scaledDataset(municipalities: number, sampleFile = SAMPLE_JSON_PATH): Data {
  const sample = JSON.parse(readFileSync(sampleFile, 'utf8')) as Data;
  const out: Data = { ...sample, municipalities: [], people: [...sample['people']!], schools: [], schoolLists: [] };
  const base = sample['municipalities']!;
  const people = new Map(sample['people']!.map((p) => [p['id'] as string, p]));
  for (let c = 0; out['municipalities']!.length < municipalities; c++) {
    const suffix = c === 0 ? '' : `_${c}`;
    const ids = new Set<string>();
    for (const m of base) {
      if (out['municipalities']!.length >= municipalities) break;
      ids.add(m['id'] as string);
      const head = typeof m['headId'] === 'string' ? people.get(m['headId']) : undefined;
      if (head && c > 0) out['people']!.push({ ...head, id: `${String(head['id'])}${suffix}` });
      out['municipalities']!.push({
        ...m,
        id: `${String(m['id'])}${suffix}`,
        name: c === 0 ? m['name'] : `${String(m['name'])} (${c + 1})`,
        ...(head ? { headId: `${String(head['id'])}${suffix}` } : {}),
      });
    }
    const schools = sample['schools']!.filter((s) => ids.has(s['municipalityId'] as string));
    const schoolIds = new Set(schools.map((s) => s['id'] as string));
    for (const s of schools)
      out['schools']!.push({ ...s, id: `${String(s['id'])}${suffix}`, municipalityId: `${String(s['municipalityId'])}${suffix}` });
    for (const e of sample['schoolLists']!) {
      if (schoolIds.has(e['schoolId'] as string)) out['schoolLists']!.push({ ...e, schoolId: `${String(e['schoolId'])}${suffix}` });
    }
  }
  // References from other sheets to schools of copy 0 stay valid only if copy 0 is whole.
  if (municipalities < base.length) {
    const kept = new Set(out['schools']!.map((s) => s['id'] as string));
    for (const key of ['distribution', 'techCards'] as const) out[key] = (sample[key] ?? []).filter((r) => kept.has(r['schoolId'] as string));
  }
  return out;
}
