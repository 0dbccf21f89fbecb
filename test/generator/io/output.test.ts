import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openOutput, TEMP_PREFIX, writeFileAtomic, type OutputBatch, type OutputOptions } from '../../../generator/io/output';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const read = (file: string): string => fs.readFileSync(file, 'utf8');
/** What a user sees in the folder: everything except our hidden temporary folder. */
const visible = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((n) => !n.startsWith(TEMP_PREFIX))
    .sort();
const temps = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-output-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function open(target: string, options: OutputOptions = {}): Promise<OutputBatch> {
  const opened = await openOutput(target, options);
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('; '));
  return opened.output;
}

describe('пакет документов пишется в папку атомарно', () => {
  test('до commit в папке нет документов; после — все на месте, временной папки нет', async () => {
    const out = await open(dir);
    expect(await out.write('Письмо № 04-335.docx', bytes('первое'))).toBeUndefined();
    expect(await out.write('МБОУ «СОШ № 12».docx', bytes('второе'))).toBeUndefined();
    expect(visible(dir)).toEqual([]);
    expect(temps(dir)).toHaveLength(1);

    const result = await out.commit();
    expect(result.issues).toEqual([]);
    expect(result.written).toEqual([path.join(dir, 'Письмо № 04-335.docx'), path.join(dir, 'МБОУ «СОШ № 12».docx')]);
    expect(read(path.join(dir, 'МБОУ «СОШ № 12».docx'))).toBe('второе');
    expect(temps(dir)).toEqual([]);
  });

  test('папка создаётся, если её нет', async () => {
    const nested = path.join(dir, 'Письма', '2024');
    const out = await open(nested);
    await out.write('a.docx', bytes('a'));
    await out.commit();
    expect(visible(nested)).toEqual(['a.docx']);
  });

  test('существующий файл без force не перезаписывается: OUTPUT_EXISTS с путём файла', async () => {
    const kept = path.join(dir, 'Письмо.docx');
    fs.writeFileSync(kept, 'старое');
    const out = await open(dir);
    await out.write('Письмо.docx', bytes('новое'));
    await out.write('Справка.docx', bytes('справка'));
    const result = await out.commit();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'OUTPUT_EXISTS', severity: 'error', location: { kind: 'file', file: kept } });
    expect(result.issues[0]?.message).toContain('«Письмо.docx»');
    expect(result.written).toEqual([path.join(dir, 'Справка.docx')]);
    expect(read(kept)).toBe('старое');
    expect(read(path.join(dir, 'Справка.docx'))).toBe('справка');
    expect(temps(dir)).toEqual([]);
  });

  test('с force существующий файл заменяется', async () => {
    const replaced = path.join(dir, 'Письмо.docx');
    fs.writeFileSync(replaced, 'старое');
    const out = await open(dir, { force: true });
    await out.write('Письмо.docx', bytes('новое'));
    const result = await out.commit();
    expect(result).toEqual({ written: [replaced], issues: [] });
    expect(read(replaced)).toBe('новое');
  });

  test('exists и conflict сообщают о занятом имени до отрисовки документа', async () => {
    fs.writeFileSync(path.join(dir, 'Письмо.docx'), 'старое');
    const out = await open(dir);
    expect(await out.exists('Письмо.docx')).toBe(true);
    expect(await out.exists('Справка.docx')).toBe(false);
    expect(await out.conflict('Письмо.docx')).toMatchObject({
      code: 'OUTPUT_EXISTS',
      location: { kind: 'file', file: path.join(dir, 'Письмо.docx') },
    });
    expect(await out.conflict('Справка.docx')).toBeUndefined();
    const forced = await open(dir, { force: true });
    expect(await forced.conflict('Письмо.docx')).toBeUndefined();
    await out.abort();
    await forced.abort();
  });

  test('abort убирает всё написанное и временную папку', async () => {
    const out = await open(dir);
    await out.write('a.docx', bytes('a'));
    await out.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
    await expect(out.write('b.docx', bytes('b'))).rejects.toThrow(/committed or aborted/);
  });

  test('сбой посреди пакета не оставляет среди результатов ни одного файла', async () => {
    const out = await open(dir);
    const makeAll = async (): Promise<void> => {
      for (let i = 1; i <= 5; i++) {
        if (i === 4) throw new Error('отрисовка упала');
        await out.write(`Документ ${i}.docx`, bytes(`документ ${i}`));
      }
      await out.commit();
    };
    await expect(makeAll()).rejects.toThrow('отрисовка упала');
    // As after a crash: the three finished documents wait in the hidden folder only.
    expect(visible(dir)).toEqual([]);
    await out.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('файл, который не удалось переместить, — OUTPUT_UNWRITABLE, остальные на месте', async () => {
    fs.mkdirSync(path.join(dir, 'Письмо.docx')); // a folder where the document should go
    const out = await open(dir, { force: true });
    await out.write('Письмо.docx', bytes('новое'));
    await out.write('Справка.docx', bytes('справка'));
    const result = await out.commit();
    expect(result.issues.map((i) => [i.code, i.location])).toEqual([['OUTPUT_UNWRITABLE', { kind: 'file', file: path.join(dir, 'Письмо.docx') }]]);
    expect(result.written).toEqual([path.join(dir, 'Справка.docx')]);
    expect(temps(dir)).toEqual([]);
  });

  test('папка вывода, которая на деле файл, — OUTPUT_UNWRITABLE «вместо папки стоит файл»', async () => {
    const file = path.join(dir, 'вывод');
    fs.writeFileSync(file, '');
    const opened = await openOutput(file);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.issues).toEqual([expect.objectContaining({ code: 'OUTPUT_UNWRITABLE', location: { kind: 'file', file } })]);
    expect(opened.issues[0]?.message).toContain('в пути вместо папки стоит файл');
  });

  test.each(['../a.docx', 'sub/a.docx', '', '..', `${TEMP_PREFIX}x`])('имя «%s» с путём отвергается', async (name) => {
    const out = await open(dir);
    await expect(out.write(name, bytes('x'))).rejects.toThrow(/plain file name/);
    await out.abort();
  });
});

describe('один файл пишется атомарно', () => {
  test('новый файл появляется целиком, временных файлов не остаётся', async () => {
    const file = path.join(dir, 'Архив писем.zip');
    expect(await writeFileAtomic(file, bytes('PK'))).toBeUndefined();
    expect(read(file)).toBe('PK');
    expect(fs.readdirSync(dir)).toEqual(['Архив писем.zip']);
  });

  test('без force существующий файл сохраняется: OUTPUT_EXISTS', async () => {
    const file = path.join(dir, 'Итоги.xlsx');
    fs.writeFileSync(file, 'старое');
    expect(await writeFileAtomic(file, bytes('новое'))).toMatchObject({ code: 'OUTPUT_EXISTS', location: { kind: 'file', file } });
    expect(read(file)).toBe('старое');
    expect(fs.readdirSync(dir)).toEqual(['Итоги.xlsx']);
  });

  test('с force заменяется', async () => {
    const file = path.join(dir, 'Итоги.xlsx');
    fs.writeFileSync(file, 'старое');
    expect(await writeFileAtomic(file, bytes('новое'), { force: true })).toBeUndefined();
    expect(read(file)).toBe('новое');
    expect(fs.readdirSync(dir)).toEqual(['Итоги.xlsx']);
  });

  test('недостающие папки создаются', async () => {
    const file = path.join(dir, 'a', 'b', 'Итоги.xlsx');
    expect(await writeFileAtomic(file, bytes('x'))).toBeUndefined();
    expect(read(file)).toBe('x');
  });

  test('запись в папку, которая на деле файл, — OUTPUT_UNWRITABLE, без исключения', async () => {
    fs.writeFileSync(path.join(dir, 'a'), '');
    const file = path.join(dir, 'a', 'Итоги.xlsx');
    expect(await writeFileAtomic(file, bytes('x'))).toMatchObject({ code: 'OUTPUT_UNWRITABLE', location: { kind: 'file', file } });
  });
});
