import { attachmentRequisite, type AttachmentLine } from '../format/greeting';

/**
 * The sheets each appendix of a rendered document takes, from where each one starts: `starts`
 * are the 0-based pages on which the appendices («Приложение № 1», «№ 2»…) begin, in order,
 * `pages` the document's page count. Undefined unless every start is known and in order.
 */
export function appendixSheets(starts: readonly number[], pages: number): number[] | undefined {
  if (starts.length === 0 || starts.some((s, i) => s < 0 || s >= pages || (i > 0 && s <= starts[i - 1]!))) return undefined;
  return starts.map((s, i) => (starts[i + 1] ?? pages) - s);
}

/**
 * A letter's data again, its «Приложение:» counting the sheets of the appendices as rendered
 * (`sheets`, one per «Приложения» row, in order). A count the data gives («Приложение, листов»)
 * is kept. Undefined when there is nothing to add: no attachment lines, counts already known, or
 * not one rendered appendix per line.
 */
export function withAppendixSheets<T extends object>(data: T, sheets: readonly number[]): T | undefined {
  const lines = (data as { attachmentLines?: readonly AttachmentLine[] }).attachmentLines;
  if (!lines || lines.length === 0 || lines.length !== sheets.length || lines.every((l) => l.sheets)) return undefined;
  const counted = lines.map((l, i) => ({ title: l.title, sheets: l.sheets ?? sheets[i] }));
  const attachmentNote = attachmentRequisite(counted);
  return { ...data, attachmentLines: counted, attachmentNote, hasAttachmentNote: attachmentNote !== '' };
}
