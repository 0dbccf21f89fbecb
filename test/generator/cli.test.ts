/**
 * The published `kaskad` binary, spawned as users run it: Russian messages with the sheet and
 * cell, and the documented exit codes (0 all made, 1 some records failed, 2 bad usage or input).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram } from '../../generator/cli';
import { TEMPLATES } from '../../core/render/template-catalog';
import { badXmlParts } from '../helpers/docx-xml';
import { addressOf, makeTempDir, removeTempDir, ROOT, SAMPLE_XLSX, sampleWith, sheetOf } from '../helpers/sample-workbook';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function kaskad(...args: string[]): Run {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'kaskad.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The newest modification time of the .ts files under `folder`. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const KNOWN = TEMPLATES.map((t) => t.id);

let dir: string;
beforeAll(() => {
  // The binary runs build/; compile it when it is missing or older than the sources under test.
  const cli = join(ROOT, 'build', 'generator', 'cli.js');
  const stale = !existsSync(cli) || statSync(cli).mtimeMs < Math.max(newestSource(join(ROOT, 'core')), newestSource(join(ROOT, 'generator')));
  if (stale) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
});
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('kaskad generate', () => {
  it('makes the letter from the sample and exits 0', () => {
    const out = join(dir, 'out');
    const run = kaskad('generate', 'letter', '--data', SAMPLE_XLSX, '-o', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Готово: создано 1\sдокумент, пропущено 0/);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^Письмо №\s5112 от 31\.05\.2022\.docx$/);
    expect(badXmlParts(readFileSync(join(out, files[0]!)))).toEqual([]);
  });

  it("prints «лист «Документы», ячейка …» for a bad date, makes the other template's letter and exits 1", async () => {
    let address = '';
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Документы');
      address = addressOf(ws, 'Код', 'd5112', 'Дата');
      ws.getCell(address).value = 'вчера';
    });
    const out = join(dir, 'out');
    const run = kaskad('generate', 'seminar-letter', '--data', data, '-o', out);
    expect(run.out).toContain(
      `✖ Файл «data.xlsx», лист «Документы», ячейка ${address}: в поле «Дата» должна быть дата в виде ДД.ММ.ГГГГ, введено «вчера».`,
    );
    expect(run.code).toBe(1);
    expect(readdirSync(out).filter((f) => f.endsWith('.docx'))).toHaveLength(1);
  });

  it('exits 2 with nothing to make when the only letter was left out for its bad date', async () => {
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Документы');
      ws.getCell(addressOf(ws, 'Код', 'd5112', 'Дата')).value = 'вчера';
    });
    const run = kaskad('generate', 'letter', '--data', data, '-o', join(dir, 'out'));
    expect(run.out).toContain(
      'ни одного документа по шаблону «letter»: его записи пропущены из-за ошибок в данных — 1\u00a0ошибка (перечислены выше). Исправьте их и запустите снова.',
    );
    expect(run.out).not.toContain('в данных нет ни одной записи');
    expect(run.code).toBe(2);
  });

  it("exits 2 with TEMPLATE_UNKNOWN's text and the list of templates for `generate nosuch`", () => {
    const out = join(dir, 'out');
    const run = kaskad('generate', 'nosuch', '--data', SAMPLE_XLSX, '-o', out);
    expect(run.out).toContain(`✖ Шаблон «nosuch»: нет шаблона «nosuch». Доступные шаблоны: ${KNOWN.join(', ')}.`);
    expect(KNOWN).toEqual(expect.arrayContaining(['letter', 'letter-schedule', 'seminar-letter', 'order', 'roadmap', 'mailing', 'tech-card']));
    expect(run.code).toBe(2);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("exits 2 with FILE_NOT_WORKBOOK's text for a text file named .xlsx", () => {
    const data = join(dir, 'notes.xlsx');
    writeFileSync(data, 'просто текст', 'utf8');
    const run = kaskad('generate', 'letter', '--data', data, '-o', join(dir, 'out'));
    expect(run.out).toContain('Файл «notes.xlsx»: файл не является книгой Excel (.xlsx).');
    // One stream: findings go to stdout with the results; stderr stays for usage and internal errors.
    expect(run.err).toBe('');
    expect(run.code).toBe(2);
  });

  it('exits 1 and names each kept file on a second run without --force', () => {
    const out = join(dir, 'out');
    expect(kaskad('generate', 'letter', '--data', SAMPLE_XLSX, '-o', out).code).toBe(0);
    const before = readFileSync(join(out, readdirSync(out)[0]!));
    const run = kaskad('generate', 'letter', '--data', SAMPLE_XLSX, '-o', out);
    expect(run.out).toContain('Пропущено «d5112»:');
    expect(run.out).toContain('«Письмо № 5112 от 31.05.2022.docx» уже существует и не перезаписан');
    expect(run.code).toBe(1);
    expect(readFileSync(join(out, readdirSync(out)[0]!)).equals(before)).toBe(true);
  });

  it('exits 2 for a missing required option', () => {
    const run = kaskad('generate', 'letter', '-o', join(dir, 'out'));
    expect(run.err).toContain('--data');
    expect(run.code).toBe(2);
  });

  it('prints the result as JSON with --json', () => {
    const run = kaskad('generate', 'letter', '--data', SAMPLE_XLSX, '-o', join(dir, 'out'), '--json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { exitCode: number; made: string[]; skipped: unknown[]; issues: unknown[] };
    expect(result).toMatchObject({ exitCode: 0, skipped: [], issues: [] });
    expect(result.made).toHaveLength(1);
  });
});

describe('kaskad templates', () => {
  it('lists every template of the catalogue (the 7 document templates among them) with its tags as JSON', () => {
    const run = kaskad('templates', '--json');
    expect(run.code).toBe(0);
    const list = JSON.parse(run.out) as Array<{ id: string; each: string; tags: string[] }>;
    expect(list.map((t) => t.id)).toEqual(KNOWN);
    expect(KNOWN.slice(0, 7)).toEqual(['letter', 'letter-schedule', 'seminar-letter', 'order', 'roadmap', 'mailing', 'tech-card']);
    for (const t of list) expect(t.tags.length).toBeGreaterThan(0);
    expect(list.find((t) => t.id === 'letter')?.tags).toEqual(expect.arrayContaining(['subject', '#body', 'signatory.name']));
    expect(list.find((t) => t.id === 'mailing')?.each).toBe('municipality');
  });
});

describe('kaskad schema', () => {
  it('prints the JSON Schema of the dataset with «documents»', () => {
    const run = kaskad('schema');
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.out) as {
      type: string;
      properties: Record<string, { type: string; items?: { required?: string[] } }>;
      required: string[];
    };
    expect(schema.type).toBe('object');
    expect(schema.properties.documents?.type).toBe('array');
    expect(schema.properties.documents?.items?.required).toEqual(expect.arrayContaining(['id', 'organisationId', 'kind', 'template']));
    expect(schema.required).toEqual(expect.arrayContaining(['documents', 'schools', 'municipalities']));
  });
});

describe('help in Russian', () => {
  it("writes usage lines with Russian placeholders, not commander's English", () => {
    const program = buildProgram();
    const generate = program.commands.find((c) => c.name() === 'generate')!;
    const help = generate.helpInformation();
    expect(help).toContain('Вызов: kaskad generate [параметры] <шаблон>');
    expect(help).toContain('--data <файл>');
    expect(help).not.toMatch(/\[options\]|\[command\]|<file>|<dir>/);
    expect(program.helpInformation()).toContain('Вызов: kaskad [параметры] [команда]');
  });
});
