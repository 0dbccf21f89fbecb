import { Paragraph, Table } from 'docx';
import { control, dataTable, para, PORTRAIT_WIDTH, TABLE_SIZE } from './kit';

/** «УТВЕРЖДЕНА приказом … от … № …» at the top right of an approved attachment. */
export function approvalStamp(): Paragraph[] {
  return [
    para(['{approvedAs}'], { leftMm: 100 }),
    para(['{approvedBy}'], { leftMm: 100 }),
    para(['от ', '{approvedDate}', ' №\u00a0', '{approvedNumber}'], { leftMm: 100, after: 240 }),
  ];
}

/** «Приложение № 1 к письму … от … № …» at the top right of a letter's attachment. */
export function attachmentCaption(): Paragraph[] {
  return [
    para(['Приложение', '{captionNo}'], { leftMm: 100 }),
    para(['к письму ', '{captionOf}'], { leftMm: 100 }),
    para(['от ', '{approvedDate}', ' №\u00a0', '{approvedNumber}'], { leftMm: 100, after: 240 }),
  ];
}

/** The roadmap table, section by section. */
export function roadmapTable(): Array<Paragraph | Table> {
  return [
    control('{#roadmap.sections}'),
    control('{#hasTitle}'), para(['{title}'], { align: 'center', bold: true, size: TABLE_SIZE, before: 120, after: 60, keepNext: true }), control('{/hasTitle}'),
    dataTable([12, 78, 28, 30, 32], ['№ п/п', 'Мероприятие', 'Сроки', 'Ответственные', 'Ожидаемый результат'],
      [['{no}'], ['{title}'], ['{term}'], ['{responsible}'], ['{result}']], 'items'),
    control('{/roadmap.sections}'),
  ];
}

/** The distribution of schools among curators and leader schools. */
export function distributionTable(): Table {
  return dataTable([12, 40, 56, 32, 40], ['№ п/п', 'Муниципальное образование', 'Общеобразовательная организация', 'Куратор', 'Школа-лидер'],
    [['{no}'], ['{municipality}'], ['{school}'], ['{curator}'], ['{leader}']], 'distribution.rows');
}

/** Each approved attachment of an order, on a new page. */
export function approvedAttachments(): Array<Paragraph | Table> {
  return [
    control('{#attachments}'),
    para([''], { pageBreakBefore: true }),
    ...approvalStamp(),
    para(['{title}'], { align: 'center', bold: true, after: 240 }),
    control('{#isRoadmap}'), ...roadmapTable(), control('{/isRoadmap}'),
    control('{#isDistribution}'), distributionTable(), control('{/isDistribution}'),
    control('{/attachments}'),
  ];
}

export const ATTACHMENT_WIDTH = PORTRAIT_WIDTH;
