/**
 * The compression primitives every archive goes through, replaceable as one: the defaults are
 * pure JS (fflate, a table CRC-32), which is what the browser and Excel have; Node's door sets
 * zlib's native inflate, deflate and crc32 once at start (generator/io/zip-codec.ts).
 */
import { deflateSync, Inflate } from 'fflate';
import { crc32 as tableCrc32 } from './crc32';

/**
 * Inflates raw DEFLATE data, yielding at most `maxOutput` bytes: returns `undefined` as soon as
 * the data would give more. Throws for data that is not DEFLATE.
 */
export type BoundedInflate = (raw: Uint8Array, maxOutput: number) => Uint8Array | undefined;

export interface ZipCodec {
  inflateRaw: BoundedInflate;
  /** Raw DEFLATE (no zlib header). */
  deflateRaw: (data: Uint8Array) => Uint8Array;
  crc32: (data: Uint8Array) => number;
}

const CHUNK = 16 * 1024;

/** fflate's streaming inflater, fed in small chunks so that the overshoot past `maxOutput` stays small. */
export const fflateBoundedInflate: BoundedInflate = (raw, maxOutput) => {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    total += chunk.length;
    if (total > maxOutput) over = true;
    else chunks.push(chunk);
  });
  for (let at = 0; at < raw.length && !over; at += CHUNK) {
    inflater.push(raw.subarray(at, Math.min(raw.length, at + CHUNK)), at + CHUNK >= raw.length);
  }
  if (over) return undefined;
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
};

const PURE: ZipCodec = {
  inflateRaw: fflateBoundedInflate,
  deflateRaw: (data) => deflateSync(data, { level: 6 }),
  crc32: (data) => tableCrc32(data),
};

let current: ZipCodec = PURE;

export function zipCodec(): ZipCodec {
  return current;
}

/** Replaces some primitives (Node's door, once at start). */
export function setZipCodec(codec: Partial<ZipCodec>): void {
  current = { ...current, ...codec };
}
