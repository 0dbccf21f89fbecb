/** Opening made documents in tests: the parts of a .docx, a strict XML check and the visible text. */
import PizZip from 'pizzip';
import { SaxesParser } from 'saxes';

/** Every part of a .docx as text (throws if the bytes are not a zip). */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const zip = new PizZip(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file && !file.dir) parts.set(name, file.asText());
  }
  return parts;
}

export function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** The first well-formedness error of `xml` (saxes, strict XML 1.0 with namespaces), or undefined. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Names and errors of the XML parts that are not well-formed (or hold a lone surrogate, which UTF-8 cannot carry): [] for a sound document. */
export function badXmlParts(bytes: Uint8Array): Array<{ part: string; error: string }> {
  const bad: Array<{ part: string; error: string }> = [];
  for (const [name, text] of docxParts(bytes)) {
    if (!isXmlPart(name)) continue;
    const error = LONE_SURROGATE.test(text) ? 'lone surrogate' : xmlError(text);
    if (error) bad.push({ part: name, error });
  }
  return bad;
}

/** The text Word shows: w:t contents, «\n» for w:br, paragraphs joined by «\n». */
export function visibleText(documentXml: string): string {
  const parser = new SaxesParser({ xmlns: false });
  const paragraphs: string[] = [];
  let current = '';
  let inText = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:t') inText = true;
    if (tag.name === 'w:br') current += '\n';
    if (tag.name === 'w:p') current = '';
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    if (tag.name === 'w:p') paragraphs.push(current);
  });
  parser.on('text', (text) => {
    if (inText) current += text;
  });
  parser.write(documentXml).close();
  return paragraphs.join('\n');
}
