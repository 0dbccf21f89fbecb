/**
 * Reads a zip's central directory without inflating anything, so that a file can be judged
 * (not a zip, truncated, a zip bomb) before any library unpacks it, and so that unchanged parts
 * of a template can be copied into every generated document as they are, without recompressing.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local header in the archive. */
  localHeaderOffset: number;
  /** The entry's compressed bytes as they stand in the archive. */
  raw: Uint8Array;
}

export type ZipProblem = 'empty' | 'not-zip' | 'truncated' | 'unsupported';

export class ZipFormatError extends Error {
  readonly problem: ZipProblem;
  constructor(problem: ZipProblem, detail: string) {
    super(detail);
    this.name = 'ZipFormatError';
    this.problem = problem;
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const utf8 = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Lists the entries; throws ZipFormatError for anything that is not a whole, ordinary zip. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length === 0) throw new ZipFormatError('empty', 'файл пуст');
  if (!looksLikeZip(bytes)) throw new ZipFormatError('not-zip', 'нет подписи zip');
  const dv = view(bytes);
  const eocd = bytes.length >= 22 ? findEndOfCentralDirectory(bytes, dv) : -1;
  if (eocd < 0) throw new ZipFormatError('truncated', 'нет оглавления архива — файл обрезан');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipFormatError('unsupported', 'архив ZIP64 не поддерживается');
  if (cdOffset + cdSize > eocd) throw new ZipFormatError('truncated', 'оглавление архива указывает за конец файла');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('truncated', 'оглавление архива повреждено');
    }
    const method = dv.getUint16(p + 10, true);
    const crc32 = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const localHeaderOffset = dv.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (localHeaderOffset + 30 > bytes.length || dv.getUint32(localHeaderOffset, true) !== LOCAL_SIGNATURE) {
      throw new ZipFormatError('truncated', `часть «${name}» повреждена`);
    }
    const localName = dv.getUint16(localHeaderOffset + 26, true);
    const localExtra = dv.getUint16(localHeaderOffset + 28, true);
    const dataStart = localHeaderOffset + 30 + localName + localExtra;
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError('truncated', `часть «${name}» обрезана`);
    const raw = bytes.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, method, crc32, compressedSize, uncompressedSize, localHeaderOffset, raw });
  }
  return entries;
}

/** Sum of the sizes the entries claim to unpack to: checked against a limit before inflating. */
export function totalUncompressedSize(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
}
