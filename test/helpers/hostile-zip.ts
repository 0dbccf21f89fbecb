/** Small files that unpack to a lot: zip bombs, forged directories, oversized sheets, for the bounds tests. */
import { deflateRawSync, constants } from 'node:zlib';
import { readZipEntries, type ZipEntry } from '../../core/zip/read-zip';
import { writeZip, type WriteZipEntry } from '../../core/zip/write-zip';

const SEGMENT = 16 * 1024 * 1024;

/**
 * Raw DEFLATE for `segments` × 16 MB of zeros, built in milliseconds: one segment compressed with a
 * full flush (the compressor's state reset, so the bytes are self-contained) repeated, then an
 * empty final block. 64 segments = 1 GiB from about 1 MB.
 */
export function zeroBomb(segments: number): Uint8Array {
  const one = deflateRawSync(Buffer.alloc(SEGMENT), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array<Buffer>(segments).fill(one), Buffer.from([3, 0])]);
}

export const bombBytes = (segments: number): number => segments * SEGMENT;

/** An archive entry whose compressed bytes are `raw` and whose directory declares `declaredSize`. */
export function rawEntry(name: string, raw: Uint8Array, declaredSize: number): WriteZipEntry {
  const copy: ZipEntry = { name, method: 8, crc32: 0, compressedSize: raw.length, uncompressedSize: declaredSize, localHeaderOffset: 0, raw };
  return { name, copy };
}

/** The parts of `zip` as entries to write again, with some replaced or added. */
export function withParts(zip: Uint8Array, replaced: Record<string, WriteZipEntry>): Uint8Array {
  const entries: WriteZipEntry[] = readZipEntries(zip).map((e) => replaced[e.name] ?? { name: e.name, copy: e });
  for (const [name, entry] of Object.entries(replaced)) if (!entries.some((e) => e.name === name)) entries.push(entry);
  return writeZip(entries);
}

const text = (s: string) => new TextEncoder().encode(s);

/** A one-sheet workbook («Лист1») whose sheet XML is `sheetXml` (or the given entry). */
export function minimalWorkbook(sheet: string | WriteZipEntry): Uint8Array {
  const sheetEntry = typeof sheet === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: text(sheet) } : sheet;
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { ...sheetEntry, name: 'xl/worksheets/sheet1.xml' },
  ]);
}

/** Sheet XML with `rows` rows of `columns` numeric cells. */
export function sheetXml(rows: number, columns: number, extra = ''): string {
  const letters = Array.from({ length: columns }, (_, i) => String.fromCharCode(65 + (i % 26)).repeat(1 + Math.floor(i / 26)));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) {
    out.push(`<row r="${r}">`);
    for (const l of letters) out.push(`<c r="${l}${r}"><v>${r}</v></c>`);
    out.push('</row>');
  }
  out.push(`</sheetData>${extra}</worksheet>`);
  return out.join('');
}
