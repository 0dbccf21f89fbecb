/**
 * The planner's costs, in one place. Orders of magnitude decide priorities: a school left without a
 * curator costs more than anything else; then last year's pairs (when --keep-last-year), one curator
 * per municipality, balanced loads; a leader school near the ШНОР costs less than a far one.
 */
export const WEIGHTS = {
  /** Per ШНОР left without a curator. */
  curatorMissing: 100_000,
  /** Per curator–municipality pair: a МОУО prefers one contact. */
  curatorMunicipality: 40,
  /** Per ШНОР above the curator's fair share of the load. */
  curatorOverload: 8,
  /**
   * Per ШНОР below half the curator's fair share (never above the cap): an idle curator is a plan
   * a methodist rejects. Worth more than opening a pair (40) plus the mild keep bonus lost on the
   * moved schools (6 each) once a few schools move, so a curator whose only municipality is split
   * among others gets part of it; far below curatorMissing, so it never leaves a school uncovered.
   */
  curatorUnderload: 20,
  /** Bonus per ШНОР kept with last year's curator: mild, or decisive with --keep-last-year. */
  keepMild: 6,
  keepStrong: 1_000,
  /** Per ШНОР left without a leader school. */
  leaderMissing: 1_000,
  /** Per ШНОР by the leader school's distance: same municipality, neighbour, neighbour's neighbour, farther. */
  leaderRing: [0, 20, 45, 60] as const,
} as const;

/** The load below which a curator is under-loaded: half the fair share, never above the cap. */
export function underloadFloor(share: number, cap: number): number {
  return Math.min(Math.floor(share / 2), cap);
}
