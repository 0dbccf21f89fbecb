import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { cleanDeep } from '../../../core/format/text';
import { typesetDeep } from '../../../core/format/typography';
import type { Dataset } from '../../../core/model/schemas';
import { indexDataset } from '../../../core/render/contexts/dataset-index';
import { dottedPathParser, prepareTemplate, renderDocument } from '../../../core/render/render-docx';
import { findTemplate, planJobs } from '../../../core/render/template-catalog';

const ROOT = path.join(__dirname, '..', '..', '..');
const dataset = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'data', 'sample-region.json'), 'utf8')) as Dataset;

/** What a brand-new Docxtemplater makes of the same template and data. */
function freshDocumentXml(templateBytes: Uint8Array, data: object): string {
  const doc = new Docxtemplater(new PizZip(templateBytes), {
    paragraphLoop: true,
    linebreaks: true,
    errorLogging: false,
    parser: dottedPathParser,
    nullGetter: () => '',
  });
  doc.render(typesetDeep(cleanDeep(data)));
  return doc.getZip().file('word/document.xml')!.asText();
}

describe('один скомпилированный шаблон на много документов: данные одного не попадают в другой', () => {
  test.each(['mailing', 'tech-card', 'letter'])('%s: каждый документ пакета равен документу, сделанному заново', (id) => {
    const info = findTemplate(id)!;
    const bytes = readFileSync(path.join(ROOT, 'templates', 'documents', info.file));
    const prepared = prepareTemplate(bytes, id);
    if (!prepared.ok) throw new Error('template');
    const { jobs } = planJobs(info, indexDataset(dataset));
    expect(jobs.length).toBeGreaterThan(0);
    const rounds = [...jobs, ...jobs].slice(0, 50);
    rounds.forEach((job, i) => {
      if (i === 3) {
        // A record with a missing value in the middle of the batch: reported, and the next ones stay right.
        const broken = renderDocument(prepared.template, {}, 'broken');
        expect(broken.ok).toBe(false);
      }
      const rendered = renderDocument(prepared.template, job.data, job.record);
      expect(rendered.ok).toBe(true);
      if (!rendered.ok) return;
      const xml = new PizZip(rendered.bytes).file('word/document.xml')!.asText();
      expect(xml).toBe(freshDocumentXml(bytes, job.data));
    });
  });
});
