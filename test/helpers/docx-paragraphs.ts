import PizZip from 'pizzip';

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every paragraph of word/document.xml, in order (table cells included); breaks become «\n». */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = new PizZip(bytes).file('word/document.xml')!.asText();
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((p) => {
    const pieces = p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>|<w:tab\/>/g) ?? [];
    return pieces.map((piece) => (piece === '<w:br/>' ? '\n' : piece === '<w:tab/>' ? '\t' : decodeXml(piece.replace(/<[^>]+>/g, '')))).join('');
  });
}

/** Whitespace folded (no-break spaces included), for «verbatim apart from whitespace». */
export function fold(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export type Expected = string | { startsWith: string };

/**
 * Where each expected paragraph stands in `paragraphs`, in order: a paragraph must equal the text
 * (whitespace folded; a list item may carry its «– » marker), or start with it for a seed that
 * breaks off mid-sentence. Returns the first text not found after the previous one.
 */
export function findInOrder(paragraphs: readonly string[], expected: readonly Expected[]): { missing?: string; positions: number[] } {
  const folded = paragraphs.map(fold);
  const positions: number[] = [];
  let from = 0;
  for (const item of expected) {
    const want = fold(typeof item === 'string' ? item : item.startsWith);
    const matches = (p: string) => (typeof item === 'string' ? p === want || p === `– ${want}` : p.startsWith(want));
    const at = folded.findIndex((p, i) => i >= from && matches(p));
    if (at < 0) return { missing: want, positions };
    positions.push(at);
    from = at + 1;
  }
  return { positions };
}
