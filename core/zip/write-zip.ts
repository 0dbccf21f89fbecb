/**
 * Writes a plain zip (no ZIP64, no data descriptors) into one buffer. Unchanged parts of a
 * template are copied as their compressed bytes stand, which is what makes thousands of .docx
 * from one template cheap: only the parts that differ are deflated again.
 */
import { zipCodec } from './codec';
import { ZipFormatError, type ZipEntry } from './read-zip';

/** New content: deflated unless `compress` is false (or deflating would not make it smaller). */
export interface NewZipEntry {
  name: string;
  data: Uint8Array;
  compress?: boolean;
  /** The data's CRC-32 when already known (a part copied from another archive), else computed. */
  crc32?: number;
}

/** An entry of an existing archive, copied as it is; `name` may differ from `copy.name`. */
export interface CopiedZipEntry {
  name: string;
  copy: ZipEntry;
}

export type WriteZipEntry = NewZipEntry | CopiedZipEntry;

export interface WriteZipOptions {
  /** Raw DEFLATE (no zlib header). Defaults to the codec's (zlib in Node, fflate at level 6 elsewhere). */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
}

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const EOCD = 22;
const MAX_UINT32 = 0xffffffff;
const MAX_UINT16 = 0xffff;
/** Bit 11: the name is UTF-8 — without it Explorer and 7-Zip show Cyrillic names as cp866 garbage. */
const FLAG_UTF8 = 0x0800;
/** Version needed to extract: 2.0, deflate. */
const VERSION = 20;
/**
 * Made by Unix (3), 2.0. With the DOS host (0) some readers (Info-ZIP unzip, several GUI
 * archivers) decode names as an OEM code page despite bit 11; with Unix all of them honour it.
 */
const VERSION_MADE_BY = (3 << 8) | VERSION;
/** 1980-01-01 00:00, the earliest DOS date, so that the same input always gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// Unix mode in the high 16 bits (Info-ZIP would otherwise extract files with mode 000), DOS bits low.
const ATTR_FILE = (0o100644 << 16) >>> 0;
const ATTR_DIRECTORY = ((0o040755 << 16) | 0x10) >>> 0;

const utf8 = new TextEncoder();

interface Prepared {
  nameBytes: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  raw: Uint8Array;
  directory: boolean;
}

function isCopy(entry: WriteZipEntry): entry is CopiedZipEntry {
  return 'copy' in entry;
}

function tooLarge(detail: string): ZipFormatError {
  return new ZipFormatError('unsupported', `${detail}: архивы больше 4 ГБ (ZIP64) не поддерживаются`);
}

function prepare(entry: WriteZipEntry, deflateRaw: (data: Uint8Array) => Uint8Array): Prepared {
  const nameBytes = utf8.encode(entry.name);
  if (nameBytes.length === 0 || nameBytes.length > MAX_UINT16) {
    throw new ZipFormatError('unsupported', `недопустимое имя части архива «${entry.name}»`);
  }
  const directory = entry.name.endsWith('/');
  if (isCopy(entry)) {
    const { copy } = entry;
    return {
      nameBytes,
      method: copy.method,
      crc: copy.crc32,
      compressedSize: copy.raw.length,
      uncompressedSize: copy.uncompressedSize,
      raw: copy.raw,
      directory,
    };
  }
  const { data } = entry;
  if (data.length > MAX_UINT32) throw tooLarge(`часть «${entry.name}»`);
  const crc = entry.crc32 ?? zipCodec().crc32(data);
  if (entry.compress !== false && data.length > 0) {
    const deflated = deflateRaw(data);
    if (deflated.length < data.length) {
      return { nameBytes, method: 8, crc, compressedSize: deflated.length, uncompressedSize: data.length, raw: deflated, directory };
    }
  }
  return { nameBytes, method: 0, crc, compressedSize: data.length, uncompressedSize: data.length, raw: data, directory };
}

/** The fields a local and a central header share, from "version needed" to "extra length". */
function writeCommon(dv: DataView, at: number, e: Prepared): void {
  dv.setUint16(at, VERSION, true);
  dv.setUint16(at + 2, FLAG_UTF8, true);
  dv.setUint16(at + 4, e.method, true);
  dv.setUint16(at + 6, DOS_TIME, true);
  dv.setUint16(at + 8, DOS_DATE, true);
  dv.setUint32(at + 10, e.crc, true);
  dv.setUint32(at + 14, e.compressedSize, true);
  dv.setUint32(at + 18, e.uncompressedSize, true);
  dv.setUint16(at + 22, e.nameBytes.length, true);
  dv.setUint16(at + 24, 0, true);
}

/**
 * Builds a zip from `entries`, in their order. Names are stored as UTF-8 (flag bit 11), every
 * timestamp is 1980-01-01 00:00, so equal input gives byte-equal output.
 * Throws ZipFormatError ('unsupported') for duplicate or empty names, more than 65 535 entries
 * or an archive past 4 GB — none of which a generated document can reach.
 */
export function writeZip(entries: readonly WriteZipEntry[], options: WriteZipOptions = {}): Uint8Array {
  const deflateRaw = options.deflateRaw ?? zipCodec().deflateRaw;
  if (entries.length > MAX_UINT16) throw tooLarge(`${entries.length} частей`);
  const seen = new Set<string>();
  const prepared: Prepared[] = [];
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new ZipFormatError('unsupported', `часть «${entry.name}» повторяется`);
    seen.add(entry.name);
    prepared.push(prepare(entry, deflateRaw));
  }

  let localSize = 0;
  let centralSize = 0;
  for (const e of prepared) {
    localSize += LOCAL_HEADER + e.nameBytes.length + e.compressedSize;
    centralSize += CENTRAL_HEADER + e.nameBytes.length;
  }
  // The central directory's offset (= localSize) must fit in 32 bits, and so must the whole.
  if (localSize > MAX_UINT32 || localSize + centralSize + EOCD > MAX_UINT32) throw tooLarge('архив');

  const out = new Uint8Array(localSize + centralSize + EOCD);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const offsets: number[] = [];
  let p = 0;
  for (const e of prepared) {
    offsets.push(p);
    dv.setUint32(p, LOCAL_SIGNATURE, true);
    writeCommon(dv, p + 4, e);
    out.set(e.nameBytes, p + LOCAL_HEADER);
    p += LOCAL_HEADER + e.nameBytes.length;
    out.set(e.raw, p);
    p += e.compressedSize;
  }
  const centralStart = p;
  prepared.forEach((e, i) => {
    dv.setUint32(p, CENTRAL_SIGNATURE, true);
    dv.setUint16(p + 4, VERSION_MADE_BY, true);
    writeCommon(dv, p + 6, e);
    // comment length, disk number, internal attributes stay 0 (the buffer is zeroed)
    dv.setUint32(p + 38, e.directory ? ATTR_DIRECTORY : ATTR_FILE, true);
    dv.setUint32(p + 42, offsets[i] ?? 0, true);
    out.set(e.nameBytes, p + CENTRAL_HEADER);
    p += CENTRAL_HEADER + e.nameBytes.length;
  });
  dv.setUint32(p, EOCD_SIGNATURE, true);
  dv.setUint16(p + 8, prepared.length, true);
  dv.setUint16(p + 10, prepared.length, true);
  dv.setUint32(p + 12, p - centralStart, true);
  dv.setUint32(p + 16, centralStart, true);
  return out;
}

/**
 * A template with some parts replaced: unchanged entries are copied raw in template order,
 * replaced ones are deflated anew in place, names absent from the template are appended in the
 * map's order.
 */
export function replaceZipParts(template: readonly ZipEntry[], replaced: ReadonlyMap<string, Uint8Array>, options: WriteZipOptions = {}): Uint8Array {
  const entries: WriteZipEntry[] = [];
  const inTemplate = new Set<string>();
  for (const entry of template) {
    inTemplate.add(entry.name);
    const data = replaced.get(entry.name);
    entries.push(data !== undefined ? { name: entry.name, data } : { name: entry.name, copy: entry });
  }
  for (const [name, data] of replaced) {
    if (!inTemplate.has(name)) entries.push({ name, data });
  }
  return writeZip(entries, options);
}
