import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Packer } from 'docx';
import PizZip from 'pizzip';
import { TEMPLATES } from '../../core/render/template-catalog';
import { prepareTemplate } from '../../core/render/render-docx';
import { generate } from '../../generator/generate';
import { TEMPLATE_BUILDERS } from '../../scripts/build-templates';

const DOCS = path.join(__dirname, '..', '..', 'templates', 'documents');
const DATA = path.join(__dirname, '..', '..', 'templates', 'data', 'sample-region.xlsx');

describe('шаблоны документов', () => {
  test('каталог и скрипт сборки знают одни и те же шаблоны', () => {
    expect(Object.keys(TEMPLATE_BUILDERS).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });

  test.each(TEMPLATES.map((t) => [t.id, t.file]))('%s: файл в templates/documents собран текущим скриптом (npm run build:templates)', async (id, file) => {
    const built = new PizZip(await Packer.toBuffer(TEMPLATE_BUILDERS[id]!()));
    const committed = new PizZip(readFileSync(path.join(DOCS, file)));
    expect(committed.file('word/document.xml')!.asText()).toBe(built.file('word/document.xml')!.asText());
  });

  test.each(TEMPLATES.map((t) => [t.id, t.file]))('%s: шаблон без синтаксических ошибок, теги перечислены', (id, file) => {
    const prepared = prepareTemplate(readFileSync(path.join(DOCS, file)), id);
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(prepared.template.tags.length).toBeGreaterThan(5);
  });

  test('каждый тег каждого шаблона получает значение из данных примера', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'kaskad-tags-'));
    try {
      for (const t of TEMPLATES.filter((template) => !template.fromSvod)) {
        const result = await generate({ template: t.id, data: DATA, outDir: path.join(out, t.id) });
        expect({ template: t.id, skipped: result.skipped, issues: result.issues }).toEqual({ template: t.id, skipped: [], issues: [] });
        expect(result.made.length).toBeGreaterThan(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
