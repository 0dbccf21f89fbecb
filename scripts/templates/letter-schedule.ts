import { attachmentCaption } from './attachments';
import { control, dataTable, documentOf, para, section } from './kit';
import { letterFrame } from './letterhead';

/** A letter with a schedule attached (seed 003, appendix 1). */
export function letterScheduleTemplate() {
  return documentOf('Письмо с графиком', [section(letterFrame([], [
    control('{#attachments}'),
    para([''], { pageBreakBefore: true }),
    ...attachmentCaption(),
    para(['{title}'], { align: 'center', bold: true, after: 240 }),
    dataTable([50, 130], ['Дата проведения, время', 'Наименование МО'], [['{when}'], ['{participant}']], 'rows'),
    control('{/attachments}'),
  ]))]);
}
