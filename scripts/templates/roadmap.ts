import { approvedAttachments } from './attachments';
import { documentOf, section } from './kit';

/** The roadmap alone, as an approved attachment of its order (seeds 004, 001). */
export function roadmapTemplate() {
  const children = approvedAttachments();
  // The standalone attachment starts on page 1: drop the page break that separates it from an order.
  return documentOf('Дорожная карта', [section(children.filter((_, i) => i !== 1))]);
}
