/**
 * The interpreter (core/render/interpret.ts) makes the very bytes docxtemplater makes: every
 * built-in template with its sample data and with edge data (empty lists, missing values, flipped
 * conditions, characters to escape, line breaks, Cyrillic), and a synthetic template that drives
 * join-uncorrupt (emptied cells, tables without rows, a table at the end of a cell) and inverted
 * sections. Each comparison first checks that the interpreter itself made the document — not the
 * fallback, which would compare docxtemplater with itself.
 */
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { indexDataset } from '../../../core/render/contexts/dataset-index';
import { interpretedDocumentXml, isInterpreted, prepareTemplate, renderDocument, type PreparedTemplate } from '../../../core/render/render-docx';
import { findTemplate, planJobs, TEMPLATES } from '../../../core/render/template-catalog';
import { loadSampleDataset, preparedTemplate } from '../../helpers/sample-dataset';
import { templateFile } from '../../helpers/sample-workbook';

const index = indexDataset(loadSampleDataset());
const DATA_TEMPLATES = TEMPLATES.filter((t) => !t.fromSvod).map((t) => t.id);

function documentXml(bytes: Uint8Array): string {
  return new PizZip(bytes).file('word/document.xml')!.asText();
}

/** Both roads on the same data: the same result, byte for byte, and the interpreter really ran. */
function expectSameAsDocxtemplater(template: PreparedTemplate, data: object, record: string): void {
  const fast = renderDocument(template, data, record);
  const reference = renderDocument(template, data, record, { viaDocxtemplater: true });
  expect(fast.ok).toBe(reference.ok);
  if (!fast.ok || !reference.ok) {
    expect(fast).toEqual(reference);
    return;
  }
  const xml = interpretedDocumentXml(template, data);
  expect(xml).toBeDefined();
  expect(xml).toBe(documentXml(reference.bytes));
  expect(Buffer.from(fast.bytes).equals(Buffer.from(reference.bytes))).toBe(true);
}

/** A deep copy of `data` with every string, array, boolean or key changed by `change`. */
function mapDeep(value: unknown, change: (v: unknown, key: string) => unknown, key = ''): unknown {
  const changed = change(value, key);
  if (changed !== value) return changed;
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, change, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const next = mapDeep(v, change, k);
      if (next !== undefined) out[k] = next;
    }
    return out;
  }
  return value;
}

const EDGES: Record<string, (v: unknown, key: string) => unknown> = {
  'characters to escape and line breaks': (v) =>
    typeof v === 'string' ? `${v} & <b>«x»</b> "кавычки" 'апостроф' — A&B\nвторая строка\n\nЁлка ${v.length}` : v,
  'empty lists': (v) => (Array.isArray(v) ? [] : v),
  'flipped conditions': (v) => (typeof v === 'boolean' ? !v : v),
  'numbers and nulls': (v) => (typeof v === 'string' && v.length % 3 === 0 ? v.length : typeof v === 'string' && v.length % 3 === 1 ? null : v),
  'missing values': (v, key) => (key === 'name' || key === 'title' || key === 'subject' ? undefined : v),
};

describe('the interpreter makes the bytes docxtemplater makes', () => {
  it.each(DATA_TEMPLATES)('%s is interpreted', (id) => {
    expect(isInterpreted(preparedTemplate(id))).toBe(true);
  });

  it.each(DATA_TEMPLATES)('%s: every sample document', (id) => {
    const template = preparedTemplate(id);
    const { jobs } = planJobs(findTemplate(id)!, index);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs.slice(0, 12)) expectSameAsDocxtemplater(template, job.data, job.record);
  });

  describe.each(Object.keys(EDGES))('edge data: %s', (edge) => {
    it.each(DATA_TEMPLATES)('%s', (id) => {
      const template = preparedTemplate(id);
      const { jobs } = planJobs(findTemplate(id)!, index);
      for (const job of jobs.slice(0, 3)) expectSameAsDocxtemplater(template, mapDeep(job.data, EDGES[edge]!) as object, job.record);
    });
  });

  it('a document with a value the interpreter does not vouch for (a function) goes through docxtemplater, with its result', () => {
    const template = preparedTemplate('letter');
    const job = planJobs(findTemplate('letter')!, index).jobs[0]!;
    const data = { ...job.data, subject: () => 'тема' };
    expect(interpretedDocumentXml(template, data)).toBeUndefined();
    expect(renderDocument(template, data, job.record)).toEqual(renderDocument(template, data, job.record, { viaDocxtemplater: true }));
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, rPr = '') => `<w:p><w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${inner}</w:tc>`;
const table = (rows: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows}</w:tbl>`;

const SYNTHETIC_BODY = [
  para('{title}', '<w:b/>'),
  para('{#items}'),
  para('{name}: {note} ({title})', '<w:i/><w:color w:val="FF0000"/>'),
  para('{/items}'),
  para('{^items}Пусто{/items}'),
  table(
    `<w:tr>${cell(para('№'))}${cell(para('Текст'))}</w:tr>` +
      `<w:tr>${cell(para('{#rows}{no}'))}${cell(para('{text}{/rows}'))}</w:tr>` +
      `<w:tr>${cell(para('{#cells}') + para('{.}') + para('{/cells}'))}${cell(table(`<w:tr>${cell(para('вложенная'))}</w:tr>`))}</w:tr>`,
  ),
  para('{#tables}'),
  table(`<w:tr>${cell(para('{v}'))}${cell(para('{#flag}да{/flag}{^flag}нет{/flag}'))}</w:tr>`),
  para('{/tables}'),
  table(`<w:tr>${cell(para('{#gone}{x}'))}${cell(para('{/gone}'))}</w:tr>`),
  para('Конец'),
].join('');

function syntheticTemplate(body: string): Uint8Array {
  const zip = new PizZip(readFileSync(templateFile('letter')));
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generate({ type: 'uint8array' });
}

describe('a synthetic template: loops in tables, emptied cells, inverted sections', () => {
  const prepared = prepareTemplate(syntheticTemplate(SYNTHETIC_BODY), 'synthetic.docx');
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  const template = prepared.template;

  const cases: Record<string, object> = {
    full: {
      title: 'Отчёт «A & B»',
      items: [
        { name: 'a<b', note: 'первая\nвторая' },
        { name: 'Ёж', note: '' },
      ],
      rows: [
        { no: 1, text: 'x' },
        { no: 2, text: "y'z" },
      ],
      cells: ['один', 'два'],
      tables: [
        { v: 'первая', flag: true },
        { v: 'вторая', flag: false },
      ],
      gone: [{ x: 1 }],
    },
    empty: { title: '', items: [], rows: [], cells: [], tables: [], gone: [] },
    'other value types': { title: 5, items: true, rows: { no: 0, text: false }, cells: 'строка', tables: [{ v: null, flag: 'да' }], gone: 0 },
    missing: { items: [{}], rows: [{ no: 1 }], cells: [null], tables: [{}] },
  };

  it('is interpreted', () => {
    expect(isInterpreted(template)).toBe(true);
  });

  it.each(Object.keys(cases))('%s', (name) => {
    expectSameAsDocxtemplater(template, cases[name]!, name);
  });
});

describe('templates beyond the subset go through docxtemplater', () => {
  it('a raw-XML tag {@…}: not interpreted, and the document is made as before', () => {
    const bytes = syntheticTemplate(para('{title}') + '<w:p><w:r><w:t>{@raw}</w:t></w:r></w:p>');
    const prepared = prepareTemplate(bytes, 'raw.docx');
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    expect(isInterpreted(prepared.template)).toBe(false);
    const data = { title: 'Тема', raw: '<w:p><w:r><w:t>сырой</w:t></w:r></w:p>' };
    expect(interpretedDocumentXml(prepared.template, data)).toBeUndefined();
    const rendered = renderDocument(prepared.template, data, 'raw');
    expect(rendered.ok).toBe(true);
    if (rendered.ok) expect(documentXml(rendered.bytes)).toContain('<w:t>сырой</w:t>');
  });

  it('a loop whose last paragraph holds a section break: not interpreted', () => {
    const bytes = syntheticTemplate(para('{#parts}') + para('{name}') + '<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>{/parts}</w:t></w:r></w:p>');
    const prepared = prepareTemplate(bytes, 'sections.docx');
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
    expect(isInterpreted(prepared.template)).toBe(false);
  });
});
