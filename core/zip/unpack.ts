/**
 * The one way the program inflates an archive's parts: with a byte counter, so that a zip bomb or
 * a forged directory is refused after at most the allowed bytes — never after inflating gigabytes.
 * The directory's declared sizes are only a first filter; what counts is what the inflater yields.
 */
import { zipCodec, type BoundedInflate } from './codec';
import { ZipFormatError, type ZipEntry } from './read-zip';

/** Limits for one archive. */
export interface UnpackLimits {
  /** All inflated parts together, in bytes. */
  maxBytes: number;
  /** Inflated bytes per compressed byte of one part (judged once the part passes RATIO_FLOOR). */
  maxRatio: number;
}

/** Parts that inflate to less than this are never judged by their ratio (tiny XML compresses well). */
export const RATIO_FLOOR = 1024 * 1024;

export type LimitKind = 'total' | 'ratio';

/** An archive over a limit: `kind` says which one. Thrown by unpackEntry, caught by each door. */
export class ZipLimitError extends Error {
  readonly kind: LimitKind;
  constructor(kind: LimitKind, part: string) {
    super(`часть «${part}» превышает предел (${kind})`);
    this.name = 'ZipLimitError';
    this.kind = kind;
  }
}

/** A running count of the bytes one archive has inflated so far, shared by its parts. */
export interface UnpackBudget {
  limits: UnpackLimits;
  used: number;
}

export function newBudget(limits: UnpackLimits): UnpackBudget {
  return { limits, used: 0 };
}

/**
 * Inflates one part within the budget. Throws ZipLimitError past the archive's total or the
 * part's ratio, ZipFormatError ('truncated') when the part yields other than the size its
 * directory declares (a forged or damaged archive), or for a method other than stored/deflate.
 */
export function unpackEntry(entry: ZipEntry, budget: UnpackBudget, inflate: BoundedInflate = zipCodec().inflateRaw): Uint8Array {
  const { limits } = budget;
  const left = limits.maxBytes - budget.used;
  const byRatio = Math.max(RATIO_FLOOR, entry.raw.length * limits.maxRatio);
  if (entry.uncompressedSize > left) throw new ZipLimitError('total', entry.name);
  if (entry.uncompressedSize > byRatio) throw new ZipLimitError('ratio', entry.name);
  let data: Uint8Array | undefined;
  if (entry.method === 0) data = entry.raw;
  else if (entry.method === 8) {
    // One byte more than declared is enough to see that the directory lies.
    try {
      data = inflate(entry.raw, entry.uncompressedSize + 1);
    } catch {
      throw new ZipFormatError('truncated', `часть «${entry.name}» повреждена`);
    }
  } else throw new ZipFormatError('unsupported', `часть «${entry.name}» сжата неизвестным способом`);
  if (data === undefined || data.length !== entry.uncompressedSize) {
    throw new ZipFormatError('truncated', `размер части «${entry.name}» не совпадает с оглавлением архива`);
  }
  budget.used += data.length;
  return data;
}
