/**
 * Every document of the demo passes the document linter (test/helpers/document-lint.ts): typography
 * from the data, hyphenation, rows that do not split, schools in natural order, the greeting that
 * answers the addressee, «Приложение:» in МОУО letters, a date and a number. The linter itself is
 * shown to fail on documents that break each rule.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import PizZip from 'pizzip';
import { runDemo, type DemoResult } from '../../generator/demo';
import { lintDocument, type LintOptions } from '../helpers/document-lint';
import { jobFor, loadSampleDataset, preparedTemplate } from '../helpers/sample-dataset';
import { makeTempDir, removeTempDir } from '../helpers/sample-workbook';
import { renderDocument } from '../../core/render/render-docx';

function optionsFor(file: string): LintOptions {
  return { mailing: file.includes(`${path.sep}рассылка МОУО${path.sep}`), registered: !file.includes(`${path.sep}технологические карты${path.sep}`) };
}

describe('линтер документов на всех документах примера', () => {
  let out: string;
  let demo: DemoResult;
  beforeAll(async () => {
    out = makeTempDir('kaskad-lint-');
    demo = await runDemo(out);
  }, 120_000);
  afterAll(() => removeTempDir(out));

  test('ни одного замечания', () => {
    const files = [...demo.steps.flatMap((s) => s.result.made), ...(demo.report?.written ? [demo.report.written] : [])].filter((f) =>
      f.endsWith('.docx'),
    );
    expect(files.length).toBeGreaterThanOrEqual(55);
    const findings = files.flatMap((f) => lintDocument(readFileSync(f), optionsFor(f)).map((x) => ({ file: path.relative(out, f), ...x })));
    expect(findings).toEqual([]);
  });
});

describe('линтер находит то, что пришлось бы исправлять вручную', () => {
  const dataset = loadSampleDataset();
  const letter = preparedTemplate('letter');

  /** The letter № 5112 made, then its XML edited as a careless template or data would leave it. */
  function spoiled(edit: (part: string, xml: string) => string): Uint8Array {
    const job = jobFor(dataset, 'letter', 'd5112');
    const rendered = renderDocument(letter, job.data, job.record);
    if (!rendered.ok) throw new Error('render');
    const zip = new PizZip(rendered.bytes);
    for (const part of ['word/document.xml', 'word/settings.xml']) zip.file(part, edit(part, zip.file(part)!.asText()));
    return zip.generate({ type: 'uint8array' });
  }
  const rules = (bytes: Uint8Array, options: LintOptions = { registered: true }) =>
    [...new Set(lintDocument(bytes, options).map((f) => f.rule))].sort();

  test('письмо № 5112 как есть — чистое', () => {
    expect(rules(spoiled((_, xml) => xml))).toEqual([]);
  });

  test.each([
    ['straight-quote', (p: string, x: string) => (p.endsWith('document.xml') ? x.replace('ГБУ ДПО «ЧИППКРО»', 'ГБУ ДПО &quot;ЧИППКРО&quot;') : x)],
    ['space-after-number-sign', (p: string, x: string) => x.replace('№\u00a0', '№ ')],
    ['space-in-initials', (p: string, x: string) => x.replace('Е.А.\u00a0Коузова', 'Е.А. Коузова')],
    ['hyphenation-off', (p: string, x: string) => x.replace('<w:autoHyphenation/>', '')],
    ['row-can-split', (p: string, x: string) => x.replace('<w:cantSplit/>', '')],
    ['no-date', (p: string, x: string) => x.replace('31.05.2022', '31 мая')],
    ['no-number', (p: string, x: string) => x.replaceAll('>5112<', '><')],
  ])('%s', (rule, edit) => {
    expect(rules(spoiled(edit))).toContain(rule);
  });

  test('МОУО: без «Приложение:», со школами не по порядку, с обращением не к адресату', () => {
    const mailing = preparedTemplate('mailing');
    const job = jobFor(dataset, 'mailing', 'mo01');
    const rendered = renderDocument(mailing, job.data, job.record);
    if (!rendered.ok) throw new Error('render');
    expect(rules(rendered.bytes, { mailing: true, registered: true })).toEqual([]);
    const zip = new PizZip(rendered.bytes);
    const xml = zip
      .file('word/document.xml')!
      .asText()
      .replace('Приложение: ', 'Прилагаем: ')
      .replace(/Уважаем(ый|ая) [^<!]+!/, 'Уважаемые коллеги!');
    const names = [...xml.matchAll(/>(М[А-Я]*ОУ «[^<]*»)</g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(1);
    const swapped = xml.replace(`>${names[0]}<`, '>@@<').replace(`>${names[1]}<`, `>${names[0]}<`).replace('>@@<', `>${names[1]}<`);
    zip.file('word/document.xml', swapped);
    expect(rules(zip.generate({ type: 'uint8array' }), { mailing: true, registered: true })).toEqual([
      'greeting',
      'no-attachment-requisite',
      'schools-order',
    ]);
  });
});
