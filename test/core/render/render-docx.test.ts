import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import type { Dataset } from '../../../core/model/schemas';
import { prepareTemplate, renderDocument } from '../../../core/render/render-docx';
import { TEMPLATES } from '../../../core/render/template-catalog';
import { badXmlParts, docxParts, visibleText } from '../../helpers/docx-xml';
import { jobFor, loadSampleDataset, preparedTemplate } from '../../helpers/sample-dataset';
import { SAMPLE_XLSX, templateFile } from '../../helpers/sample-workbook';

const sample = loadSampleDataset();
const letter = preparedTemplate('letter');

function withDocument(dataset: Dataset, id: string, change: (doc: Dataset['documents'][number]) => Dataset['documents'][number]): Dataset {
  return { ...dataset, documents: dataset.documents.map((d) => (d.id === id ? change(d) : d)) };
}

function letterText(bytes: Uint8Array): string {
  return visibleText(docxParts(bytes).get('word/document.xml') ?? '');
}

describe('prepareTemplate', () => {
  it.each(TEMPLATES.map((t) => [t.id]))('unpacks the built-in template «%s» with its tags', (id) => {
    const prepared = prepareTemplate(readFileSync(templateFile(id)), id);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    expect(prepared.template.name).toBe(id);
    expect(prepared.template.parts.has('word/document.xml')).toBe(true);
    expect(prepared.template.tags.length).toBeGreaterThan(0);
  });

  it("lists the letter's tags: plain values, sections with «#» and dotted paths", () => {
    expect(letter.tags).toEqual(
      expect.arrayContaining(['subject', 'number', 'date', '#body', 'text', '#hasExecutor', 'signatory.name', 'org.fullName']),
    );
  });

  it('refuses bytes that are not a zip with TEMPLATE_NOT_DOCX at the template', () => {
    const prepared = prepareTemplate(new TextEncoder().encode('{subject}'), 'notes.docx');
    expect(prepared).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'TEMPLATE_NOT_DOCX', location: { kind: 'template', template: 'notes.docx' } })],
    });
  });

  it('refuses a zip without word/document.xml (a workbook renamed .docx) with TEMPLATE_NOT_DOCX', () => {
    const prepared = prepareTemplate(readFileSync(SAMPLE_XLSX), 'data.docx');
    expect(prepared.ok).toBe(false);
    expect(prepared.ok ? [] : prepared.issues.map((i) => [i.code, i.location])).toEqual([
      ['TEMPLATE_NOT_DOCX', { kind: 'template', template: 'data.docx' }],
    ]);
  });

  it('reports an unclosed tag in a header part with the part and the tag', () => {
    const zip = new PizZip(readFileSync(templateFile('letter')));
    const headers = Object.keys(zip.files).filter((n) => /^word\/header\d\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    const header = headers[0]!;
    const xml = zip.file(header)!.asText();
    expect(xml).toContain('</w:p>');
    zip.file(header, xml.replace('</w:p>', '<w:r><w:t>{broken</w:t></w:r></w:p>'));
    const prepared = prepareTemplate(zip.generate({ type: 'uint8array' }), 'custom.docx');
    expect(prepared.ok).toBe(false);
    expect(prepared.ok ? [] : prepared.issues.map((i) => [i.code, i.location])).toEqual([
      ['TEMPLATE_SYNTAX', { kind: 'template', template: 'custom.docx', tag: 'broken', part: header }],
    ]);
  });
});

describe('renderDocument', () => {
  it('makes letter № 5112 with the бланк, registration line, subject, body and signature', () => {
    const job = jobFor(sample, 'letter', 'd5112');
    const rendered = renderDocument(letter, job.data, job.record);
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.issues));
    expect(badXmlParts(rendered.bytes)).toEqual([]);
    const text = letterText(rendered.bytes);
    expect(text).toContain('МИНИСТЕРСТВО\nОБРАЗОВАНИЯ И НАУКИ\nЧЕЛЯБИНСКОЙ ОБЛАСТИ');
    expect(text).toMatch(/31\.05\.2022 №[ \u00a0]5112/);
    expect(text).toMatch(/На №[ \u00a0]_____ от _____/);
    expect(text).toContain('О методическом обеспечении мероприятий по повышению качества образования');
    expect(text).toContain('Уважаемые коллеги!');
    expect(text).toContain('Пособие размещено на официальном сайте ГБУ ДПО «ЧИППКРО»');
    expect(text).toMatch(/Первый заместитель Министра\s+Е\.\s?А\.\s?Коузова/);
    expect(text).toMatch(/Лопатина Светлана Александровна\s+\(351\) 263-18-15/);
    expect(text).not.toContain('undefined');
    expect(text).not.toMatch(/[{}]/);
  });

  it('copies the parts rendering did not touch byte for byte', () => {
    const job = jobFor(sample, 'letter', 'd5112');
    const rendered = renderDocument(letter, job.data, job.record);
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.issues));
    const before = docxParts(readFileSync(templateFile('letter')));
    const after = docxParts(rendered.bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get('word/styles.xml')).toBe(before.get('word/styles.xml'));
    expect(after.get('word/document.xml')).not.toBe(before.get('word/document.xml'));
  });

  it('does not make the document when a tag has no value, and names the tag and the record', () => {
    const data = withDocument(sample, 'd5112', ({ number: _number, ...rest }) => rest);
    const job = jobFor(data, 'letter', 'd5112');
    const rendered = renderDocument(letter, job.data, job.record);
    expect(rendered.ok).toBe(false);
    const issues = rendered.ok ? [] : rendered.issues;
    expect(issues.map((i) => [i.code, i.location])).toEqual([
      ['RENDER_MISSING_VALUE', { kind: 'record', template: 'letter', record: 'd5112', tag: 'number' }],
    ]);
    expect(issues[0]?.message).toContain('{number}');
    expect(issues[0]?.message).toContain('«d5112»');
  });

  it('leaves out optional blocks the data does not fill (no subject, no salutation)', () => {
    const data = withDocument(sample, 'd5112', ({ subject: _s, salutation: _g, ...rest }) => rest);
    const job = jobFor(data, 'letter', 'd5112');
    const rendered = renderDocument(letter, job.data, job.record);
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.issues));
    const text = letterText(rendered.bytes);
    expect(text).not.toContain('О методическом обеспечении');
    expect(text).not.toContain('Уважаемые коллеги!');
    expect(text).toContain('Пособие размещено на официальном сайте');
  });

  it('escapes markup and keeps line breaks of the data: «&», «<», a vertical tab as <w:br/>', () => {
    const data = withDocument(sample, 'd5112', (d) => ({ ...d, subject: 'О «Рога & Копыта» <i>\u000bвторая строка' }));
    const job = jobFor(data, 'letter', 'd5112');
    const rendered = renderDocument(letter, job.data, job.record);
    if (!rendered.ok) throw new Error(JSON.stringify(rendered.issues));
    const xml = docxParts(rendered.bytes).get('word/document.xml') ?? '';
    expect(xml).toContain('О «Рога &amp; Копыта» &lt;i&gt;');
    expect(letterText(rendered.bytes)).toContain('О «Рога & Копыта» <i>\nвторая строка');
    expect(badXmlParts(rendered.bytes)).toEqual([]);
  });
});

describe('свойства документа: время создания — время генерации', () => {
  test('docProps/core.xml created и modified равны переданному времени, остальное как в шаблоне', () => {
    const prepared = prepareTemplate(readFileSync(templateFile('letter')), 'letter');
    if (!prepared.ok) throw new Error('template');
    const data = jobFor(loadSampleDataset(), 'letter', 'd5112').data;
    const rendered = renderDocument(prepared.template, data, 'd5112', { generatedAt: '2026-12-01T05:23:55Z' });
    if (!rendered.ok) throw new Error('render');
    const core = new PizZip(rendered.bytes).file('docProps/core.xml')!.asText();
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-01T05:23:55Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-01T05:23:55Z</dcterms:modified>');
    expect(core).toContain('<dc:creator>Каскад</dc:creator>');
  });
});
