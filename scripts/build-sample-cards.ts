import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBlankForm } from '../core/forms/blank-form';
import { pickDefinition } from '../core/forms/catalogue';
import { DatasetSchema } from '../core/model/schemas';
import { loadDefinitions } from '../generator/forms/load-definitions';
import { buildF1Cards } from './sample-cards/f1-cards';
import { buildF2Cards, buildF3Roadmap, buildF7Distribution } from './sample-cards/other-cards';

/**
 * Writes templates/forms/blank (a blank per form, newest version) and templates/forms/samples
 * (the seeded filled cards of the demo) FROM the definition files in templates/forms — the files
 * methodologists edit are the source; nothing here writes them.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', 'templates');
  const dir = join(root, 'forms');
  for (const sub of ['blank', 'samples', 'samples/F1', 'samples/F2']) mkdirSync(join(dir, sub), { recursive: true });
  const loaded = await loadDefinitions(dir);
  if (loaded.unusable || loaded.issues.length) throw new Error(`templates/forms: ${loaded.issues.map((i) => i.message).join('; ')}`);
  const byId = (id: string) => {
    const def = pickDefinition(loaded.definitions, id);
    if (!def) throw new Error(`templates/forms has no form ${id}`);
    return def;
  };
  for (const id of [...new Set(loaded.definitions.map((d) => d.id))]) {
    writeFileSync(join(dir, 'blank', `${id}.xlsx`), await buildBlankForm(byId(id)));
    process.stdout.write(`blank/${id}.xlsx\n`);
  }
  const dataset = DatasetSchema.parse(JSON.parse(readFileSync(join(root, 'data', 'sample-region.json'), 'utf8')));
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
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
