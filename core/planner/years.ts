import type { Dataset } from '../model/schemas';

/** The years the data can be planned for: those with ШНОР on «Списки школ», newest first. Both doors offer the newest by default. */
export function plannableYears(dataset: Dataset): number[] {
  return [...new Set(dataset.schoolLists.filter((e) => e.list === 'ШНОР').map((e) => e.year))].sort((a, b) => b - a);
}
