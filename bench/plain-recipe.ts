/**
 * The plain docxtemplater recipe the issue compares against: for every document a new PizZip over
 * the template's bytes, a new Docxtemplater, render, and `generate` with DEFLATE. Only the bench
 * uses docxtemplater outside core's renderer, to measure what the renderer saves. It gets the
 * same options as Kaskad (a dotted-path parser, so `signatory.name` resolves) and data already
 * cleaned, so it does no less work than a real caller would and no more.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { dottedPathParser } from '../core/render/render-docx';

export function renderPlain(template: Uint8Array, data: object): Buffer {
  const doc = new Docxtemplater(new PizZip(template), {
    paragraphLoop: true,
    linebreaks: true,
    errorLogging: false,
    parser: dottedPathParser,
    nullGetter: () => '',
  });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
