import { dataTable, documentOf, para, section, SMALL_SIZE } from './kit';

/** The technology card of targeted support, print version (seed 003, appendix 2), landscape. */
export function techCardTemplate() {
  return documentOf('Технологическая карта адресной помощи', [section([
    para(['Технологическая карта адресной помощи школе с низкими результатами обучения'], { align: 'center', bold: true }),
    para(['на ', '{year}', ' год'], { align: 'center', after: 120 }),
    para(['Школа: ', '{school.name}']),
    para(['Муниципальное образование: ', '{school.municipality}'], { after: 120 }),
    dataTable([10, 55, 14, 32, 32, 32, 32, 32, 28],
      ['№', 'Проблема', 'Приоритет', '{levels.school}', '{levels.municipality}', '{levels.institute}', '{levels.ministry}', '{levels.resourceCentres}', '{levels.others}'],
      [['{no}'], ['{title}', '{detail}'], ['{priority}'], ['{school}'], ['{municipality}'], ['{institute}'], ['{ministry}'], ['{resourceCentres}'], ['{others}']],
      'problems'),
    para(['Модули поддержки по выбранным проблемам: ', '{modules}'], { before: 160, size: SMALL_SIZE + 4 }),
  ], { landscape: true })]);
}
