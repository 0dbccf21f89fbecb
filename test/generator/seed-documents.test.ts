import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generate, type GenerateResult } from '../../generator/generate';
import { typeset } from '../../core/format/typography';
import { docxParagraphs, findInOrder, fold, type Expected } from '../helpers/docx-paragraphs';

const ROOT = path.join(__dirname, '..', '..');
const DATA = path.join(ROOT, 'templates', 'data', 'sample-region.xlsx');
const SEEDS = path.join(__dirname, '..', 'fixtures', 'seeds');

/** The seed's paragraphs between two markers, markdown removed (bold, links, escaped underscores). */
function seedParagraphs(file: string, from: string, to?: string): string[] {
  const text = readFileSync(path.join(SEEDS, file), 'utf8');
  const start = text.indexOf(from);
  const end = to ? text.indexOf(to, start) : text.length;
  if (start < 0 || end < 0) throw new Error(`seed marker not found: ${from} / ${to}`);
  return text
    .slice(start, end)
    .split(/\n/)
    .map((line) =>
      line
        .replace(/\*\*/g, '')
        .replace(/<(https?:[^>]+)>/g, '$1')
        .replace(/\\_/g, '_')
        .replace(/^- /, '')
        .trim(),
    )
    .filter((line) => line !== '');
}

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'kaskad-seeds-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function make(template: string, select?: string[]): Promise<{ result: GenerateResult; paragraphs: string[][] }> {
  const result = await generate({ template, data: DATA, outDir: path.join(out, template), select });
  const paragraphs = result.made.filter((f) => f.endsWith('.docx')).map((f) => docxParagraphs(readFileSync(f)));
  return { result, paragraphs };
}

function expectInOrder(paragraphs: string[], expected: Expected[]): void {
  const found = findInOrder(paragraphs, expected);
  expect(found.missing).toBeUndefined();
  expect(found.positions).toHaveLength(expected.length);
}

describe('документы примера воспроизводят образцы дословно (с точностью до пробелов)', () => {
  test('письмо № 5112 (образец 000)', async () => {
    const { result, paragraphs } = await make('letter', ['d5112']);
    expect(result.exitCode).toBe(0);
    expect(paragraphs).toHaveLength(1);
    const seed = seedParagraphs('000.txt', 'О методическом обеспечении');
    expect(seed).toHaveLength(10); // subject, salutation, 6 paragraphs, position, name
    expectInOrder(paragraphs[0]!, ['31.05.2022 № 5112', 'На № _____ от _____', ...seed]);
  });

  test('письмо № 13170 о семинаре (образец 002): доклады с именами в родительном падеже', async () => {
    const { result, paragraphs } = await make('seminar-letter', ['d13170']);
    expect(result.exitCode).toBe(0);
    const addressee = 'Руководителям органов местного самоуправления, осуществляющих управление в сфере образования';
    // In the seed's text layer the addressee (top right on the page) lands between the body and the reports.
    const seed = seedParagraphs('002.txt', 'О результатах проведения итогового семинара').filter((p) => p !== addressee);
    expect(seed.length).toBeGreaterThanOrEqual(15);
    const doc = paragraphs[0]!;
    expectInOrder(doc, ['23.12.2022 № 13170', ...seed]);
    expect(doc).toContain(addressee);
    const reports = doc.filter((p) => p.startsWith('В докладе'));
    expect(reports.map((p) => p.replace(/\u00a0/g, ' ').slice(0, 28))).toEqual([
      'В докладе Ильясова Д.Ф., зав',
      'В докладе Севрюковой А.А., д',
      'В докладе Донского А.Г., зав',
      'В докладе Борченко А.А., зам',
      'В докладе Задорина К.С., доц',
    ]);
    expect(reports[2]).toContain('кандидата философских наук и Сахно\u00a0О.А., заведующего центром');
  });

  test('приказ № 04/335 с дорожной картой (образец 004)', async () => {
    const { result, paragraphs } = await make('order', ['o04-335']);
    expect(result.exitCode).toBe(0);
    const seed = seedParagraphs(
      '004.txt',
      'О сопровождении общеобразовательных организаций с низкими образовательными результатами в системе образования Челябинской области в 2024 году\n',
      'Приказ Министерства образования и науки Челябинской области от 08.02.2024 года',
    );
    const lastSeed = seed.pop()!; // the seed breaks off mid-sentence
    const doc = paragraphs[0]!;
    expectInOrder(doc, ['ПРИКАЗ', '08.02.2024', '№ 04/335', 'Челябинск', ...seed, { startsWith: lastSeed }]);
    const roadmapTitles = readFileSync(path.join(SEEDS, '004.txt'), 'utf8')
      .split(/\n\s*\n/)
      .map((s) => s.trim())
      .filter((s, i, all) => /^\d+$/.test(all[i - 1] ?? '') && !/^\d+$/.test(s));
    expect(roadmapTitles).toHaveLength(15);
    const stamp = doc.indexOf('УТВЕРЖДЕНА');
    expect(stamp).toBeGreaterThan(0);
    expect(doc[stamp + 1]).toBe('приказом Министерства образования и науки Челябинской области');
    expectInOrder(doc.slice(stamp), [
      'от 08.02.2024 № 04/335',
      'Мероприятия для всех ШНОР в 2024 году',
      ...roadmapTitles.slice(0, 12),
      'Мероприятия по сопровождению ШНОР, осуществляемые МОУО',
      ...roadmapTitles.slice(12),
    ]);
    expect(doc).toContain('УТВЕРЖДЕНО');
  });

  test('рассылка МОУО: 43 письма, в каждом только свои школы', async () => {
    const { result } = await make('mailing');
    expect(result.exitCode).toBe(0);
    expect(result.made).toHaveLength(43);
    const dataset = JSON.parse(readFileSync(path.join(ROOT, 'templates', 'data', 'sample-region.json'), 'utf8'));
    const schoolsOf = new Map<string, Set<string>>();
    for (const s of dataset.schools) schoolsOf.set(s.municipalityId, new Set([...(schoolsOf.get(s.municipalityId) ?? []), fold(typeset(s.name))]));
    const allNames = new Set<string>(dataset.schools.map((s: { name: string }) => fold(typeset(s.name))));
    let listed = 0;
    for (const m of dataset.municipalities) {
      const file = result.made.find((f) => f.endsWith(`${m.name}.docx`));
      expect(file).toBeDefined();
      const doc = docxParagraphs(readFileSync(file!));
      expect(doc.some((p) => p.includes(m.headPositionDative))).toBe(true);
      const named = doc.map(fold).filter((p) => allNames.has(p));
      expect(named.length).toBeGreaterThan(0);
      for (const name of named) expect(schoolsOf.get(m.id)!.has(name)).toBe(true);
      listed += named.length;
    }
    expect(listed).toBeGreaterThanOrEqual(218);
  });
});
