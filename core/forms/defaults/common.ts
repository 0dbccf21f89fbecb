import type { FormDefinitionInput, ScoreItemInput } from '../definition';

export const METHODOLOGY = 'методика 2024 года';

type Field = FormDefinitionInput['fields'][number];
type Item = ScoreItemInput;

/** A да/нет indicator worth 2 points for «да». */
export function yesNoItem(field: string, section: string): Item {
  return { field, section, rules: [{ option: 'да', points: 2 }, { option: 'нет', points: 0 }] };
}

/** A share scored by bands, the first that fits wins: 100 % → 2, 50 % and more → 1, below → 0 (N/A when `na` holds). */
export function shareItem(field: string, section: string, na?: string, full = 100, half = 50): Item {
  return { field, section, ...(na ? { na } : {}), rules: [{ min: full, points: 2 }, { min: half, points: 1 }, { min: 0, points: 0 }] };
}

/** The comment of a card row, required when the indicator gives no points. */
export function commentFor(id: string, key: string, label: string, whenZero: string, layout = 'card'): Field {
  return {
    id: `${id}_comment`, label: `${label}: комментарий`, layout, key, column: 'Комментарий', type: 'text',
    required: whenZero,
  };
}

export const LEVELS_BY_PERCENT = [
  { id: 'high', title: 'высокий', min: 80, color: '00B050',
    recommendation: 'Обобщить и представить опыт реализации муниципальной программы на региональном семинаре.' },
  { id: 'medium', title: 'средний', min: 60, color: 'FFC000',
    recommendation: 'Устранить выявленные дефициты программы, обеспечить мониторинг исполнения дорожных карт ШНОР.' },
  { id: 'low', title: 'низкий', min: 40, color: 'FF9900',
    recommendation: 'Скорректировать муниципальную программу и дорожную карту, закрепить кураторов за каждой ШНОР, запросить консультацию института.' },
  { id: 'critical', title: 'критический', min: 0, color: 'FF0000',
    recommendation: 'Принять муниципальный акт о программе адресной поддержки ШНОР, назначить ответственных, согласовать с институтом план адресной помощи.' },
];
