import { attachmentCaption } from './attachments';
import { attachmentNote, bodyLoop, control, dataTable, documentOf, executorBlock, para, section, signatureBlock, PORTRAIT_WIDTH } from './kit';
import { letterhead, salutation } from './letterhead';

/** A letter with a schedule attached (seed 003, appendix 1). */
export function letterScheduleTemplate() {
  return documentOf('Письмо с графиком', [section([
    ...letterhead(),
    ...salutation(),
    ...bodyLoop('body'),
    ...attachmentNote(),
    ...signatureBlock(PORTRAIT_WIDTH),
    ...executorBlock(),
    control('{#attachments}'),
    para([''], { pageBreakBefore: true }),
    ...attachmentCaption(),
    para(['{title}'], { align: 'center', bold: true, after: 240 }),
    dataTable([50, 130], ['Дата проведения, время', 'Наименование МО'], [['{when}'], ['{participant}']], 'rows'),
    control('{/attachments}'),
  ])]);
}
