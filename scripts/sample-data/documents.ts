import type { Attachment, KaskadDocument } from '../../core/model/schemas';
import { SEMINAR_2022, WEBINARS_2020 } from './events';
import { IPKIPRO_RA, MINOBR74 } from './organisations';
import { ROADMAP_2024 } from './roadmap';

const MOUO_ADDRESSEE = 'Руководителям органов местного самоуправления, осуществляющих управление в сфере образования';
const ORDER_SUBJECT =
  'О сопровождении общеобразовательных организаций с низкими образовательными результатами в системе образования Челябинской области в 2024 году';
const ROADMAP_TITLE =
  'Дорожная карта научно-методического сопровождения образовательных организаций с низкими образовательными результатами в системе образования Челябинской области в 2024 году';
const DISTRIBUTION_TITLE =
  'Распределение общеобразовательных организаций с низкими образовательными результатами между кураторами и школами-лидерами в 2024 году';

/** The seeds' documents as rows; the order's points 2–4, the Altai letter's number and day are invented. */
export const documents: KaskadDocument[] = [
  {
    id: 'd5112',
    organisationId: MINOBR74,
    kind: 'письмо',
    template: 'letter',
    date: '2022-05-31',
    number: '5112',
    subject:
      'О методическом обеспечении мероприятий по повышению качества образования в школах с низкими результатами обучения и школах, функционирующих в неблагоприятных социальных условиях',
    salutation: 'Уважаемые коллеги!',
    signatoryId: 'kouzova',
    signatoryPosition: 'Первый заместитель Министра',
    executorId: 'lopatina',
  },
  {
    id: 'd13170',
    organisationId: MINOBR74,
    kind: 'письмо',
    template: 'seminar-letter',
    date: '2022-12-23',
    number: '13170',
    addressee: MOUO_ADDRESSEE,
    subject:
      'О результатах проведения итогового семинара по распространению и внедрению в Челябинской области моделей и механизмов научно-методической поддержки школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях',
    salutation: 'Уважаемые коллеги!',
    signatoryId: 'kouzova',
    signatoryPosition: 'Первый заместитель Министра',
    executorId: 'lopatina',
    eventId: SEMINAR_2022,
  },
  {
    id: 'd12865',
    organisationId: MINOBR74,
    kind: 'письмо',
    template: 'mailing',
    date: '2023-12-07',
    number: '12865',
    addressee: MOUO_ADDRESSEE,
    subject:
      'О направлении списков общеобразовательных организаций с низкими образовательными результатами и общеобразовательных организаций с признаками необъективных результатов всероссийских проверочных работ',
    salutation: 'Уважаемые коллеги!',
    signatoryId: 'buzhmastova',
    signatoryPosition: 'Начальник управления общего образования',
    executorId: 'lopatina',
    year: 2023,
    copyTo: 'МОУО, ГБУ ДПО «ЧИРО», исполнителю, в дело',
  },
  {
    id: 'o04-335',
    organisationId: MINOBR74,
    kind: 'приказ',
    template: 'order',
    date: '2024-02-08',
    number: '04/335',
    subject: ORDER_SUBJECT,
    signatoryId: 'minister',
    signatoryPosition: 'Министр',
    executorId: 'lopatina',
    year: 2024,
    copyTo: 'МОУО, ГБУ ДПО «ЧИРО», в дело',
  },
  {
    id: 'rm2024-doc',
    organisationId: MINOBR74,
    kind: 'приказ',
    template: 'roadmap',
    date: '2024-02-08',
    number: '04/335',
    subject: ORDER_SUBJECT,
    year: 2024,
  },
  {
    id: 'alt-web',
    organisationId: IPKIPRO_RA,
    kind: 'письмо',
    template: 'letter-schedule',
    date: '2020-09-10',
    number: '01-12/345',
    addressee: 'Руководителям муниципальных органов управления образования\nРуководителям общеобразовательных организаций, подведомственных МОН РА',
    salutation: 'Уважаемые коллеги!',
    signatoryId: 'safronova',
    signatoryPosition: 'Ректор',
    executorId: 'chistyakova',
    eventId: WEBINARS_2020,
    attachmentSheets: 11,
  },
  {
    id: 'tc2024',
    organisationId: MINOBR74,
    kind: 'письмо',
    template: 'tech-card',
    year: 2024,
  },
  {
    id: 'spr2024',
    organisationId: MINOBR74,
    kind: 'справка',
    template: 'monitoring-report',
    date: '2024-12-16',
    year: 2024,
    subject:
      'по результатам мониторинга наличия и реализации муниципальных программ адресной поддержки школ с низкими образовательными результатами в 2024 году',
    signatoryId: 'gorshkov',
    signatoryPosition: 'Начальник управления сопровождения оценочных процедур ГБУ ДПО «ЧИРО»',
    executorId: 'knutareva',
  },
];

export const attachments: Attachment[] = [
  {
    documentId: 'd12865',
    no: 1,
    kind: 'список школ',
    source: 'ШНОР',
    title: 'Список общеобразовательных организаций Челябинской области с низкими образовательными результатами',
  },
  {
    documentId: 'd12865',
    no: 2,
    kind: 'список школ',
    source: 'необъективность ВПР',
    title: 'Список общеобразовательных организаций Челябинской области с признаками необъективных результатов всероссийских проверочных работ',
  },
  { documentId: 'o04-335', no: 1, kind: 'дорожная карта', source: ROADMAP_2024, title: ROADMAP_TITLE },
  { documentId: 'o04-335', no: 2, kind: 'распределение', source: '2024', title: DISTRIBUTION_TITLE },
  { documentId: 'rm2024-doc', no: 1, kind: 'дорожная карта', source: ROADMAP_2024, title: ROADMAP_TITLE },
  {
    documentId: 'alt-web',
    no: 1,
    kind: 'график',
    source: WEBINARS_2020,
    title: 'График проведения установочных вебинаров по организации адресной помощи школам с низкими образовательными результатами',
  },
];
