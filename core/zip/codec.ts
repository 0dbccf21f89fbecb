/**
 * The compression primitives every archive goes through, replaceable as one: the defaults are
 * pure JS (fflate, a table CRC-32), which is what the browser and Excel have; Node's door sets
 * zlib's native inflate, deflate and crc32 once at start (generator/io/zip-codec.ts).
 */
import { deflateSync, Inflate, inflateSync } from 'fflate';
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

/** Parts up to this many compressed bytes are inflated in one call (a card's sheets are a few KB each). */
export const ONE_CALL_MAX_RAW = 256 * 1024;

/**
 * One fflate call into a buffer of `maxOutput + 1` bytes: memory stays within the cap whatever the
 * data would give (fflate does not grow a buffer it is handed; bytes past its end are dropped), and
 * a result that fills the buffer means «more than maxOutput». Undefined also when fflate throws
 * (damaged data, or a stored block past the buffer's end): the streaming path then gives the answer.
 */
function inflateInOneCall(raw: Uint8Array, maxOutput: number): Uint8Array | undefined | 'ask-stream' {
  // fflate hands back the buffer itself for empty input.
  if (raw.length === 0) return 'ask-stream';
  let out: Uint8Array;
  try {
    out = inflateSync(raw, { out: new Uint8Array(maxOutput + 1) });
  } catch {
    return 'ask-stream';
  }
  return out.length > maxOutput ? undefined : out;
}

/**
 * fflate's inflater, bounded: a small part (≤ ONE_CALL_MAX_RAW compressed) in one call into a
 * buffer of the cap's size, a bigger one streamed in small chunks so that the overshoot past
 * `maxOutput` stays small.
 */
export const fflateBoundedInflate: BoundedInflate = (raw, maxOutput) => {
  if (raw.length <= ONE_CALL_MAX_RAW) {
    const whole = inflateInOneCall(raw, maxOutput);
    if (whole !== 'ask-stream') return whole;
  }
  return fflateStreamingInflate(raw, maxOutput);
};

/** fflate's streaming inflater, fed in small chunks so that the overshoot past `maxOutput` stays small. */
export const fflateStreamingInflate: BoundedInflate = (raw, maxOutput) => {
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
