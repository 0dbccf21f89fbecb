import type { FormDefinitionInput } from '../definition';
import { METHODOLOGY } from './common';

/** F7 «Распределение ШНОР» (seed 004): school → curator, leader school; every ШНОР exactly once. */
export const F7_DISTRIBUTION: FormDefinitionInput = {
  id: 'F7',
  version: 2024,
  title: 'Распределение школ с низкими образовательными результатами между кураторами и школами-лидерами',
  methodology: METHODOLOGY,
  params: { curator_cap: 12 },
  layouts: [
    { kind: 'card', id: 'info', sheet: 'Сведения', title: 'Сведения о распределении', keyHeader: '№', labelHeader: 'Сведения', valueHeader: 'Значение' },
    { kind: 'table', id: 'rows', sheet: 'Распределение', title: 'Распределение ШНОР', blankRows: 300 },
  ],
  lists: [],
  fields: [
    { id: 'year', label: 'Год', layout: 'info', key: '1', type: 'integer', prefill: 'year', required: 'да', min: 2020, max: 2100 },
    { id: 'scope', label: 'Муниципалитет (пусто — весь регион)', layout: 'info', key: '2', type: 'text', ref: 'municipality', prefill: 'municipality' },
    { id: 'no', label: '№ п/п', layout: 'rows', column: '№ п/п', type: 'text' },
    { id: 'municipality', label: 'Муниципалитет', layout: 'rows', column: 'Муниципалитет', type: 'text', ref: 'municipality', required: 'да' },
    {
      id: 'school', label: 'Школа (ШНОР)', layout: 'rows', column: 'Школа (ШНОР)', type: 'text', ref: 'school', required: 'да',
      constraint: "in_list(., 'ШНОР', year)", constraintMessage: 'школа не входит в список ШНОР этого года.',
    },
    { id: 'curator', label: 'Куратор', layout: 'rows', column: 'Куратор', type: 'text', ref: 'person', required: 'да' },
    {
      id: 'leader', label: 'Школа-лидер', layout: 'rows', column: 'Школа-лидер', type: 'text', ref: 'school',
      constraint: "not(in_list(., 'ШНОР', year)) and . != school", constraintMessage: 'школа-лидер сама входит в список ШНОР — выберите другую.',
    },
  ],
  checks: [
    { id: 'once', kind: 'unique', field: 'school', message: 'каждая ШНОР указывается ровно один раз.' },
    { id: 'all_shnor', kind: 'covers', field: 'school', list: 'ШНОР', year: 'year', municipality: 'scope' },
    { id: 'curator_load', kind: 'cap', field: 'curator', value: 'curator_cap' },
    { id: 'school_in_municipality', kind: 'belongs', field: 'school', municipality: 'municipality' },
  ],
};
