import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import PizZip from 'pizzip';
import { readZipEntries, ZipFormatError, type ZipEntry } from '../../../core/zip/read-zip';
import { replaceZipParts, writeZip } from '../../../core/zip/write-zip';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (text: string): Uint8Array => enc.encode(text);

const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document>${'<w:p><w:r><w:t>Уважаемые коллеги!</w:t></w:r></w:p>'.repeat(40)}</w:document>`;
const contentTypes = '<?xml version="1.0"?><Types><Default Extension="xml" ContentType="application/xml"/></Types>';

/** Bytes of an entry read back with Node's own inflater, independent of our code. */
function unpack(entry: ZipEntry): Uint8Array {
  return entry.method === 8 ? new Uint8Array(zlib.inflateRawSync(entry.raw)) : entry.raw;
}

function byName(entries: ZipEntry[], name: string): ZipEntry {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`нет части ${name}`);
  return entry;
}

/** General-purpose flags of the local header and of the central directory record of each entry. */
function flags(zip: Uint8Array): { local: number; central: number }[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return readZipEntries(zip).map((e, i) => {
    let p = dv.getUint32(zip.length - 22 + 16, true);
    for (let k = 0; k < i; k++) p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    return { local: dv.getUint16(e.localHeaderOffset + 6, true), central: dv.getUint16(p + 8, true) };
  });
}

const sample = () =>
  writeZip([
    { name: '[Content_Types].xml', data: bytes(contentTypes) },
    { name: 'word/document.xml', data: bytes(documentXml) },
    { name: 'word/media/image1.png', data: bytes('PNG'), compress: false },
  ]);

describe('запись zip', () => {
  test('читается обратно своим читателем: порядок, методы, размеры, CRC', () => {
    const entries = readZipEntries(sample());
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/image1.png']);
    const doc = byName(entries, 'word/document.xml');
    expect(doc.method).toBe(8);
    expect(doc.compressedSize).toBeLessThan(doc.uncompressedSize);
    expect(doc.uncompressedSize).toBe(bytes(documentXml).length);
    expect(doc.crc32).toBe(zlib.crc32(bytes(documentXml)));
    expect(byName(entries, 'word/media/image1.png').method).toBe(0);
  });

  test('содержимое распаковывает zlib (inflateRawSync)', () => {
    const entries = readZipEntries(sample());
    expect(dec.decode(unpack(byName(entries, 'word/document.xml')))).toBe(documentXml);
    expect(dec.decode(unpack(byName(entries, 'word/media/image1.png')))).toBe('PNG');
    for (const e of entries) expect(zlib.crc32(unpack(e))).toBe(e.crc32);
  });

  test('содержимое читает pizzip', () => {
    const zip = new PizZip(sample());
    expect(zip.file('word/document.xml')?.asText()).toBe(documentXml);
    expect(zip.file('[Content_Types].xml')?.asText()).toBe(contentTypes);
  });

  test('русские имена сохраняются, флаг UTF-8 (бит 11) стоит в обоих заголовках', () => {
    const name = 'Письма/МБОУ «СОШ № 12» — письмо.docx';
    const zip = writeZip([
      { name, data: bytes('текст') },
      { name: 'readme.txt', data: bytes('a') },
    ]);
    expect(readZipEntries(zip)[0]?.name).toBe(name);
    expect(new PizZip(zip).file(name)?.asText()).toBe('текст');
    for (const f of flags(zip)) {
      expect(f.local & 0x0800).toBe(0x0800);
      expect(f.central & 0x0800).toBe(0x0800);
    }
  });

  test('Info-ZIP unzip проверяет архив и показывает русские имена (если установлен)', () => {
    let hasUnzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-zip-'));
    try {
      const file = path.join(dir, 'a.zip');
      const names = ['Письма/', 'Письма/МБОУ «СОШ № 12».docx'];
      fs.writeFileSync(
        file,
        writeZip([
          { name: names[0]!, data: new Uint8Array(0) },
          { name: names[1]!, data: bytes(documentXml) },
        ]),
      );
      const env = { ...process.env, LC_ALL: 'C.UTF-8' };
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8', env })).toMatch(/No errors detected/);
      expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8', env }).trim().split('\n')).toEqual(names);
      execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'out')], { env });
      const extracted = path.join(dir, 'out', names[1]!);
      expect(fs.readFileSync(extracted, 'utf8')).toBe(documentXml);
      expect(fs.statSync(extracted).mode & 0o777).toBe(0o644);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('одинаковый вход → одинаковые байты; дата и время 1980-01-01 00:00', () => {
    const a = sample();
    expect(Buffer.from(sample()).equals(Buffer.from(a))).toBe(true);
    const dv = new DataView(a.buffer, a.byteOffset, a.byteLength);
    expect(dv.getUint16(10, true)).toBe(0); // time
    expect(dv.getUint16(12, true)).toBe(0x21); // date: 1980, January, 1st
  });

  test('внедрённый deflateRaw вызывается для сжимаемых частей, не для compress: false', () => {
    const calls: number[] = [];
    const deflateRaw = (data: Uint8Array): Uint8Array => {
      calls.push(data.length);
      return new Uint8Array(zlib.deflateRawSync(data, { level: 1 }));
    };
    const zip = writeZip(
      [
        { name: 'a.xml', data: bytes(documentXml) },
        { name: 'b.bin', data: bytes(documentXml), compress: false },
      ],
      { deflateRaw },
    );
    expect(calls).toEqual([bytes(documentXml).length]);
    expect(new PizZip(zip).file('a.xml')?.asText()).toBe(documentXml);
  });

  test('несжимаемые и пустые данные хранятся без сжатия', () => {
    const entries = readZipEntries(
      writeZip([
        { name: 'x', data: bytes('a') },
        { name: 'empty', data: new Uint8Array(0) },
      ]),
    );
    expect(entries.map((e) => [e.method, e.uncompressedSize])).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  test('пустой архив — правильный zip без частей', () => {
    const zip = writeZip([]);
    expect(zip.length).toBe(22);
  });

  test('повторяющееся имя части — ошибка', () => {
    const write = () =>
      writeZip([
        { name: 'a', data: bytes('1') },
        { name: 'a', data: bytes('2') },
      ]);
    expect(write).toThrow(ZipFormatError);
    expect(write).toThrow(expect.objectContaining({ problem: 'unsupported' }));
  });

  test('больше 4 ГБ — ошибка «ZIP64 не поддерживается»', () => {
    const huge: ZipEntry = { name: 'big', method: 0, crc32: 0, compressedSize: 0, uncompressedSize: 0, localHeaderOffset: 0, raw: new Uint8Array(0) };
    Object.defineProperty(huge.raw, 'length', { value: 0x1_0000_0000 });
    expect(() => writeZip([{ name: 'big', copy: huge }])).toThrow(/ZIP64/);
  });
});

describe('копирование частей шаблона без пересжатия', () => {
  const template = writeZip([
    { name: '[Content_Types].xml', data: bytes(contentTypes) },
    { name: 'word/document.xml', data: bytes(documentXml) },
    { name: 'word/styles.xml', data: bytes('<w:styles>' + 'стиль '.repeat(100) + '</w:styles>') },
  ]);
  // Compressed by another writer (pizzip at level 9), so a recompression by ours would show.
  const foreign = new PizZip();
  foreign.file('word/styles.xml', '<w:styles>' + 'чужой стиль '.repeat(100) + '</w:styles>');
  const foreignEntries = readZipEntries(foreign.generate({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } }));

  test('скопированная часть побайтно равна исходной: сжатые данные, метод, CRC, размеры', () => {
    const source = byName(foreignEntries, 'word/styles.xml');
    const out = readZipEntries(
      writeZip([{ name: 'word/styles.xml', copy: source }], {
        deflateRaw: () => {
          throw new Error('не должно сжиматься');
        },
      }),
    );
    const copied = byName(out, 'word/styles.xml');
    expect(Buffer.from(copied.raw).equals(Buffer.from(source.raw))).toBe(true);
    expect([copied.method, copied.crc32, copied.compressedSize, copied.uncompressedSize]).toEqual([
      source.method,
      source.crc32,
      source.compressedSize,
      source.uncompressedSize,
    ]);
  });

  test('replaceZipParts: неизменённые части копируются, заменённые сжимаются, новые дописываются в конец', () => {
    const entries = readZipEntries(template);
    const newDocument = documentXml.replace(/коллеги/g, 'руководители');
    const replaced = new Map([
      ['word/document.xml', bytes(newDocument)],
      ['word/footer1.xml', bytes('<w:ftr>Исп. Иванова</w:ftr>')],
    ]);
    const result = replaceZipParts(entries, replaced);
    const out = readZipEntries(result);
    expect(out.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']);
    for (const name of ['[Content_Types].xml', 'word/styles.xml']) {
      expect(Buffer.from(byName(out, name).raw).equals(Buffer.from(byName(entries, name).raw))).toBe(true);
    }
    const zip = new PizZip(result);
    expect(zip.file('word/document.xml')?.asText()).toBe(newDocument);
    expect(zip.file('word/footer1.xml')?.asText()).toBe('<w:ftr>Исп. Иванова</w:ftr>');
    expect(dec.decode(unpack(byName(out, 'word/styles.xml')))).toContain('стиль');
  });

  test('replaceZipParts без замен воспроизводит свой же шаблон байт в байт', () => {
    expect(Buffer.from(replaceZipParts(readZipEntries(template), new Map())).equals(Buffer.from(template))).toBe(true);
  });
});
