import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { collectFiles } from '../../generator/forms/collect-files';
import { listWorkbooks } from '../../generator/forms/io-files';
import { loadReferenceData } from '../../generator/forms/load-data';
import { loadDefinitions } from '../../generator/forms/load-definitions';
import { writeMonitoringReport } from '../../generator/monitoring-report';
import PizZip from 'pizzip';
import { docxParagraphs, fold } from '../helpers/docx-paragraphs';

const TEMPLATES = path.join(__dirname, '..', '..', 'templates');

describe('справка по результатам мониторинга из свода карт F1', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'kaskad-report-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('таблица муниципалитетов с баллами, уровнями, флагами и рекомендациями; недостающие названы', async () => {
    const definitions = await loadDefinitions();
    const reference = await loadReferenceData(path.join(TEMPLATES, 'data', 'sample-region.xlsx'));
    const cards = await listWorkbooks([path.join(TEMPLATES, 'forms', 'samples', 'F1')]);
    const collected = await collectFiles(cards.files, {
      definitions: definitions.definitions,
      data: reference.data,
      out: path.join(out, 'svod.xlsx'),
    });
    const file = path.join(out, 'справка.docx');
    const report = await writeMonitoringReport({ svod: collected.svod!, definition: collected.definition!, dataset: reference.dataset!, out: file });
    expect(report.issues).toEqual([]);
    const doc = docxParagraphs(readFileSync(file)).map(fold);
    expect(doc[0]).toBe('СПРАВКА');
    expect(doc).toContain('Карты мониторинга представили 42 муниципалитета. Распределение по уровням:');
    expect(doc).toContain('Не представили карты: Чесменский муниципальный округ.');
    const rows = collected.svod!.rows;
    expect(rows).toHaveLength(42);
    const critical = rows.find((r) => r.score.level?.id === 'critical')!;
    const at = doc.indexOf(fold(critical.municipality));
    expect(at).toBeGreaterThan(0);
    expect(doc[at + 3]).toBe('критический');
    expect(doc[at + 5]).toMatch(/^Принять муниципальный акт/);
    expect(doc.filter((p) => /^\d+ из \d+$/.test(p))).toHaveLength(42);
    expect(doc.some((p) => p.includes('Г.А. Горшков'))).toBe(true);

    // The level cell is shaded with the level's colour, as in svod.xlsx, and otherwise looks like its neighbours.
    const xml = new PizZip(readFileSync(file)).file('word/document.xml')!.asText();
    const criticalRow = xml.split('<w:tr>').find((tr) => tr.includes(`>${critical.municipality}<`))!;
    const cells = criticalRow.split('<w:tc>').slice(1);
    const levelCell = cells[4]!;
    expect(levelCell).toContain(`<w:shd w:val="clear" w:color="auto" w:fill="${critical.score.level!.color.toUpperCase()}"/>`);
    expect(levelCell).toContain('>критический<');
    const runProps = (cell: string) => /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(cell)?.[0];
    const paraProps = (cell: string) => /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(cell)?.[0]?.replace(/<w:shd [^>]*\/>/, '');
    expect(runProps(levelCell)).toBe(runProps(cells[3]!));
    expect(paraProps(levelCell)).toBe(paraProps(cells[3]!));
  });

  test('без книги данных с реквизитами справка не пишется, а объясняется почему', async () => {
    const { writeMonitoringReport: write } = await import('../../generator/monitoring-report');
    const result = await write({
      svod: { rows: [], issues: [], findings: [] },
      definition: (await loadDefinitions()).definitions[0]!,
      dataset: {
        organisations: [],
        municipalities: [],
        schools: [],
        schoolLists: [],
        people: [],
        roadmapItems: [],
        events: [],
        reports: [],
        schedule: [],
        distribution: [],
        techCards: [],
        documents: [],
        paragraphs: [],
        attachments: [],
      },
      out: path.join(out, 'пусто.docx'),
    });
    expect(result.written).toBeUndefined();
    expect(result.issues.map((i) => i.code)).toEqual(['REPORT_NO_DOCUMENT']);
  });
});
