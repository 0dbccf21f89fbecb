import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const REPO = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Code that reaches the Office or Excel globals (not words in prose: those have no member access). */
const GLOBAL_USE = /\b(Office|Excel)\??\.[A-Za-z]|\b(Office|Excel)\?:|globalThis\b/;
const GLOBAL_DOORS = ['addin/excel/capabilities.ts', 'addin/excel/run.ts', 'addin/excel/office-ready.ts'];

describe('the Excel gateway wall (STYLE.md rule 2)', () => {
  it('touches the Office/Excel globals only in the three doors (capabilities, run, office-ready)', () => {
    const offenders = sources(join(REPO, 'addin'))
      .map((file) => relative(REPO, file).split('\\').join('/'))
      .filter((file) => !GLOBAL_DOORS.includes(file))
      .filter((file) =>
        readFileSync(join(REPO, file), 'utf8')
          .split('\n')
          .some((line) => !/^\s*(\*|\/\/|\/\*)/.test(line) && GLOBAL_USE.test(line)),
      );
    expect(offenders).toEqual([]);
  });

  it('the doors do use them (the check above looks at the right thing)', () => {
    for (const file of GLOBAL_DOORS) expect(readFileSync(join(REPO, file), 'utf8')).toMatch(GLOBAL_USE);
  });

  it('keeps core free of the add-in', () => {
    const offenders = sources(join(REPO, 'core')).filter((file) => /from ['"](\.\.\/)+addin\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  /** Import specifiers of a file (static and dynamic). */
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*(?:\/\*[^*]*\*\/\s*)?)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

  it('keeps the React components away from Excel: addin/ui gets data and callbacks, never the gateway', () => {
    const offenders = sources(join(REPO, 'addin', 'ui')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /\/excel\//.test(spec))
        .map((spec) => `${relative(REPO, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never lets the add-in import the generator (what both need lives in core)', () => {
    const offenders = sources(join(REPO, 'addin')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)generator\//.test(spec) || /^node:/.test(spec))
        .map((spec) => `${relative(REPO, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the import scan sees imports (so the walls above can fail)', () => {
    expect(importsOf(join(REPO, 'addin', 'app', 'excel-session.ts'))).toContain('../excel/highlights');
    expect(importsOf(join(REPO, 'addin', 'app', 'load-engine.ts'))).toContain('./engine');
  });
});
