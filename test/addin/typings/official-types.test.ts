import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../../..');
const GATEWAY_TYPES = join(ROOT, 'addin/excel/office-types.ts');
const CHECK = join(ROOT, 'test/addin/typings/official-types.ts');

/**
 * Compiles the compile-time check (official-types.ts) against a copy of the gateway's interfaces
 * with one edit, as `npm run typecheck` would, and returns the errors in the check file.
 */
let previous: ts.Program | undefined;
const parsed = new Map<string, ts.SourceFile | undefined>();

function errorsWith(edit: (source: string) => string): string[] {
  const original = readFileSync(GATEWAY_TYPES, 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (resolve(fileName) === GATEWAY_TYPES) return ts.createSourceFile(fileName, edited, languageVersion);
    if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, ...rest));
    return parsed.get(fileName); // the 200 000 lines of office-js typings are parsed once
  };
  const program = ts.createProgram([CHECK], options, host, previous);
  previous = program;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && resolve(d.file.fileName) === CHECK)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe("the gateway's interfaces against the official @types/office-js (what `npm run typecheck` enforces)", () => {
  it('the unchanged interfaces compile against the official typings', () => {
    expect(errorsWith((s) => `${s}\n// unchanged\n`)).toEqual([]);
  });

  it('a member typed differently from Excel.Range fails the check', () => {
    const errors = errorsWith((s) => s.replace('readonly rowCount: number;', 'readonly rowCount: string;'));
    expect(errors.join('\n')).toMatch(/Excel\.Range' does not satisfy the constraint[\s\S]*rowCount/);
  });

  it('the old EventHandlerResult.context (a full RequestContext) fails the check', () => {
    const errors = errorsWith((s) => s.replace(/readonly context: ClientRequestContext;/, 'readonly context: RequestContext;'));
    expect(errors.join('\n')).toMatch(/Property 'workbook' is missing in type 'ClientRequestContext'/);
  });

  it('an object the gateway hands in that Excel would not accept fails the check', () => {
    const errors = errorsWith((s) =>
      s.replace(
        "positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End';",
        "positionType?: 'None' | 'Before' | 'After' | 'Beginning' | 'End' | 'Middle';",
      ),
    );
    expect(errors.join('\n')).toMatch(/InsertWorksheetOptions/);
  });
});
