import { sameName } from '../text-similarity';
import type { FormDefinition } from './definition';
import type { WorkbookSnapshot } from './snapshot';

/** The hidden sheet a blank form carries so that a filled copy is recognised later. */
export const MARKER_SHEET = '_kaskad';
export const MARKER_TAG = 'kaskad-form';

export function readMarker(snapshot: WorkbookSnapshot): { id: string; version: number } | undefined {
  const sheet = snapshot.sheets.find((s) => s.name === MARKER_SHEET);
  const tag = sheet?.cells.A1;
  const id = sheet?.cells.B1;
  const version = sheet?.cells.C1;
  if (tag?.kind !== 'text' || tag.text !== MARKER_TAG || id?.kind !== 'text') return undefined;
  const v = version?.kind === 'number' ? version.value : version?.kind === 'text' ? Number(version.text) : NaN;
  return { id: id.text, version: v };
}

/**
 * Which definition a workbook was made from: the marker first (same id, the same version if
 * there is one), else the definition all of whose sheets are present.
 */
export function detectForm(snapshot: WorkbookSnapshot, definitions: readonly FormDefinition[]): FormDefinition | undefined {
  const marker = readMarker(snapshot);
  if (marker) {
    const sameId = definitions.filter((d) => d.id === marker.id);
    const found = sameId.find((d) => d.version === marker.version) ?? [...sameId].sort((a, b) => b.version - a.version)[0];
    if (found) return found;
  }
  const names = snapshot.sheets.map((s) => s.name);
  const candidates = definitions.filter((d) => d.layouts.every((l) => names.some((n) => sameName(n, l.sheet))));
  return candidates.sort((a, b) => b.layouts.length - a.layouts.length || b.version - a.version)[0];
}
