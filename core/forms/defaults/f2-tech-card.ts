import { SUPPORT_LEVEL_TITLES, TECH_CARD_PROBLEMS } from '../../model/tech-card';
import type { FormDefinitionInput } from '../definition';
import { METHODOLOGY } from './common';

const LEVEL_IDS = ['lvl_school', 'lvl_municipality', 'lvl_institute', 'lvl_ministry', 'lvl_resource', 'lvl_other'] as const;
const outside = LEVEL_IDS.slice(1).map((id) => `filled(${id})`).join(' or ');

/** F2 «Технологическая карта адресной помощи» (seed 003, appendix 2): 10 problems × 6 levels, per school. */
export const F2_TECH_CARD: FormDefinitionInput = {
  id: 'F2',
  version: 2024,
  title: 'Технологическая карта адресной помощи школе с низкими результатами обучения',
  methodology: METHODOLOGY,
  params: { max_problems: 4 },
  layouts: [
    { kind: 'card', id: 'school', sheet: 'Школа', title: 'Сведения о школе', keyHeader: '№', labelHeader: 'Сведения', valueHeader: 'Значение' },
    { kind: 'matrix', id: 'tc', sheet: 'Технологическая карта', title: 'Какие проблемы будут решаться в текущем учебном году? (ОО выбирает 1–4 позиции и выстраивает их в порядке приоритета)', keyHeader: '№', labelHeader: 'Проблема', rows: 'problems', noteHeader: 'Модуль поддержки' },
  ],
  lists: [{ id: 'problems', options: TECH_CARD_PROBLEMS.map((p) => ({ value: String(p.no), label: p.title, ...(p.module ? { note: p.module } : {}) })) }],
  fields: [
    { id: 'municipality', label: 'Муниципальное образование', layout: 'school', key: '1', type: 'text', ref: 'municipality', prefill: 'municipality', required: 'да' },
    { id: 'school', label: 'Школа', layout: 'school', key: '2', type: 'text', ref: 'school', required: 'да' },
    { id: 'year', label: 'Год', layout: 'school', key: '3', type: 'integer', prefill: 'year', required: 'да', min: 2020, max: 2100 },
    { id: 'contact', label: 'Ответственный (ФИО, телефон)', layout: 'school', key: '4', type: 'text', required: 'да' },
    { id: 'problem_no', label: '№ проблемы', layout: 'tc', column: '№', type: 'text' },
    {
      id: 'priority', label: 'Приоритет', layout: 'tc', column: 'Приоритет (1–4)', type: 'integer', min: 1, max: 4,
      constraint: outside, constraintMessage: 'для выбранной проблемы укажите меру поддержки хотя бы на одном уровне вне школы.',
      hint: 'Поставьте 1–4 у выбранных проблем, без повторов.',
    },
    ...LEVEL_IDS.map((id, i) => ({
      id, label: SUPPORT_LEVEL_TITLES[i]!, layout: 'tc', column: SUPPORT_LEVEL_TITLES[i]!, type: 'text' as const,
      ...(i === 0 ? { required: 'filled(priority)' } : {}),
    })),
    {
      id: 'detail', label: 'Уточнение (вакансии, список педагогов, описание «Иное»)', layout: 'tc', column: 'Уточнение', type: 'text',
      required: "filled(priority) and problem_no = '10'",
    },
    { id: 'chosen', label: 'Выбрано проблем', type: 'integer', calculate: 'count(priority)' },
  ],
  checks: [
    { id: 'ranks', kind: 'ranks', field: 'priority', value: 'max_problems' },
    { id: 'at_least_one', kind: 'compare', field: 'chosen', op: '>=', value: '1', message: 'не выбрано ни одной проблемы: поставьте приоритет 1–4 хотя бы у одной.' },
    { id: 'school_in_municipality', kind: 'belongs', field: 'school', municipality: 'municipality' },
  ],
};
