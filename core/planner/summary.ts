import { messageFor } from '../messages';
import type { Plan } from './types';

/** The summary a person reads before downloading: counts, kept pairs, loads. */
export function summaryLines(plan: Plan): string[] {
  const s = plan.summary;
  const loads = s.curatorLoads.filter((c) => c.cap > 0 || c.load > 0).map((c) => c.load);
  return [
    messageFor('PLAN_SUMMARY', {
      year: plan.year,
      shnor: s.shnor,
      withCurator: s.withCurator,
      withLeader: s.withLeader,
      keptCurators: s.keptCurators,
      keptLeaders: s.keptLeaders,
      cross: s.crossMunicipality,
      shared: s.sharedMunicipalities,
    }),
    messageFor('PLAN_SUMMARY_LOADS', {
      min: loads.length > 0 ? Math.min(...loads) : 0,
      max: loads.length > 0 ? Math.max(...loads) : 0,
      curators: loads.length,
      leadersUsed: s.leaderLoads.filter((l) => l.load > 0).length,
      leaders: s.leaderLoads.length,
    }),
  ];
}
