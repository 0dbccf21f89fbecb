/**
 * Two records whose documents would get one file name: both are written, the second with « (2)»,
 * and a warning says which record got which file (issue 9, point 7).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from '../../core/issues';
import { generate } from '../../generator/generate';
import { makeTempDir, removeTempDir, SAMPLE_JSON } from '../helpers/sample-workbook';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

test('a second letter with the same number and date: «… (2).docx» and the record of each file named', async () => {
  const data = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8')) as {
    documents: Array<{ id: string }>;
    paragraphs: Array<{ documentId: string }>;
  };
  const letter = data.documents.find((d) => d.id === 'd5112')!;
  data.documents.push({ ...letter, id: 'd5112-копия' });
  data.paragraphs.push(...data.paragraphs.filter((p) => p.documentId === 'd5112').map((p) => ({ ...p, documentId: 'd5112-копия' })));
  const file = join(dir, 'data.json');
  writeFileSync(file, JSON.stringify(data));
  const result = await generate({ template: 'letter', data: file, outDir: join(dir, 'out') });
  expect(result.exitCode).toBe(0);
  const written = readdirSync(join(dir, 'out')).sort();
  expect(written).toEqual([
    expect.stringMatching(/^Письмо № 5112 от \d\d\.\d\d\.\d{4} \(2\)\.docx$/),
    expect.stringMatching(/^Письмо № 5112 от \d\d\.\d\d\.\d{4}\.docx$/),
  ]);
  const [second, first] = written;
  expect(result.issues.map(formatIssue)).toEqual([
    `⚠ Шаблон «letter», запись «d5112»: документы записей «d5112», «d5112-копия» получили бы одно имя «${first}»; названы так: «d5112» — «${first}», «d5112-копия» — «${second}». Уточните названия в данных, если нужны разные имена.`,
  ]);
});
