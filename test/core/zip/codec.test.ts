import { deflateRawSync } from 'node:zlib';
import { fflateBoundedInflate, fflateStreamingInflate, ONE_CALL_MAX_RAW } from '../../../core/zip/codec';
import { readZipEntries, ZipFormatError } from '../../../core/zip/read-zip';
import { newBudget, unpackEntry } from '../../../core/zip/unpack';
import { writeZip } from '../../../core/zip/write-zip';
import { bombBytes, rawEntry, zeroBomb } from '../../helpers/hostile-zip';

/** Text that compresses about as a sheet's XML does, `size` bytes of it. */
function sheetLike(size: number): Uint8Array {
  const parts: string[] = [];
  let length = 0;
  for (let row = 1; length < size; row++) {
    const part = `<row r="${row}"><c r="A${row}" t="s"><v>${(row * 7919) % 1000}</v></c><c r="B${row}"><v>${row * 3.25}</v></c></row>`;
    parts.push(part);
    length += part.length;
  }
  return new TextEncoder().encode(parts.join('')).subarray(0, size);
}

/** Incompressible bytes (xorshift32): stored blocks in DEFLATE. */
function noise(size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = 2463534242;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const deflate = (data: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(data));

/** Byte-equal (Jest's toEqual walks big arrays element by element, slowly). */
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

describe('fflateBoundedInflate: one call for small parts, streamed for big ones', () => {
  it.each([
    ['a small sheet (one call)', sheetLike(40_000)],
    ['an empty part', new Uint8Array(0)],
    ['stored blocks (one call)', noise(100_000)],
    ['a part over the one-call size (streamed)', noise(ONE_CALL_MAX_RAW + 50_000)],
  ])('gives the same bytes as the streaming inflater: %s', (_name, data) => {
    const raw = deflate(data);
    const whole = fflateBoundedInflate(raw, data.length);
    expect(same(whole, fflateStreamingInflate(raw, data.length))).toBe(true);
    expect(same(whole, data)).toBe(true);
  });

  it('the small case really is one call and the big one streamed', () => {
    expect(deflate(sheetLike(40_000)).length).toBeLessThanOrEqual(ONE_CALL_MAX_RAW);
    expect(deflate(noise(ONE_CALL_MAX_RAW + 50_000)).length).toBeGreaterThan(ONE_CALL_MAX_RAW);
  });

  it.each([
    ['deflated (one call)', sheetLike(40_000)],
    ['stored (one call)', noise(100_000)],
    ['streamed', noise(ONE_CALL_MAX_RAW + 50_000)],
  ])('returns undefined for one byte more than the cap: %s', (_name, data) => {
    const raw = deflate(data);
    expect(fflateBoundedInflate(raw, data.length - 1)).toBeUndefined();
    expect(same(fflateBoundedInflate(raw, data.length), data)).toBe(true);
  });

  it('a small bomb (16 MB of zeros from a few KB) is cut at the cap, in one call and without a 16 MB buffer', () => {
    const raw = zeroBomb(1);
    expect(raw.length).toBeLessThanOrEqual(ONE_CALL_MAX_RAW);
    expect(fflateBoundedInflate(raw, 1000)).toBeUndefined();
    expect(fflateBoundedInflate(raw, bombBytes(1))?.length).toBe(bombBytes(1));
  });

  it('a big bomb (over the one-call size) is refused by the streaming path', () => {
    const raw = zeroBomb(64);
    expect(raw.length).toBeGreaterThan(ONE_CALL_MAX_RAW);
    expect(fflateBoundedInflate(raw, 1024 * 1024)).toBeUndefined();
  });

  it('throws for data that is not DEFLATE, on both paths', () => {
    expect(() => fflateBoundedInflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toThrow();
    expect(() => fflateStreamingInflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toThrow();
  });

  it.each([
    ['one call', 1],
    ['streamed', 64],
  ])('a forged part is refused with the same message on both paths (%s)', (_name, segments) => {
    const [entry] = readZipEntries(writeZip([rawEntry('xl/worksheets/sheet1.xml', zeroBomb(segments), 100)]));
    const refuse = () => unpackEntry(entry!, newBudget({ maxBytes: 1e12, maxRatio: 1e9 }), fflateBoundedInflate);
    expect(refuse).toThrow(ZipFormatError);
    expect(refuse).toThrow('размер части «xl/worksheets/sheet1.xml» не совпадает с оглавлением архива');
  });
});
