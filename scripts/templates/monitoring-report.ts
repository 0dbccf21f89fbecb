import { attachmentNote, bodyLoop, control, dataTable, documentOf, executorBlock, para, section, signatureBlock, LANDSCAPE_WIDTH } from './kit';

/** The monitoring справка (seeds 001, 002): municipalities, points, levels, red flags, recommendations. */
export function monitoringReportTemplate() {
  return documentOf('Справка по результатам мониторинга', [section([
    para(['СПРАВКА'], { align: 'center', bold: true }),
    para(['{subject}'], { align: 'center', bold: true, after: 240 }),
    ...bodyLoop('body'),
    para(['Карты мониторинга представили ', '{cardCount}', '. Распределение по уровням:'], { align: 'both', indent: true }),
    control('{#levels}'), para(['– ', '{text}'], { indent: true }), control('{/levels}'),
    control('{#hasMissing}'), para(['Не представили карты: ', '{missing}', '.'], { align: 'both', indent: true }), control('{/hasMissing}'),
    para([''], { after: 120 }),
    dataTable([12, 55, 22, 20, 30, 58, 70], ['№ п/п', 'Муниципальное образование', 'Баллы', 'Процент', 'Уровень', 'Красные флаги', 'Рекомендации'],
      [['{no}'], ['{municipality}'], ['{points}'], ['{percent}'], ['{@levelCell}'], ['{flags}'], ['{recommendation}']], 'rows'),
    para(['Методика: ', '{form.methodology}', '.'], { size: 20, before: 120 }),
    ...attachmentNote(),
    ...signatureBlock(LANDSCAPE_WIDTH),
    ...executorBlock(),
  ], { landscape: true })]);
}
