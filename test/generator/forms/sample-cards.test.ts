import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultDefinitions } from '../../fixtures/forms';
import { collectCards } from '../../../core/forms/collect';
import { buildReferenceData } from '../../../core/forms/reference-data';
import { scoreForm } from '../../../core/forms/score';
import { readSnapshot } from '../../../core/forms/snapshot';
import { validateForm } from '../../../core/forms/validate';
import { DatasetSchema } from '../../../core/model/schemas';
import { openWorkbook } from '../../../core/workbook/open-workbook';
import { buildF1Cards } from '../../../scripts/sample-cards/f1-cards';
import { buildF2Cards, buildF3Roadmap, buildF7Distribution } from '../../../scripts/sample-cards/other-cards';

const REGION = path.join(__dirname, '../../../templates/data/sample-region.json');
const defs = defaultDefinitions();
const byId = (id: string) => defs.find((d) => d.id === id)!;

describe('sample cards of the sample region', () => {
  const dataset = DatasetSchema.parse(JSON.parse(fs.readFileSync(REGION, 'utf8')));
  const data = buildReferenceData(dataset);

  async function check(defId: string, files: Array<{ name: string; bytes: Uint8Array }>) {
    return Promise.all(
      files.map(async (f) => {
        const opened = await openWorkbook(f.bytes, f.name);
        if (!opened.ok) throw new Error(f.name);
        const def = byId(defId);
        const result = validateForm(def, readSnapshot(opened.workbook), { file: f.name, data });
        return { file: f.name, result, score: def.scoring ? scoreForm(def, result, data) : undefined };
      }),
    );
  }

  test('43 F1 cards: deliberate errors of every kind, one duplicate, one municipality missing', async () => {
    const cards = await check('F1', await buildF1Cards(byId('F1'), dataset));
    expect(cards).toHaveLength(43);
    const codes = new Set<string>(cards.flatMap((c) => c.result.issues.map((i) => i.code)));
    for (const code of [
      'FORM_NOT_NUMBER',
      'FORM_NOT_INTEGER',
      'FORM_NOT_PERCENT',
      'FORM_NOT_DATE',
      'FORM_NOT_CHOICE',
      'FORM_NOT_YESNO',
      'FORM_REQUIRED',
      'FORM_NOT_RELEVANT',
      'FORM_COMPARE',
      'FORM_DATE_OUTSIDE',
      'FORM_COUNT_MISMATCH',
      'FORM_FORMULA_ERROR',
      'FORM_MERGED_INPUT',
    ]) {
      expect([code, codes.has(code)]).toEqual([code, true]);
    }
    const clean = cards.filter((c) => c.result.issues.length === 0);
    expect(clean.length).toBeGreaterThan(25);
    const svod = collectCards(
      byId('F1'),
      cards.map((c) => ({ file: c.file, values: c.result.values, score: c.score, issues: c.result.issues })),
      data,
    );
    expect(svod.rows).toHaveLength(42);
    expect(svod.issues.map((i) => i.code).sort()).toEqual(['COLLECT_DUPLICATE', 'COLLECT_MISSING']);
    expect(new Set(svod.rows.map((r) => r.score.level?.title)).size).toBeGreaterThan(1);
  });

  test('F2 cards, the F3 roadmap and the F7 distribution', async () => {
    const f2 = await check('F2', await buildF2Cards(byId('F2'), dataset));
    expect(f2.length).toBeGreaterThan(3);
    expect(f2.flatMap((c) => c.result.issues.map((i) => i.code))).toEqual(['FORM_RANK_INVALID']);
    const [f3] = await check('F3', await buildF3Roadmap(byId('F3'), dataset));
    expect(f3!.result.issues).toEqual([]);
    expect(f3!.score?.level?.title).toBe('жёлтый');
    const [f7] = await check('F7', await buildF7Distribution(byId('F7'), dataset));
    expect(f7!.result.issues).toEqual([]);
  });
});
