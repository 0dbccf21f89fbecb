import { benchForms } from '../../bench/forms';

describe('benchForms', () => {
  it('reads three technology cards bare and through Kaskad, and judges the overhead', async () => {
    const { lines, markdown } = await benchForms({ cards: 3 });

    expect(lines[0]).toMatch(/^Forms: 3 technology cards \(F2\): 3 distinct, each read 1×; [\d,]+ non-empty cells read/);
    // The second sample (sch036) repeats a priority: (b) really validated.
    expect(lines[1]).toMatch(/issues found by \(b\): 1$/);
    expect(lines.filter((l) => /^\(a\) exceljs bare read|^\(b\) Kaskad/.test(l))).toHaveLength(2);
    expect(lines.some((l) => /^(PASS|FAIL) {2}validation \+ scoring on top of the read: -?[\d.]+ % \(target ≤ 25\.0 %/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^Machine: .+, \d+ logical cores, [\d.]+ GB RAM, Node\.js v\d+/);
    expect(markdown).toContain('## Validating technology cards (F2)');
    expect(markdown).toMatch(/\| \(b\) Kaskad: load \+ readSnapshot \+ validateForm \+ scoreForm \| 3 \| [\d,]+ \|/);
  });
});
