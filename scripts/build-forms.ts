import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBlankForm } from '../core/forms/blank-form';
import { defaultDefinitions } from '../core/forms/defaults';
import { writeDefinitionWorkbook } from '../core/forms/write-definition';
import { DatasetSchema } from '../core/model/schemas';
import { buildF1Cards } from './sample-cards/f1-cards';
import { buildF2Cards, buildF3Roadmap, buildF7Distribution } from './sample-cards/other-cards';

/**
 * Writes templates/forms: each default definition as the spreadsheet methodologists edit and as
 * JSON, a blank form per definition, and the filled sample cards (seeded, no Math.random).
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', 'templates');
  const dir = join(root, 'forms');
  for (const sub of ['', 'blank', 'samples', 'samples/F1', 'samples/F2']) mkdirSync(join(dir, sub), { recursive: true });
  const defs = defaultDefinitions();
  for (const def of defs) {
    const base = `${def.id}-${def.version}`;
    writeFileSync(join(dir, `${base}.xlsx`), await writeDefinitionWorkbook(def));
    writeFileSync(join(dir, `${base}.json`), `${JSON.stringify(def, null, 2)}\n`);
    writeFileSync(join(dir, 'blank', `${def.id}.xlsx`), await buildBlankForm(def));
    process.stdout.write(`${base}.xlsx, ${base}.json, blank/${def.id}.xlsx\n`);
  }
  const dataset = DatasetSchema.parse(JSON.parse(readFileSync(join(root, 'data', 'sample-region.json'), 'utf8')));
  const byId = (id: string) => defs.find((d) => d.id === id)!;
  const groups: Array<[string, Promise<Array<{ name: string; bytes: Uint8Array }>>]> = [
    ['samples/F1', buildF1Cards(byId('F1'), dataset)],
    ['samples/F2', buildF2Cards(byId('F2'), dataset)],
    ['samples', buildF3Roadmap(byId('F3'), dataset)],
    ['samples', buildF7Distribution(byId('F7'), dataset)],
  ];
  for (const [sub, files] of groups) {
    const list = await files;
    for (const f of list) writeFileSync(join(dir, sub, f.name), f.bytes);
    process.stdout.write(`${sub}: ${list.length}\n`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
