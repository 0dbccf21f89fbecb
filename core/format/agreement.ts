import type { APPROVAL_FORMS } from '../model/schemas';

export type ApprovalForm = (typeof APPROVAL_FORMS)[number];

/** Words whose ending misleads: plural nouns in -а, masculine nouns in -ь. */
const EXCEPTIONS: Record<string, ApprovalForm> = {
  правила: 'УТВЕРЖДЕНЫ',
  перечень: 'УТВЕРЖДЕН',
  календарь: 'УТВЕРЖДЕН',
  словарь: 'УТВЕРЖДЕН',
  модель: 'УТВЕРЖДЕНА',
  сеть: 'УТВЕРЖДЕНА',
  мероприятия: 'УТВЕРЖДЕНЫ',
  изменения: 'УТВЕРЖДЕНЫ',
  критерии: 'УТВЕРЖДЕНЫ',
  показатели: 'УТВЕРЖДЕНЫ',
};

/**
 * «УТВЕРЖДЕНА» for «Дорожная карта …», «УТВЕРЖДЕНО» for «Распределение …», «УТВЕРЖДЕН» for «Список …»,
 * «УТВЕРЖДЕНЫ» for «Методические рекомендации …»: agreement with the title's first word
 * (an adjective agrees with its noun, so the first word tells either way). The «Гриф» column overrides.
 */
export function approvalFormFor(title: string): ApprovalForm {
  const first = (title.trim().split(/\s+/)[0] ?? '').toLowerCase().replace(/[^а-яё-]/g, '');
  const exception = EXCEPTIONS[first];
  if (exception) return exception;
  // «Методические», «Общие» are plural adjectives; «Распределение», «Положение» are neuter nouns in -ие.
  if (/(ые|[кгхжшщч]ие)$/.test(first)) return 'УТВЕРЖДЕНЫ';
  if (/(ая|яя)$/.test(first)) return 'УТВЕРЖДЕНА';
  if (/(ое|ее|ие|ье|о|е)$/.test(first)) return 'УТВЕРЖДЕНО';
  if (/[ая]$/.test(first)) return 'УТВЕРЖДЕНА';
  if (/[ыи]$/.test(first)) return 'УТВЕРЖДЕНЫ';
  return 'УТВЕРЖДЕН';
}
