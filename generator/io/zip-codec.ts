/** Node's native zlib for every archive (inflate with a byte cap, deflate, CRC-32): set once at start. */
import * as zlib from 'node:zlib';
import { setZipCodec, type BoundedInflate } from '../../core/zip/codec';

const inflateRaw: BoundedInflate = (raw, maxOutput) => {
  try {
    // zlib stops as soon as the output passes maxOutputLength: a bomb costs at most the cap.
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, maxOutput) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
};

let done = false;

export function useNodeZip(): void {
  if (done) return;
  done = true;
  setZipCodec({
    inflateRaw,
    deflateRaw: (data) => zlib.deflateRawSync(data, { level: 6 }),
    crc32: (data) => zlib.crc32(data),
  });
}
