import { getFirstnameGender, getMiddlenameGender, inclineLastname } from 'lvovich';
import type { Person } from '../model/schemas';

export type GrammaticalCase = 'nominative' | 'genitive' | 'dative';
export type Gender = 'male' | 'female';

const NBSP = '\u00a0';

/**
 * Gender: the «Пол» column when filled (it corrects the rest), else the patronymic, else the first
 * name (lvovich knows «Анна», «Ильдар», «Гульнара»; «Саша», «Женя» tell nothing); undefined
 * when nothing tells — the surname then stays as written, and `undeclinedPeople` says so.
 */
export function genderOf(person: Pick<Person, 'gender' | 'middleName'> & Partial<Pick<Person, 'firstName'>>): Gender | undefined {
  if (person.gender === 'м') return 'male';
  if (person.gender === 'ж') return 'female';
  const fromMiddle = person.middleName?.trim() ? getMiddlenameGender(person.middleName.trim()) : null;
  if (fromMiddle === 'male' || fromMiddle === 'female') return fromMiddle;
  const fromFirst = person.firstName?.trim() ? getFirstnameGender(person.firstName.trim()) : null;
  return fromFirst === 'male' || fromFirst === 'female' ? fromFirst : undefined;
}

/** «Е.А.» from first name and patronymic. */
export function initialsOf(person: Pick<Person, 'firstName' | 'middleName'>): string {
  const letter = (s?: string) => (s && s.trim() ? `${s.trim().charAt(0).toUpperCase()}.` : '');
  return `${letter(person.firstName)}${letter(person.middleName)}`;
}

/**
 * The surname in a case. An override column wins; otherwise lvovich declines it with the gender
 * from the patronymic, leaving indeclinable surnames (Борченко, Сахно, Черных) as they are.
 * Double surnames decline part by part: «Петрова-Водкина».
 */
export function surnameIn(person: Person, grammaticalCase: GrammaticalCase): string {
  const last = person.lastName.trim();
  if (grammaticalCase === 'nominative') return last;
  const override = grammaticalCase === 'genitive' ? person.lastNameGenitive : person.lastNameDative;
  if (override && override.trim()) return override.trim();
  const gender = genderOf(person);
  if (!gender) return last;
  return last
    .split('-')
    .map((part) => inclineLastname(part, grammaticalCase, gender))
    .join('-');
}

/** «Е.А. Коузова» — signature block form, initials tied to the surname. */
export function initialsFirst(person: Person): string {
  return `${initialsOf(person)}${NBSP}${person.lastName.trim()}`;
}

/** «Ильясова Д.Ф.» — surname first, in the case the sentence needs. */
export function surnameFirst(person: Person, grammaticalCase: GrammaticalCase = 'nominative'): string {
  return `${surnameIn(person, grammaticalCase)}${NBSP}${initialsOf(person)}`;
}

/** «Горшков Геннадий Александрович». */
export function fullName(person: Person): string {
  return [person.lastName, person.firstName, person.middleName]
    .filter((s) => s && s.trim())
    .map((s) => s!.trim())
    .join(' ');
}
