import type { FormDefinitionInput } from '../definition';
import { commentFor, LEVELS_BY_PERCENT, METHODOLOGY, shareItem, yesNoItem } from './common';

const card = 'card';
const share = (id: string, label: string, numerator: string): FormDefinitionInput['fields'][number] => ({
  id, label, type: 'percent', calculate: `if(shnor_count > 0, round(${numerator} / shnor_count * 100, 1), '')`,
});

/**
 * F1 «Карта мониторинга наличия и реализации муниципальной программы адресной поддержки ШНОР»:
 * one card per МОУО, 4 scored sections, 0/1/2 points per indicator.
 */
export const F1_MONITORING_CARD: FormDefinitionInput = {
  id: 'F1',
  version: 2024,
  title: 'Карта мониторинга наличия и реализации муниципальной программы адресной поддержки ШНОР',
  methodology: METHODOLOGY,
  params: {},
  layouts: [{ kind: 'card', id: card, sheet: 'Карта мониторинга', title: 'Карта мониторинга наличия и реализации муниципальной программы адресной поддержки школ с низкими образовательными результатами', keyHeader: '№', labelHeader: 'Показатель', valueHeader: 'Значение' }],
  lists: [
    { id: 'site', options: [{ value: 'да' }, { value: 'частично' }, { value: 'нет' }] },
    { id: 'funding', options: [{ value: 'в муниципальном бюджете' }, { value: 'из других источников' }, { value: 'не предусмотрено' }] },
    { id: 'forms', options: [
      { value: 'наставничество' }, { value: 'сетевое взаимодействие' }, { value: 'стажировки' }, { value: 'методический десант' },
      { value: 'консультирование' }, { value: 'школа-партнёр' },
    ] },
    { id: 'decline', options: [{ value: 'значительное' }, { value: 'незначительное' }, { value: 'нет снижения' }] },
  ],
  fields: [
    { id: 'municipality', label: 'Муниципальное образование', layout: card, key: '0.1', type: 'text', ref: 'municipality', prefill: 'municipality', required: 'да' },
    { id: 'report_year', label: 'Отчётный год', layout: card, key: '0.2', type: 'integer', prefill: 'year', required: 'да', min: 2020, max: 2100 },
    { id: 'fill_date', label: 'Дата заполнения', layout: card, key: '0.3', type: 'date', required: 'да' },
    { id: 'contact', label: 'Ответственный (ФИО, телефон)', layout: card, key: '0.4', type: 'text', required: 'да' },
    { id: 'shnor_count', label: 'Количество ШНОР в муниципалитете', layout: card, key: '0.5', type: 'integer', required: 'да', min: 0, max: 500 },

    { id: 'program_act', label: 'Муниципальная программа адресной поддержки ШНОР утверждена', layout: card, key: '1.1', section: 's1', type: 'yesno', required: 'да' },
    commentFor('program_act', '1.1', 'Муниципальная программа утверждена', 'program_act = false'),
    { id: 'act_date', label: 'Дата акта об утверждении программы', layout: card, key: '1.2', section: 's1', type: 'date', relevant: 'program_act = true', required: 'да' },
    { id: 'act_number', label: 'Номер акта об утверждении программы', layout: card, key: '1.3', section: 's1', type: 'text', relevant: 'program_act = true', required: 'да' },
    { id: 'coordinator', label: 'Назначен муниципальный координатор работы со ШНОР', layout: card, key: '1.4', section: 's1', type: 'yesno', required: 'да' },
    commentFor('coordinator', '1.4', 'Назначен координатор', 'coordinator = false'),
    { id: 'roadmap_act', label: 'Утверждена муниципальная дорожная карта', layout: card, key: '1.5', section: 's1', type: 'yesno', required: 'да' },
    commentFor('roadmap_act', '1.5', 'Утверждена дорожная карта', 'roadmap_act = false'),
    { id: 'site', label: 'Программа и дорожная карта размещены на сайте МОУО', layout: card, key: '1.6', section: 's1', type: 'choice', list: 'site', required: 'да' },
    { id: 'model_program', label: 'Программа учитывает модельную программу региона', layout: card, key: '1.7', section: 's1', type: 'yesno', required: 'да' },

    { id: 'curated', label: 'ШНОР, за которыми закреплены кураторы', layout: card, key: '2.1', section: 's2', type: 'integer', min: 0, relevant: 'shnor_count > 0', required: 'да' },
    share('curated_share', 'Доля ШНОР с куратором, %', 'curated'),
    { id: 'partnered', label: 'ШНОР, имеющие школу-партнёра (лидера)', layout: card, key: '2.2', section: 's2', type: 'integer', min: 0, relevant: 'shnor_count > 0', required: 'да' },
    share('partnered_share', 'Доля ШНОР со школой-партнёром, %', 'partnered'),
    { id: 'trained_pct', label: 'Педагоги ШНОР, прошедшие повышение квалификации, %', layout: card, key: '2.3', section: 's2', type: 'percent', relevant: 'shnor_count > 0', required: 'да' },
    { id: 'events', label: 'Муниципальные методические мероприятия для ШНОР за год', layout: card, key: '2.4', section: 's2', type: 'integer', min: 0, max: 1000, required: 'да' },
    { id: 'support_forms', label: 'Формы поддержки (несколько через «;»)', layout: card, key: '2.5', section: 's2', type: 'multi', list: 'forms', required: 'да', hint: 'Выберите одну или несколько форм, разделяя их точкой с запятой.' },
    { id: 'funding', label: 'Финансирование мероприятий программы', layout: card, key: '2.6', section: 's2', type: 'choice', list: 'funding', required: 'да' },

    { id: 'monitoring', label: 'Проведён мониторинг ШНОР за отчётный год', layout: card, key: '3.1', section: 's3', type: 'yesno', required: 'да' },
    commentFor('monitoring', '3.1', 'Проведён мониторинг', 'monitoring = false'),
    { id: 'monitoring_date', label: 'Дата последнего мониторинга', layout: card, key: '3.2', section: 's3', type: 'date', relevant: 'monitoring = true', required: 'да' },
    { id: 'analysis', label: 'Проведён анализ результатов ВПР и ГИА ШНОР', layout: card, key: '3.3', section: 's3', type: 'yesno', required: 'да' },
    commentFor('analysis', '3.3', 'Проведён анализ', 'analysis = false'),
    { id: 'decisions', label: 'Приняты управленческие решения по итогам анализа', layout: card, key: '3.4', section: 's3', type: 'yesno', required: 'да' },
    commentFor('decisions', '3.4', 'Приняты управленческие решения', 'decisions = false'),
    { id: 'roadmap_pct', label: 'Исполнение дорожной карты на отчётную дату, %', layout: card, key: '3.5', section: 's3', type: 'percent', required: 'да' },

    { id: 'exited', label: 'ШНОР, вышедшие из списка по итогам года', layout: card, key: '4.1', section: 's4', type: 'integer', min: 0, relevant: 'shnor_count > 0', required: 'да' },
    share('exited_share', 'Доля ШНОР, вышедших из списка, %', 'exited'),
    { id: 'vpr_growth_pct', label: 'ШНОР с положительной динамикой результатов ВПР, %', layout: card, key: '4.2', section: 's4', type: 'percent', relevant: 'shnor_count > 0', required: 'да' },
    { id: 'objective_pct', label: 'ШНОР без признаков необъективности результатов, %', layout: card, key: '4.3', section: 's4', type: 'percent', relevant: 'shnor_count > 0', required: 'да' },
    { id: 'decline', label: 'Снижение доли обучающихся ниже базового уровня', layout: card, key: '4.4', section: 's4', type: 'choice', list: 'decline', required: 'да' },
  ],
  checks: [
    { id: 'curated_le_total', kind: 'compare', field: 'curated', op: '<=', value: 'shnor_count', message: 'ШНОР с куратором не может быть больше, чем ШНОР всего (строка 0.5).' },
    { id: 'partnered_le_total', kind: 'compare', field: 'partnered', op: '<=', value: 'shnor_count', message: 'ШНОР со школой-партнёром не может быть больше, чем ШНОР всего (строка 0.5).' },
    { id: 'exited_le_total', kind: 'compare', field: 'exited', op: '<=', value: 'shnor_count', message: 'вышедших из списка ШНОР не может быть больше, чем ШНОР всего (строка 0.5).' },
    { id: 'act_before_fill', kind: 'period', field: 'act_date', from: 'date(2015, 1, 1)', to: 'fill_date' },
    { id: 'monitoring_in_year', kind: 'period', field: 'monitoring_date', from: 'date(report_year, 1, 1)', to: 'date(report_year + 1, 3, 31)' },
    { id: 'fill_in_period', kind: 'period', field: 'fill_date', from: 'date(report_year, 1, 1)', to: 'date(report_year + 1, 12, 31)' },
    { id: 'shnor_matches_list', kind: 'listCount', field: 'shnor_count', list: 'ШНОР', year: 'report_year', municipality: 'municipality' },
  ],
  scoring: {
    sections: [
      { id: 's1', title: 'Нормативное и организационное обеспечение' },
      { id: 's2', title: 'Реализованные меры поддержки' },
      { id: 's3', title: 'Мониторинг, анализ, управленческие решения' },
      { id: 's4', title: 'Результаты' },
    ],
    items: [
      yesNoItem('program_act', 's1'),
      yesNoItem('coordinator', 's1'),
      yesNoItem('roadmap_act', 's1'),
      { field: 'site', section: 's1', rules: [{ option: 'да', points: 2 }, { option: 'частично', points: 1 }, { option: 'нет', points: 0 }] },
      yesNoItem('model_program', 's1'),
      shareItem('curated_share', 's2', 'shnor_count = 0'),
      shareItem('partnered_share', 's2', 'shnor_count = 0'),
      shareItem('trained_pct', 's2', 'shnor_count = 0', 80, 50),
      { field: 'events', section: 's2', rules: [{ min: 4, points: 2 }, { min: 1, points: 1 }, { min: 0, points: 0 }] },
      { field: 'support_forms', section: 's2', rules: [{ formula: 'if(count(.) >= 3, 2, if(count(.) >= 1, 1, 0))', points: 2 }] },
      { field: 'funding', section: 's2', rules: [{ option: 'в муниципальном бюджете', points: 2 }, { option: 'из других источников', points: 1 }, { option: 'не предусмотрено', points: 0 }] },
      yesNoItem('monitoring', 's3'),
      yesNoItem('analysis', 's3'),
      yesNoItem('decisions', 's3'),
      shareItem('roadmap_pct', 's3', undefined, 90, 70),
      shareItem('exited_share', 's4', 'shnor_count = 0', 30, 10),
      shareItem('vpr_growth_pct', 's4', 'shnor_count = 0', 50, 25),
      shareItem('objective_pct', 's4', 'shnor_count = 0', 100, 90),
      { field: 'decline', section: 's4', rules: [{ option: 'значительное', points: 2 }, { option: 'незначительное', points: 1 }, { option: 'нет снижения', points: 0 }] },
    ],
    levels: LEVELS_BY_PERCENT,
    flags: [
      { id: 'no_program_act', when: 'program_act = false', message: 'Нет муниципального акта о программе адресной поддержки ШНОР.' },
      { id: 'shnor_without_curator', when: 'shnor_count > 0 and curated < shnor_count', message: 'Есть ШНОР без куратора.' },
      { id: 'roadmap_below_50', when: 'filled(roadmap_pct) and roadmap_pct < 50', message: 'Исполнение дорожной карты ниже 50 %.' },
    ],
  },
};
