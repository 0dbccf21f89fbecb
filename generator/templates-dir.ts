import * as path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';

/** The shipped templates/ folder, found upwards from this module (source and build trees differ in depth). */
export function templatesDir(start = __dirname): string {
  for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', 'documents');
    if (existsSync(candidate)) return path.join(dir, 'templates');
  }
  throw new Error('templates/ not found next to the program');
}

/** The version in package.json, next to templates/. */
export function packageVersion(): string {
  const file = path.join(path.dirname(templatesDir()), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
