import type { DistributionEntry, School, SchoolListEntry } from '../../core/model/schemas';

/** The cap PRODUCT.md names for a curator's load. */
export const CURATOR_CAP = 15;

/**
 * Every ШНОР of the year exactly once: curators take neighbouring schools in turn (so a curator
 * serves few municipalities), evenly and never above the cap; the leader school is one of the
 * same municipality's leaders, in turn, where the municipality has any.
 */
export function distribute(
  year: number,
  schools: readonly School[],
  lists: readonly SchoolListEntry[],
  curatorIds: readonly string[],
): DistributionEntry[] {
  const onList = (list: SchoolListEntry['list']) => new Set(lists.filter((e) => e.year === year && e.list === list).map((e) => e.schoolId));
  const shnor = schools.filter((s) => onList('ШНОР').has(s.id));
  const leaderIds = onList('школа-лидер');
  const leadersOf = new Map<string, string[]>();
  for (const s of schools) {
    if (leaderIds.has(s.id)) leadersOf.set(s.municipalityId, [...(leadersOf.get(s.municipalityId) ?? []), s.id]);
  }
  const perCurator = Math.ceil(shnor.length / curatorIds.length);
  if (perCurator > CURATOR_CAP) throw new Error(`${shnor.length} ШНОР do not fit ${curatorIds.length} curators of ${CURATOR_CAP}`);
  const turn = new Map<string, number>();
  return shnor.map((school, i) => {
    const curatorId = curatorIds[Math.floor(i / perCurator)]!;
    const leaders = leadersOf.get(school.municipalityId) ?? [];
    const k = turn.get(school.municipalityId) ?? 0;
    turn.set(school.municipalityId, k + 1);
    const leaderSchoolId = leaders[k % Math.max(1, leaders.length)];
    return { year, schoolId: school.id, curatorId, ...(leaderSchoolId ? { leaderSchoolId } : {}) };
  });
}
