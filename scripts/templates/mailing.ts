import { attachmentCaption } from './attachments';
import { control, dataTable, documentOf, para, section } from './kit';
import { letterFrame } from './letterhead';

/** One letter per МОУО with the list of its own schools attached (seed 004, № 12865). */
export function mailingTemplate() {
  return documentOf('Письмо МОУО со списком школ', [section(letterFrame([], [
    control('{#attachments}'),
    para([''], { pageBreakBefore: true }),
    ...attachmentCaption(),
    para(['{title}'], { align: 'center', bold: true }),
    para(['{municipality.name}'], { align: 'center', bold: true }),
    para(['(', '{schoolCount}', ')'], { align: 'center', after: 240 }),
    dataTable([15, 165], ['№ п/п', 'Общеобразовательная организация'], [['{no}'], ['{name}']], 'schools'),
    control('{#noSchools}'), para(['Школ этого муниципального образования в списке нет.'], { before: 120 }), control('{/noSchools}'),
    control('{/attachments}'),
  ]))]);
}
