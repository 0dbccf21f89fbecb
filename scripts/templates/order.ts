import { approvedAttachments } from './attachments';
import { bodyLoop, documentOf, executorBlock, layoutTable, para, section, signatureBlock, PORTRAIT_WIDTH } from './kit';

/** Order «ПРИКАЗЫВАЮ:» with its approved attachments (seed 004, № 04/335). */
export function orderTemplate() {
  return documentOf('Приказ', [section([
    para(['{org.fullName}'], { align: 'center', bold: true }),
    para(['ПРИКАЗ'], { align: 'center', bold: true, before: 240, after: 240, size: 32 }),
    layoutTable([PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH / 2], [[para(['{date}'])], [para(['№\u00a0', '{number}'], { align: 'right' })]]),
    para(['{org.city}'], { align: 'center', before: 120, after: 240, size: 24 }),
    para(['{subject}'], { bold: true, after: 240 }),
    ...bodyLoop('body'),
    ...signatureBlock(PORTRAIT_WIDTH),
    ...executorBlock(),
    ...approvedAttachments(),
  ])]);
}
