import { Paragraph, Table } from 'docx';
import { attachmentNote, bodyLoop, control, executorBlock, layoutTable, para, signatureBlock, PORTRAIT_WIDTH } from './kit';

const LEFT = 95;
const GAP = 10;
const RIGHT = PORTRAIT_WIDTH - LEFT - GAP;

/**
 * The letter бланк, corner layout: the organisation's requisites, registration number and date,
 * «На № … от …» and the subject on the left; the addressee, in the dative, on the right.
 */
export function letterhead(): Array<Paragraph | Table> {
  const left = [
    control('{#org.hasParent}'), para(['{org.parentName}'], { align: 'center', size: 20 }), control('{/org.hasParent}'),
    para(['{org.fullName}'], { align: 'center', bold: true, size: 24 }),
    control('{#org.requisites}'), para(['{.}'], { align: 'center', size: 17 }), control('{/org.requisites}'),
    para([''], { size: 12 }),
    para(['{date}', ' №\u00a0', '{number}'], { align: 'center', size: 24 }),
    para(['На №\u00a0', '{replyToNumber}', ' от ', '{replyToDate}'], { align: 'center', size: 24 }),
    control('{#hasSubject}'), para(['{subject}'], { size: 24, before: 160 }), control('{/hasSubject}'),
  ];
  const right = [
    control('{#hasAddressee}'), para(['{addressee}'], { before: 0 }), control('{/hasAddressee}'),
  ];
  return [layoutTable([LEFT, GAP, RIGHT], [left, [para([''])], right])];
}

/** «Уважаемые коллеги!» centred, when the document has a salutation. */
export function salutation(): Paragraph[] {
  return [control('{#hasSalutation}'), para(['{salutation}'], { align: 'center', before: 200, after: 120 }), control('{/hasSalutation}')];
}

/**
 * A letter from the бланк to the executor line; `afterBody` goes between the body and the
 * attachment note (the seminar's reports), `attachments` after the executor (appendices).
 */
export function letterFrame(afterBody: Array<Paragraph | Table> = [], attachments: Array<Paragraph | Table> = []): Array<Paragraph | Table> {
  return [
    ...letterhead(),
    ...salutation(),
    ...bodyLoop('body'),
    ...afterBody,
    ...attachmentNote(),
    ...signatureBlock(PORTRAIT_WIDTH),
    ...executorBlock(),
    ...attachments,
  ];
}
