import type { FormDefinitionInput } from '../definition';
import { METHODOLOGY } from './common';

const due = "if(term_kind(term) = 'phrase', 1, if(filled(term_end(term)) and term_end(term) <= report_date, 1, 0))";

/** F3 «Дорожная карта» (seed 004): items until the first empty row; execution % = done / due by the report date. */
export const F3_ROADMAP: FormDefinitionInput = {
  id: 'F3',
  version: 2024,
  title: 'Дорожная карта по организации работы со школами с низкими образовательными результатами',
  methodology: METHODOLOGY,
  params: {},
  layouts: [
    { kind: 'card', id: 'info', sheet: 'Сведения', title: 'Сведения о дорожной карте', keyHeader: '№', labelHeader: 'Сведения', valueHeader: 'Значение' },
    { kind: 'table', id: 'items', sheet: 'Дорожная карта', title: 'Мероприятия дорожной карты', blankRows: 40 },
  ],
  lists: [{ id: 'status', options: [{ value: 'выполнено' }, { value: 'в работе' }, { value: 'не выполнено' }] }],
  fields: [
    { id: 'organisation', label: 'Муниципалитет или организация', layout: 'info', key: '1', type: 'text', required: 'да' },
    { id: 'year', label: 'Год', layout: 'info', key: '2', type: 'integer', prefill: 'year', required: 'да', min: 2020, max: 2100 },
    { id: 'report_date', label: 'Отчётная дата', layout: 'info', key: '3', type: 'date', required: 'да' },
    { id: 'no', label: '№ п/п', layout: 'items', column: '№ п/п', type: 'text', required: 'да' },
    { id: 'title', label: 'Мероприятие', layout: 'items', column: 'Мероприятие', type: 'text', required: 'да' },
    {
      id: 'term', label: 'Сроки', layout: 'items', column: 'Сроки', type: 'text', required: 'да', constraint: "term_kind(.) != ''",
      constraintMessage: 'укажите дату (08.02.2024), период (01.02.2024–31.03.2024), месяц («декабрь 2024») или «ежемесячно», «ежеквартально», «в течение года».',
      hint: 'Дата, период или «ежемесячно», «в течение года».',
    },
    { id: 'responsible', label: 'Ответственные', layout: 'items', column: 'Ответственные', type: 'text', required: 'да' },
    { id: 'result', label: 'Ожидаемый результат / показатель', layout: 'items', column: 'Ожидаемый результат', type: 'text' },
    { id: 'status', label: 'Отметка о выполнении', layout: 'items', column: 'Отметка о выполнении', type: 'choice', list: 'status', required: due },
    { id: 'due', label: 'Срок наступил', layout: 'items', type: 'integer', column: 'Срок наступил', calculate: due },
    { id: 'done_due', label: 'Выполнено в срок', layout: 'items', type: 'integer', column: 'Выполнено в срок', calculate: "if(due = 1 and status = 'выполнено', 1, 0)" },
    { id: 'exec_pct', label: 'Исполнение дорожной карты, %', type: 'percent', calculate: "if(sum(due) > 0, round(sum(done_due) / sum(due) * 100, 1), '')" },
  ],
  checks: [
    { id: 'report_in_year', kind: 'period', field: 'report_date', from: 'date(year, 1, 1)', to: 'date(year + 1, 12, 31)' },
  ],
  scoring: {
    sections: [],
    items: [],
    levelBy: 'exec_pct',
    levels: [
      { id: 'green', title: 'зелёный', min: 90, color: '00B050' },
      { id: 'yellow', title: 'жёлтый', min: 70, color: 'FFC000' },
      { id: 'red', title: 'красный', min: 0, color: 'FF0000' },
    ],
    flags: [{ id: 'below_50', when: 'filled(exec_pct) and exec_pct < 50', message: 'Исполнение дорожной карты ниже 50 %.' }],
  },
};
