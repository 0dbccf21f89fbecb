import { makeIssue, type Issue, type IssueLocation } from '../issues';
import type { Person } from '../model/schemas';
import { genderOf } from './names';

const PEOPLE_SHEET = 'Люди';

/**
 * People whose gender neither the «Пол» column, the patronymic nor the first name tells: their
 * surnames stay undeclined in documents («В докладе Смирнова А.» would be wrong either way), and
 * each gets a warning naming the person's row — never silently. `cells` (from the data workbook)
 * gives the row's cells; without it the sheet and the full name in the message do.
 */
export function undeclinedPeople(
  people: readonly Person[],
  options: { file?: string; cells?: WeakMap<object, Readonly<Record<string, string>>> } = {},
): Issue[] {
  return people
    .filter((p) => !genderOf(p))
    .map((p) => {
      const name = [p.lastName, p.firstName, p.middleName].filter((s) => s && s.trim()).join(' ');
      const at = options.cells?.get(p);
      const address = at?.['gender'] ?? at?.['firstName'];
      const location: IssueLocation = address
        ? { kind: 'cell', ...(options.file ? { file: options.file } : {}), sheet: PEOPLE_SHEET, address }
        : { kind: 'sheet', ...(options.file ? { file: options.file } : {}), sheet: PEOPLE_SHEET };
      return makeIssue('PERSON_GENDER_UNKNOWN', location, { name, lastName: p.lastName.trim() }, 'warning');
    });
}
