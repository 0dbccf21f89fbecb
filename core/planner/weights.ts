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
  /** Bonus per ШНОР kept with last year's curator: mild, or decisive with --keep-last-year. */
  keepMild: 6,
  keepStrong: 1_000,
  /** Per ШНОР left without a leader school. */
  leaderMissing: 1_000,
  /** Per ШНОР by the leader school's distance: same municipality, neighbour, neighbour's neighbour, farther. */
  leaderRing: [0, 20, 45, 60] as const,
} as const;
