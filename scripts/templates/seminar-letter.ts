import { bodyLoop, control, documentOf, para, section } from './kit';
import { letterFrame } from './letterhead';

/** Seminar results letter (seed 002): the body, then one paragraph per report, then the closing body. */
export function seminarLetterTemplate() {
  return documentOf('Письмо о результатах семинара', [section(letterFrame([
    control('{#reports}'),
    para(['В докладе ', '{speakers}', ', ', '{topicLead}', ' «', '{topic}', '» ', '{summary}'], { align: 'both', indent: true }),
    control('{/reports}'),
    ...bodyLoop('bodyAfter'),
  ]))]);
}
