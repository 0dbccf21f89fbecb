import { documentOf, section } from './kit';
import { letterFrame } from './letterhead';

/** Information letter on the бланк (seeds 000, 004). */
export function letterTemplate() {
  return documentOf('Информационное письмо', [section(letterFrame())]);
}
