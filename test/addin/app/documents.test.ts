import { readFileSync } from 'node:fs';
import { readZipEntries } from '../../../core/zip/read-zip';
import { findTemplate } from '../../../core/render/template-catalog';
import { packDocuments, planDocuments, DOCX_MIME, ZIP_MIME } from '../../../addin/app/documents';
import { PANE_TEMPLATES } from '../../../addin/app/document-templates';
import { docxParagraphs, fold } from '../../helpers/docx-paragraphs';
import { loadSampleDataset } from '../../helpers/sample-dataset';
import { templateFile } from '../../helpers/sample-workbook';

const dataset = loadSampleDataset();
const template = (id: string) => {
  const info = findTemplate(id);
  if (!info) throw new Error(id);
  return { info, bytes: new Uint8Array(readFileSync(templateFile(id))) };
};

describe('documents made in the pane', () => {
  it('offers every template the data workbook alone can feed (not the справка, which needs a svod)', () => {
    expect(PANE_TEMPLATES.map((t) => t.id)).toEqual(['letter', 'letter-schedule', 'seminar-letter', 'order', 'roadmap', 'mailing', 'tech-card']);
  });

  it('plans one mailing letter per municipality, each naming its own municipality', () => {
    const { info, bytes } = template('mailing');
    const plan = planDocuments(dataset, info, bytes);
    expect(plan.issues).toEqual([]);
    expect(plan.documents).toHaveLength(dataset.municipalities.length);
    // Documents come in natural order of the municipalities' names; find the first municipality's letter.
    const municipality = dataset.municipalities[0]!;
    const first = plan.documents.find((d) => d.fileName.includes(municipality.name))!;
    expect(first.fileName).toContain(municipality.name);
    expect(first.fileName.endsWith('.docx')).toBe(true);
    expect(fold(docxParagraphs(first.bytes!).join('\n'))).toContain(municipality.name.split(' ')[0]!);
  });

  it('packs one document as .docx and several as a zip of them, with Windows-safe unique names', () => {
    const { info, bytes } = template('mailing');
    const plan = planDocuments(dataset, info, bytes);
    const one = packDocuments(plan, new Set([plan.documents[2]!.record]));
    expect(one?.mime).toBe(DOCX_MIME);
    expect(one?.name).toBe(plan.documents[2]!.fileName);
    const all = packDocuments(plan);
    expect(all?.mime).toBe(ZIP_MIME);
    expect(all?.name).toBe('Письмо каждому МОУО со списком его школ — документы.zip');
    const names = readZipEntries(all!.bytes).map((e) => e.name);
    expect(names).toHaveLength(plan.documents.length);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => !/[\\/:*?"<>|]/.test(n))).toBe(true);
  });

  it('lists a record with a missing value with its tag and leaves it out of the batch; the others still come', () => {
    const { info, bytes } = template('letter');
    const broken = structuredClone(dataset);
    const letter = broken.documents.find((d) => d.template === 'letter')!;
    delete (letter as { number?: string }).number;
    const plan = planDocuments(broken, info, bytes);
    const bad = plan.documents.find((d) => d.record === letter.id)!;
    expect(bad.bytes).toBeUndefined();
    expect(bad.issues.map((i) => i.code)).toContain('RENDER_MISSING_VALUE');
    expect(bad.issues.map((i) => i.message).join(' ')).toContain('{number}');
    const packed = packDocuments(plan);
    const madeCount = plan.documents.filter((d) => d.bytes).length;
    expect(madeCount).toBe(plan.documents.length - 1);
    if (madeCount > 1) expect(readZipEntries(packed!.bytes).map((e) => e.name)).not.toContain(bad.fileName);
  });

  it('gives the same letter text as the generator renders', () => {
    const { info, bytes } = template('letter');
    const plan = planDocuments(dataset, info, bytes);
    const made = plan.documents.find((d) => d.bytes)!;
    const text = fold(docxParagraphs(made.bytes!).join('\n'));
    const doc = dataset.documents.find((d) => d.id === made.record)!;
    expect(text).toContain(doc.number ?? '');
    expect(text).toContain(fold(doc.subject ?? ''));
  });
});
