import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { generate } from '../../generator/generate';
import { makeTempDir, SAMPLE_XLSX, sampleWith, sheetOf, templateFile } from '../helpers/sample-workbook';
it('debug', async () => {
  const dir = makeTempDir();
  const data = await sampleWith(dir, (wb) => { const ws = sheetOf(wb, 'Школы'); ws.spliceRows(1, ws.rowCount); });
  const r = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
  console.log(r.exitCode, r.issues.slice(0, 5));
  const zip = new PizZip(readFileSync(templateFile('letter')));
  const xml = zip.file('word/document.xml')!.asText();
  zip.file('word/document.xml', xml.replace('{subject}', '{subject').replace('{/hasExecutor}', '{/hasExecutorr}'));
  const template = join(dir, 'broken-letter.docx');
  writeFileSync(template, zip.generate({ type: 'nodebuffer' }));
  const r2 = await generate({ template, data: SAMPLE_XLSX, outDir: join(dir, 'out') });
  console.log(JSON.stringify(r2.issues, null, 1));
});
