import { attachmentCaption } from './attachments';
import { attachmentNote, bodyLoop, control, dataTable, documentOf, executorBlock, para, section, signatureBlock, PORTRAIT_WIDTH } from './kit';
import { letterhead, salutation } from './letterhead';

/** One letter per МОУО with the list of its own schools attached (seed 004, № 12865). */
export function mailingTemplate() {
  return documentOf('Письмо МОУО со списком школ', [section([
    ...letterhead(),
    ...salutation(),
    ...bodyLoop('body'),
    ...attachmentNote(),
    ...signatureBlock(PORTRAIT_WIDTH),
    ...executorBlock(),
    control('{#attachments}'),
    para([''], { pageBreakBefore: true }),
    ...attachmentCaption(),
    para(['{title}'], { align: 'center', bold: true }),
    para(['{municipality.name}'], { align: 'center', bold: true }),
    para(['(', '{schoolCount}', ')'], { align: 'center', after: 240 }),
    dataTable([15, 165], ['№ п/п', 'Общеобразовательная организация'], [['{no}'], ['{name}']], 'schools'),
    control('{#noSchools}'), para(['Школ этого муниципального образования в списке нет.'], { before: 120 }), control('{/noSchools}'),
    control('{/attachments}'),
  ])]);
}
