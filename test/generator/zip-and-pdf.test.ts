import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readZipEntries } from '../../core/zip/read-zip';
import { generate } from '../../generator/generate';
import { findSoffice } from '../../generator/io/pdf';

const DATA = path.join(__dirname, '..', '..', 'templates', 'data', 'sample-region.xlsx');

describe('kaskad generate --zip и --pdf', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'kaskad-zip-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('--zip: один архив, 43 письма с русскими именами в UTF-8, каждое — целый .docx', async () => {
    const result = await generate({ template: 'mailing', data: DATA, outDir: out, zip: true });
    expect(result.exitCode).toBe(0);
    expect(result.made).toHaveLength(1);
    expect(readdirSync(out)).toEqual([path.basename(result.made[0]!)]);
    const bytes = readFileSync(result.made[0]!);
    const entries = readZipEntries(bytes);
    expect(entries).toHaveLength(43);
    expect(entries.map((e) => e.name)).toContain('Письмо № 12865 от 07.12.2023 — Агаповский муниципальный район.docx');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const e of entries) {
      expect(view.getUint16(e.localHeaderOffset + 6, true) & 0x0800).toBe(0x0800); // UTF-8 name flag
      expect(readZipEntries(e.raw).some((part) => part.name === 'word/document.xml')).toBe(true); // stored, so raw is the .docx
    }
  });

  test('--zip второй раз без --force: архив не перезаписан', async () => {
    const result = await generate({ template: 'mailing', data: DATA, outDir: out, zip: true });
    expect(result.exitCode).toBe(1);
    expect(result.issues.map((i) => i.code)).toEqual(['OUTPUT_EXISTS']);
  });

  const withOffice = findSoffice() || process.env.CI ? test : test.skip;
  withOffice('--pdf: рядом с .docx появляется .pdf', async () => {
    const dir = path.join(out, 'pdf');
    const result = await generate({ template: 'letter', data: DATA, outDir: dir, pdf: true });
    expect(result.exitCode).toBe(0);
    expect(result.made.map((f) => path.basename(f)).sort()).toEqual(['Письмо № 5112 от 31.05.2022.docx', 'Письмо № 5112 от 31.05.2022.pdf']);
    expect(
      readFileSync(result.made.find((f) => f.endsWith('.pdf'))!)
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
  });
});
