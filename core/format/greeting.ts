import type { Person } from '../model/schemas';
import { genderOf } from './names';

/** The greeting of a letter to several people or to an organisation. */
export const GREETING_COLLEAGUES = 'Уважаемые коллеги!';

/**
 * «Уважаемая Любовь Петровна!» for a letter to one person: name and patronymic from «Люди», the
 * adjective agreeing with the person's gender. Undefined when the patronymic or the gender is
 * unknown (a greeting by first name alone would be wrong in an official letter).
 */
export function personalGreeting(person: Pick<Person, 'firstName' | 'middleName' | 'gender'>): string | undefined {
  const first = person.firstName.trim();
  const middle = person.middleName?.trim();
  const gender = genderOf(person);
  if (!first || !middle || !gender) return undefined;
  return `${gender === 'female' ? 'Уважаемая' : 'Уважаемый'} ${first} ${middle}!`;
}

export interface AttachmentLine {
  title: string;
  /** Sheets, when known. */
  sheets?: number;
}

/**
 * The «Приложение:» requisite (ГОСТ Р 7.0.97): one attachment — «Приложение: Список … на 2 л.
 * в 1 экз.»; several — numbered, one per line. Without rows, the old form from a sheet count alone
 * («Приложение: на 11 л. в 1 экз.»); nothing when there is neither.
 */
export function attachmentRequisite(lines: readonly AttachmentLine[], sheets?: number): string {
  const copy = (title: string, n?: number) => `${title}${n ? ` на ${n} л.` : ''} в 1 экз.`;
  if (lines.length === 0) return sheets ? `Приложение: ${copy('', sheets).trim()}` : '';
  if (lines.length === 1) return `Приложение: ${copy(lines[0]!.title, lines[0]!.sheets ?? sheets)}`;
  return `Приложение: ${lines.map((l, i) => `${i + 1}. ${copy(l.title, l.sheets)}`).join('\n')}`;
}
