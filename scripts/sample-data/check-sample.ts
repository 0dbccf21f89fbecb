import { checkDataset } from '../../core/model/dataset-checks';
import { DatasetSchema, type Dataset } from '../../core/model/schemas';
import { CURATOR_CAP } from './distribution';

/**
 * What the sample must satisfy beyond the schema: every code it refers to exists (sheet refs and
 * the attachments' sources), and the rules of PRODUCT.md hold for its distribution and tech cards.
 * Returns the problems found, empty when the sample is sound.
 */
export function checkSample(dataset: Dataset): string[] {
  const problems: string[] = [];
  const parsed = DatasetSchema.safeParse(dataset);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`schema: ${issue.path.join('.')}: ${issue.message}`);
    return problems;
  }
  const refs = checkDataset(dataset, (collection, index, key) => ({ kind: 'record', record: `${collection}[${index}]`, field: key }));
  for (const issue of refs.issues) problems.push(`refs: ${issue.message}`);

  const roadmaps = new Set(dataset.roadmapItems.map((r) => r.roadmapId));
  const eventIds = new Set(dataset.events.map((e) => e.id));
  for (const a of dataset.attachments) {
    if (a.kind === 'дорожная карта' && !roadmaps.has(a.source ?? '')) problems.push(`attachment ${a.documentId}/${a.no}: no roadmap ${a.source}`);
    if (a.kind === 'график' && !eventIds.has(a.source ?? '')) problems.push(`attachment ${a.documentId}/${a.no}: no event ${a.source}`);
    if (a.kind === 'распределение' && !dataset.distribution.some((d) => String(d.year) === a.source))
      problems.push(`attachment ${a.documentId}/${a.no}: no distribution for ${a.source}`);
  }

  const schoolById = new Map(dataset.schools.map((s) => [s.id, s]));
  for (const year of new Set(dataset.distribution.map((d) => d.year))) {
    const on = (list: string) => new Set(dataset.schoolLists.filter((e) => e.year === year && e.list === list).map((e) => e.schoolId));
    const shnor = on('ШНОР');
    const leaders = on('школа-лидер');
    for (const id of leaders) if (shnor.has(id)) problems.push(`${year}: leader school ${id} is itself a ШНОР`);
    const rows = dataset.distribution.filter((d) => d.year === year);
    const seen = new Map<string, number>();
    const load = new Map<string, number>();
    for (const d of rows) {
      seen.set(d.schoolId, (seen.get(d.schoolId) ?? 0) + 1);
      load.set(d.curatorId, (load.get(d.curatorId) ?? 0) + 1);
      if (!shnor.has(d.schoolId)) problems.push(`${year}: distributed school ${d.schoolId} is not a ШНОР`);
      if (d.leaderSchoolId) {
        if (!leaders.has(d.leaderSchoolId)) problems.push(`${year}: ${d.leaderSchoolId} is not a leader school`);
        if (schoolById.get(d.leaderSchoolId)?.municipalityId !== schoolById.get(d.schoolId)?.municipalityId) {
          problems.push(`${year}: leader ${d.leaderSchoolId} is in another municipality than ${d.schoolId}`);
        }
      }
    }
    for (const id of shnor) if (seen.get(id) !== 1) problems.push(`${year}: ШНОР ${id} distributed ${seen.get(id) ?? 0} times`);
    for (const [curator, n] of load) if (n > CURATOR_CAP) problems.push(`${year}: curator ${curator} has ${n} schools`);
  }

  const cards = new Map<string, typeof dataset.techCards>();
  for (const e of dataset.techCards) cards.set(`${e.schoolId}|${e.year}`, [...(cards.get(`${e.schoolId}|${e.year}`) ?? []), e]);
  for (const [key, entries] of cards) {
    const priorities = entries.map((e) => e.priority).sort((a, b) => a - b);
    if (entries.length > 4 || priorities.some((p, i) => p !== i + 1)) problems.push(`tech card ${key}: priorities ${priorities.join(',')}`);
    for (const e of entries) {
      const outside = [e.municipality, e.institute, e.ministry, e.resourceCentres, e.others].some(Boolean);
      if (!e.school || !outside) problems.push(`tech card ${key}: problem ${e.problem} needs a school and an outside measure`);
      if (e.problem === 10 && !e.detail) problems.push(`tech card ${key}: «Иное» without a description`);
    }
  }

  const byDocument = new Map<string, number[]>();
  for (const p of dataset.paragraphs) byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), p.no]);
  for (const [doc, numbers] of byDocument) {
    if (numbers.some((n, i) => n !== i + 1)) problems.push(`paragraphs of ${doc} are not numbered 1..N in order`);
  }
  for (const p of dataset.paragraphs) if (p.text.includes('\n')) problems.push(`paragraph ${p.documentId}/${p.no} has a line break`);
  return problems;
}
