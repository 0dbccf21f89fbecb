import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from '../core/zip/crc32';

/**
 * Draws the ribbon and add-in icons and writes addin/assets/<name>-<size>.png: `npm run build:icons`.
 * The glyphs are drawn on a 16-unit grid, so at 16, 32 and 80 px (1, 2 and 5 px per unit) edges
 * fall on pixel boundaries and stay sharp; anti-aliasing comes from supersampling.
 */

export type Rgba = readonly [number, number, number, number];

/** A region of the 16 × 16 grid: is the point (x, y) inside? */
export type Shape = (x: number, y: number) => boolean;

export interface Layer {
  shape: Shape;
  color: Rgba;
}

export const ICON_SIZES = [16, 32, 80] as const;
const GRID = 16;
const SAMPLES = 8; // per axis and pixel

const BLUE: Rgba = [0x0f, 0x6c, 0xbd, 255];
const BLUE_MID: Rgba = [0x28, 0x86, 0xde, 255];
const BLUE_LIGHT: Rgba = [0x62, 0xab, 0xf5, 255];
const GREEN: Rgba = [0x10, 0x7c, 0x10, 255];
const EXCEL_GREEN: Rgba = [0x21, 0x73, 0x46, 255];
const GREY: Rgba = [0x61, 0x61, 0x61, 255];
const WHITE: Rgba = [255, 255, 255, 255];

export function rect(x0: number, y0: number, x1: number, y1: number, radius = 0): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    if (radius <= 0) return true;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

export function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Even-odd fill of a closed polygon. */
export function polygon(points: ReadonlyArray<readonly [number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A line of `width` through the points, with round joins and caps. */
export function stroke(points: ReadonlyArray<readonly [number, number]>, width: number): Shape {
  const half = width / 2;
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
      const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
      if ((x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= half * half) return true;
    }
    return false;
  };
}

const PAGE: ReadonlyArray<readonly [number, number]> = [
  [2.5, 0.5],
  [9.5, 0.5],
  [13.5, 4.5],
  [13.5, 15.5],
  [2.5, 15.5],
];

/** The glyphs, painted in order over a transparent background. */
export const ICONS: Record<string, readonly Layer[]> = {
  // The group and the add-in: a cascade of three steps.
  icon: [
    { shape: rect(1, 1, 9, 5, 1), color: BLUE },
    { shape: rect(4, 6, 12, 10, 1), color: BLUE_MID },
    { shape: rect(7, 11, 15, 15, 1), color: BLUE_LIGHT },
  ],
  // «Проверить»: a white check mark on a green disc.
  check: [
    { shape: circle(8, 8, 7.5), color: GREEN },
    {
      shape: stroke(
        [
          [4.5, 8.2],
          [7, 10.7],
          [11.6, 5.6],
        ],
        1.8,
      ),
      color: WHITE,
    },
  ],
  // «Документы»: a page with a folded corner and lines of text.
  documents: [
    { shape: polygon(PAGE), color: WHITE },
    { shape: stroke([...PAGE, PAGE[0]!], 1), color: GREY },
    {
      shape: stroke(
        [
          [9.5, 0.5],
          [9.5, 4.5],
          [13.5, 4.5],
        ],
        1,
      ),
      color: GREY,
    },
    { shape: rect(5, 7, 11, 8), color: BLUE },
    { shape: rect(5, 10, 11, 11), color: BLUE },
    { shape: rect(5, 13, 9, 14), color: BLUE },
  ],
  // «Бланки»: an empty form, a table with a header row.
  blanks: [
    { shape: rect(0, 1, 16, 15), color: EXCEL_GREEN },
    { shape: rect(1, 5, 15, 14), color: WHITE },
    { shape: rect(6, 5, 7, 14), color: EXCEL_GREEN },
    { shape: rect(1, 8, 15, 9), color: EXCEL_GREEN },
    { shape: rect(1, 11, 15, 12), color: EXCEL_GREEN },
  ],
};

/** RGBA pixels (row-major, not premultiplied) of the layers at `size` × `size`. */
export function renderIcon(layers: readonly Layer[], size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const unit = GRID / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied colour and alpha, composited «source over» layer by layer.
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const { shape, color } of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (shape((px + (sx + 0.5) / SAMPLES) * unit, (py + (sy + 0.5) / SAMPLES) * unit)) hits++;
          }
        }
        const alpha = (color[3] / 255) * (hits / (SAMPLES * SAMPLES));
        r = color[0] * alpha + r * (1 - alpha);
        g = color[1] * alpha + g * (1 - alpha);
        b = color[2] * alpha + b * (1 - alpha);
        a = alpha + a * (1 - alpha);
      }
      const at = (py * size + px) * 4;
      pixels[at] = a > 0 ? Math.round(r / a) : 0;
      pixels[at + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[at + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round(a * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha, 8-bit PNG of RGBA pixels; every row unfiltered. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no filter set, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter «None»
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

function main(): void {
  const dir = join(__dirname, '..', '..', 'addin', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const [name, layers] of Object.entries(ICONS)) {
    for (const size of ICON_SIZES) {
      const file = `${name}-${size}.png`;
      writeFileSync(join(dir, file), encodePng(size, size, renderIcon(layers, size)));
      process.stdout.write(`${file}\n`);
    }
  }
}

if (require.main === module) main();
