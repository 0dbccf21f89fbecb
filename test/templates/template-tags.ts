/**
 * What a template may name: the shape of the data its documents get (every key path seen in the
 * contexts core builds for the sample region), and a walk of the template's tags with loop scopes.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { dottedPathParser } from '../../core/render/render-docx';

export interface Shape {
  keys: Map<string, Shape>;
}

const emptyShape = (): Shape => ({ keys: new Map() });

/** Adds every key path of `value` to `shape`; an array's items share one shape (a loop's scope). */
export function addToShape(shape: Shape, value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) addToShape(shape, item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    let sub = shape.keys.get(key);
    if (!sub) shape.keys.set(key, (sub = emptyShape()));
    addToShape(sub, child);
  }
}

export function shapeOf(values: readonly unknown[]): Shape {
  const shape = emptyShape();
  for (const v of values) addToShape(shape, v);
  return shape;
}

function lookup(scopes: readonly Shape[], tag: string): Shape | undefined {
  const path = tag.trim() === '.' ? [] : tag.trim().split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    let at: Shape | undefined = scopes[i];
    for (const key of path) at = at?.keys.get(key);
    if (at) return at;
  }
  return undefined;
}

interface Part {
  type: string;
  value: string;
  module?: string;
  subparsed?: Part[];
}

/** Tags of the template that no data of its kind has (`#loop/inner` for a tag inside a loop). */
export function unknownTags(templateBytes: Uint8Array, shape: Shape): string[] {
  const doc = new Docxtemplater(new PizZip(templateBytes), { paragraphLoop: true, linebreaks: true, errorLogging: false, parser: dottedPathParser });
  const compiled = (doc as unknown as { compiled: Record<string, { postparsed: Part[] }> }).compiled;
  const unknown = new Set<string>();
  const walk = (parts: readonly Part[], scopes: readonly Shape[], trail: string) => {
    for (const part of parts) {
      if (part.type !== 'placeholder') continue;
      const found = lookup(scopes, part.value);
      const prefix = part.module === 'loop' ? '#' : part.module === 'rawxml' ? '@' : '';
      if (!found) unknown.add(`${trail}${prefix}${part.value}`);
      if (part.subparsed) walk(part.subparsed, found ? [...scopes, found] : scopes, `${trail}#${part.value}/`);
    }
  };
  for (const file of Object.values(compiled)) walk(file.postparsed, [shape], '');
  return [...unknown].sort();
}
