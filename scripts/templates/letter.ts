import { attachmentNote, bodyLoop, documentOf, executorBlock, section, signatureBlock, PORTRAIT_WIDTH } from './kit';
import { letterhead, salutation } from './letterhead';

/** Information letter on the бланк (seeds 000, 004). */
export function letterTemplate() {
  return documentOf('Информационное письмо', [section([
    ...letterhead(),
    ...salutation(),
    ...bodyLoop('body'),
    ...attachmentNote(),
    ...signatureBlock(PORTRAIT_WIDTH),
    ...executorBlock(),
  ])]);
}
