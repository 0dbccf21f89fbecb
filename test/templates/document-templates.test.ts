/**
 * The .docx templates are the source: they are edited in Word or LibreOffice and kept as saved.
 * So the tests check what matters in them — every tag is known to the data the documents get, the
 * demo's documents read as the golden texts (UPDATE=1 rewrites them), and a template re-saved by
 * LibreOffice still has its tags and renders the same text.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { indexDataset } from '../../core/render/contexts/dataset-index';
import { planMonitoringReport } from '../../core/render/monitoring-report';
import { prepareTemplate, renderDocument } from '../../core/render/render-docx';
import { planJobs, TEMPLATES } from '../../core/render/template-catalog';
import { runDemo, type DemoResult } from '../../generator/demo';
import { findSoffice } from '../../generator/io/pdf';
import { docxParagraphs, fold } from '../helpers/docx-paragraphs';
import { loadSampleDataset } from '../helpers/sample-dataset';
import { makeTempDir, removeTempDir, templateFile } from '../helpers/sample-workbook';
import { shapeOf, unknownTags } from './template-tags';
import type { Svod } from '../../core/forms/collect';
import type { FormDefinition } from '../../core/forms/definition';
import { loadDefinitions } from '../../generator/forms/load-definitions';

const GOLDEN = path.join(__dirname, 'golden');
const dataset = loadSampleDataset();
const index = indexDataset(dataset);

/** A svod of two municipalities, one with a red flag and one without a level, for the справка's data shape. */
function sampleSvod(def: FormDefinition): Svod {
  const level = def.scoring?.levels[0];
  const score = (percent: number | null, flags: Array<{ id: string; message: string }>) => ({
    sections: [],
    total: 10,
    max: 20,
    percent,
    levelValue: percent,
    level: percent === null ? undefined : level,
    flags,
    explanations: [],
  });
  return {
    rows: [
      {
        municipalityId: 'm1',
        municipality: 'Агаповский муниципальный район',
        file: 'a.xlsx',
        score: score(50, [{ id: 'f', message: 'Нет плана.' }]),
        errors: 0,
        warnings: 0,
      },
      { municipalityId: 'm2', municipality: 'Ашинский муниципальный район', file: 'b.xlsx', score: score(null, []), errors: 0, warnings: 0 },
    ],
    issues: [],
    findings: [],
  };
}

async function contextsOf(id: string): Promise<object[]> {
  const info = TEMPLATES.find((t) => t.id === id)!;
  // Letters, orders and roadmaps get the same data (a roadmap's row has no distribution, an order's has).
  const alike = info.each === 'document' ? TEMPLATES.filter((t) => t.each === 'document' && !t.fromSvod) : [info];
  if (!info.fromSvod) return alike.flatMap((t) => planJobs(t, index).jobs.map((j) => j.data));
  const { definitions } = await loadDefinitions();
  const def = definitions.find((d) => d.id === 'F1')!;
  const plan = planMonitoringReport(dataset, def, sampleSvod(def));
  return plan.job ? [plan.job.data] : [];
}

describe('шаблоны документов — источник, их правят в Word и LibreOffice', () => {
  test.each(TEMPLATES.map((t) => [t.id]))('%s: каждый тег шаблона известен данным документа', async (id) => {
    const contexts = await contextsOf(id);
    expect(contexts.length).toBeGreaterThan(0);
    const bytes = readFileSync(templateFile(id));
    const prepared = prepareTemplate(bytes, id);
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(prepared.template.tags.length).toBeGreaterThan(5);
    expect(unknownTags(bytes, shapeOf(contexts))).toEqual([]);
  });

  test('тег, которого нет в данных, находится (проверка может упасть)', () => {
    const shape = shapeOf([{ subject: 'О', body: [{ text: 'а' }] }]);
    const bytes = readFileSync(templateFile('letter'));
    expect(unknownTags(bytes, shape)).toEqual(expect.arrayContaining(['signatory.name', '#body/#plain']));
  });
});

/** Paragraph texts per document of the demo, keyed by the path under the demo folder. */
function demoTexts(demo: DemoResult): Record<string, Record<string, string[]>> {
  const files = [...demo.steps.flatMap((s) => s.result.made), ...(demo.report?.written ? [demo.report.written] : [])].filter((f) =>
    f.endsWith('.docx'),
  );
  const byFolder: Record<string, Record<string, string[]>> = {};
  for (const file of files.sort()) {
    const rel = path.relative(demo.outDir, file);
    const folder = path.dirname(rel) === '.' ? 'справка' : path.dirname(rel);
    (byFolder[folder] ??= {})[path.basename(rel)] = docxParagraphs(readFileSync(file))
      .map((p) => p.replace(/\u00a0/g, '⍽'))
      .filter((p) => p.trim() !== '');
  }
  return byFolder;
}

describe('документы примера совпадают с эталонными текстами (UPDATE=1 переписывает эталоны)', () => {
  let out: string;
  let texts: Record<string, Record<string, string[]>>;
  beforeAll(async () => {
    out = makeTempDir('kaskad-golden-');
    texts = demoTexts(await runDemo(out));
  }, 120_000);
  afterAll(() => removeTempDir(out));

  test('эталоны есть для каждой папки примера, тексты совпадают абзац в абзац', () => {
    const folders = Object.keys(texts).sort();
    expect(folders.length).toBeGreaterThanOrEqual(7);
    if (process.env.UPDATE === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      for (const folder of folders) writeFileSync(path.join(GOLDEN, `${folder}.json`), `${JSON.stringify(texts[folder], null, 1)}\n`);
    }
    for (const folder of folders) {
      const file = path.join(GOLDEN, `${folder}.json`);
      expect({ folder, exists: existsSync(file) }).toEqual({ folder, exists: true });
      const golden = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
      expect(Object.keys(texts[folder]!).sort()).toEqual(Object.keys(golden).sort());
      for (const [name, paragraphs] of Object.entries(texts[folder]!)) expect({ name, paragraphs }).toEqual({ name, paragraphs: golden[name] });
    }
  });
});

/** LibreOffice is installed by .ci/run: in CI this suite must run, never skip. */
const soffice = findSoffice();
const withOffice = soffice || process.env.CI ? describe : describe.skip;

withOffice('шаблон, пересохранённый в LibreOffice, работает как прежде', () => {
  const RESAVED = [
    ['letter', 'd5112'],
    ['mailing', undefined],
    ['order', 'o04-335'],
  ] as const;
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('kaskad-resave-');
    mkdirSync(path.join(dir, 'in'));
    for (const [id] of RESAVED) copyFileSync(templateFile(id), path.join(dir, 'in', `${id}.docx`));
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    const sources = RESAVED.map(([id]) => path.join(dir, 'in', `${id}.docx`));
    execFileSync(soffice!, [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(dir, 'out'), ...sources], {
      stdio: 'ignore',
      timeout: 300_000,
    });
  }, 300_000);
  afterAll(() => removeTempDir(dir));

  test.each(RESAVED.map(([id, select]) => [id, select]))('%s: теги целы, документ тот же', (id, select) => {
    const resaved = readFileSync(path.join(dir, 'out', `${id}.docx`));
    const original = prepareTemplate(readFileSync(templateFile(id)), id);
    const again = prepareTemplate(resaved, id);
    expect(again.ok).toBe(true);
    if (!original.ok || !again.ok) return;
    expect([...again.template.tags].sort()).toEqual([...original.template.tags].sort());
    const info = TEMPLATES.find((t) => t.id === id)!;
    const job = planJobs(info, index, select ? { select: [select] } : {}).jobs[0]!;
    const render = (t: typeof original.template) => {
      const r = renderDocument(t, job.data, job.record);
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
      return docxParagraphs(r.bytes)
        .map(fold)
        .filter((p) => p !== '');
    };
    expect(render(again.template)).toEqual(render(original.template));
  });
});
