import type { FillPattern } from './office-types';
import type { HighlightedCell, SavedFill } from './highlights';

/**
 * The highlight record as XML, for a custom XML part of the workbook: one <cell> per marked cell
 * with the fill it had before. Only the pane writes and reads it, so the reader knows exactly one shape.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function attr(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

function unattr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name]!);
}

export function recordXml(namespace: string, cells: readonly HighlightedCell[]): string {
  const lines = cells.map((cell) => {
    const p = cell.previous;
    const fields: Array<[string, string | number | undefined]> = [
      ['sheetId', cell.sheetId],
      ['sheet', cell.sheet],
      ['address', cell.address],
      ['color', cell.color],
      ['was', p.color],
      ['wasPattern', p.pattern],
      ['wasPatternColor', p.patternColor],
      ['wasTint', p.tintAndShade],
      ['wasPatternTint', p.patternTintAndShade],
    ];
    return `<cell ${fields
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}="${attr(String(v))}"`)
      .join(' ')}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><highlights xmlns="${namespace}">${lines.join('')}</highlights>`;
}

/** The cells of a record; a <cell> missing its sheet, address or colours is skipped. */
export function readRecordXml(xml: string): HighlightedCell[] {
  const cells: HighlightedCell[] = [];
  for (const m of xml.matchAll(/<cell\s([^>]*?)\/>/g)) {
    const a = new Map([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1]!, unattr(x[2]!)]));
    const sheet = a.get('sheet');
    const address = a.get('address');
    const color = a.get('color');
    const was = a.get('was');
    if (!sheet || !address || !color || !was) continue;
    const previous: SavedFill = { color: was };
    const pattern = a.get('wasPattern');
    if (pattern) previous.pattern = pattern as FillPattern;
    const patternColor = a.get('wasPatternColor');
    if (patternColor) previous.patternColor = patternColor;
    const tint = Number(a.get('wasTint'));
    if (a.has('wasTint') && Number.isFinite(tint)) previous.tintAndShade = tint;
    const patternTint = Number(a.get('wasPatternTint'));
    if (a.has('wasPatternTint') && Number.isFinite(patternTint)) previous.patternTintAndShade = patternTint;
    const sheetId = a.get('sheetId');
    cells.push({ ...(sheetId ? { sheetId } : {}), sheet, address, color, previous });
  }
  return cells;
}
