import { attachmentNote, bodyLoop, control, documentOf, executorBlock, para, section, signatureBlock, PORTRAIT_WIDTH } from './kit';
import { letterhead, salutation } from './letterhead';

/** Seminar results letter (seed 002): the body, then one paragraph per report, then the closing body. */
export function seminarLetterTemplate() {
  return documentOf('Письмо о результатах семинара', [section([
    ...letterhead(),
    ...salutation(),
    ...bodyLoop('body'),
    control('{#reports}'),
    para(['В докладе ', '{speakers}', ', ', '{topicLead}', ' «', '{topic}', '» ', '{summary}'], { align: 'both', indent: true }),
    control('{/reports}'),
    ...bodyLoop('bodyAfter'),
    ...attachmentNote(),
    ...signatureBlock(PORTRAIT_WIDTH),
    ...executorBlock(),
  ])]);
}
