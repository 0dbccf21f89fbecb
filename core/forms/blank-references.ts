import type { Dataset } from '../model/schemas';
import type { RefKind } from './definition';

const byName = (a: string, b: string): number => a.localeCompare(b, 'ru');
const unique = (names: Iterable<string>): string[] => [...new Set(names)].sort(byName);

/**
 * The names a blank offers in its reference columns' drop-downs (`kaskad blank F7 --data …`):
 * people as «Фамилия И.О.», schools and municipalities by name — each spelling the checks accept.
 */
export function blankReferences(dataset: Pick<Dataset, 'people' | 'schools' | 'municipalities'>): Record<RefKind, string[]> {
  return {
    person: unique(
      dataset.people.map(
        (p) => `${p.lastName.trim()} ${p.firstName.trim().charAt(0)}.${p.middleName?.trim() ? `${p.middleName.trim().charAt(0)}.` : ''}`,
      ),
    ),
    school: unique(dataset.schools.map((s) => s.name)),
    municipality: unique(dataset.municipalities.map((m) => m.name)),
  };
}
