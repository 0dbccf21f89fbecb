/**
 * Whatever text the data holds — control characters, lone surrogates, XML metacharacters, emoji,
 * template braces — the letter renders, opens as a zip and every XML part is well-formed.
 */
import * as fc from 'fast-check';
import PizZip from 'pizzip';
import { cleanText } from '../../../core/format/text';
import { typeset } from '../../../core/format/typography';
import type { Dataset, KaskadDocument, Organisation, Paragraph, Person } from '../../../core/model/schemas';
import { renderDocument } from '../../../core/render/render-docx';
import { badXmlParts, docxParts, visibleText } from '../../helpers/docx-xml';
import { jobFor, loadSampleDataset, preparedTemplate } from '../../helpers/sample-dataset';

const DOCUMENT_ID = 'd5112';
const sample = loadSampleDataset();
const letter = preparedTemplate('letter');

/** One character of trouble at a time: forbidden controls, surrogate halves, markup, braces, plus any code point. */
const nastyUnit = fc.oneof(
  fc.constantFrom(
    '&',
    '<',
    '>',
    '"',
    "'",
    ']]>',
    '\u000b',
    '\u0001',
    '\u0000',
    '\ufffe',
    '\uffff',
    '\r',
    '\n',
    '\r\n',
    '\t',
    '{',
    '}',
    '{#',
    '№ ',
    '📚',
    '\u00a0',
    'e\u0301',
  ),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }),
);
const nasty = (minLength = 0) => fc.string({ unit: nastyUnit, minLength, maxLength: 40 });

const documentFields = fc.record({
  number: nasty(),
  replyToNumber: nasty(),
  addressee: nasty(),
  subject: nasty(),
  salutation: nasty(),
  signatoryPosition: nasty(),
  copyTo: nasty(),
});
const organisationFields = fc.record({
  fullName: nasty(1),
  shortName: nasty(),
  nameGenitive: nasty(),
  parentName: nasty(),
  address: nasty(1),
  phone: nasty(),
  fax: nasty(),
  email: nasty(),
  site: nasty(),
  okpo: nasty(),
  ogrn: nasty(),
  innKpp: nasty(),
  city: nasty(),
});
const personFields = fc.record({
  lastName: nasty(1),
  firstName: nasty(1),
  middleName: nasty(),
  lastNameGenitive: nasty(),
  lastNameDative: nasty(),
  position: nasty(),
  phone: nasty(),
  email: nasty(),
  organisation: nasty(),
});
const paragraphTexts = fc.array(nasty(1), { minLength: 6, maxLength: 6 });

interface Mutation {
  doc: Partial<KaskadDocument>;
  org: Partial<Organisation>;
  signatory: Partial<Person>;
  executor: Partial<Person>;
  texts: string[];
}

/** A copy of the sample with every string field of d5112, its paragraphs, organisation, signatory and executor replaced. */
function mutated(m: Mutation): Dataset {
  const doc = sample.documents.find((d) => d.id === DOCUMENT_ID)!;
  let paragraph = 0;
  return {
    ...sample,
    documents: sample.documents.map((d) => (d.id === DOCUMENT_ID ? { ...d, ...m.doc } : d)),
    organisations: sample.organisations.map((o) => (o.id === doc.organisationId ? { ...o, ...m.org } : o)),
    people: sample.people.map((p) => (p.id === doc.signatoryId ? { ...p, ...m.signatory } : p.id === doc.executorId ? { ...p, ...m.executor } : p)),
    paragraphs: sample.paragraphs.map((p): Paragraph => (p.documentId === DOCUMENT_ID ? { ...p, text: m.texts[paragraph++] ?? p.text } : p)),
  };
}

describe('rendering the letter from arbitrary text', () => {
  it('has six paragraphs, a signatory and an executor in d5112 to vary', () => {
    const doc = sample.documents.find((d) => d.id === DOCUMENT_ID);
    expect(doc?.signatoryId).toBeDefined();
    expect(doc?.executorId).toBeDefined();
    expect(sample.paragraphs.filter((p) => p.documentId === DOCUMENT_ID)).toHaveLength(6);
  });

  it('always makes a .docx that opens and whose every XML part is well-formed, with the subject as cleaned text', () => {
    fc.assert(
      fc.property(documentFields, organisationFields, personFields, personFields, paragraphTexts, (doc, org, signatory, executor, texts) => {
        const job = jobFor(mutated({ doc, org, signatory, executor, texts }), 'letter', DOCUMENT_ID);
        const rendered = renderDocument(letter, job.data, job.record);
        if (!rendered.ok) throw new Error(`not rendered: ${JSON.stringify(rendered.issues)}`);
        expect(() => new PizZip(rendered.bytes)).not.toThrow();
        expect(badXmlParts(rendered.bytes)).toEqual([]);
        const text = visibleText(docxParts(rendered.bytes).get('word/document.xml') ?? '');
        if (doc.subject) expect(text).toContain(typeset(cleanText(doc.subject)));
        expect(text).toContain(typeset(cleanText(texts[0]!)));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });
});
