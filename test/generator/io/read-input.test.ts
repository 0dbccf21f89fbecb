import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readInput } from '../../../generator/io/read-input';
import { describeFsError } from '../../../generator/io/fs-errors';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-input-'));
});
afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('чтение входного файла', () => {
  test('байты и имя файла', async () => {
    const file = path.join(dir, 'Данные мониторинга.xlsx');
    fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 3, 4]));
    const result = await readInput(file);
    expect(result).toEqual({ ok: true, bytes: new Uint8Array([0x50, 0x4b, 3, 4]), name: 'Данные мониторинга.xlsx' });
  });

  test('пустой файл читается (о пустоте судит тот, кто его разбирает)', async () => {
    const file = path.join(dir, 'пустой.json');
    fs.writeFileSync(file, '');
    const result = await readInput(file);
    expect(result.ok && result.bytes.length).toBe(0);
  });

  test('нет файла — FILE_UNREADABLE «файл не найден» с путём', async () => {
    const file = path.join(dir, 'нет такого.xlsx');
    const result = await readInput(file);
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'FILE_UNREADABLE', severity: 'error', location: { kind: 'file', file } })],
    });
    expect(!result.ok && result.issues[0]?.message).toBe('файл не удалось прочитать: файл не найден.');
  });

  test('папка вместо файла — «это папка»', async () => {
    const result = await readInput(dir);
    expect(!result.ok && result.issues[0]).toMatchObject({ code: 'FILE_UNREADABLE', location: { kind: 'file', file: dir } });
    expect(!result.ok && result.issues[0]?.message).toContain('это папка');
  });

  (isRoot ? test.skip : test)('нет прав на чтение — «нет доступа»', async () => {
    const file = path.join(dir, 'закрытый.xlsx');
    fs.writeFileSync(file, 'x', { mode: 0o000 });
    const result = await readInput(file);
    expect(!result.ok && result.issues[0]?.message).toContain('нет доступа');
  });

  test('файл вместо папки в пути — понятная причина, без английского текста Node', async () => {
    const file = path.join(dir, 'данные.xlsx');
    fs.writeFileSync(file, 'x');
    const result = await readInput(path.join(file, 'лист.xlsx'));
    expect(!result.ok && result.issues[0]?.message).toBe('файл не удалось прочитать: в пути вместо папки стоит файл.');
  });

  test.each([
    ['ENOENT', 'файл не найден'],
    ['EACCES', 'нет доступа'],
    ['EPERM', 'нет доступа'],
    ['EISDIR', 'это папка'],
    ['ENOSPC', 'на диске нет места'],
    ['EBUSY', 'файл занят другой программой'],
  ])('ошибка %s → «%s»', (code, detail) => {
    expect(describeFsError(Object.assign(new Error('English text'), { code }))).toBe(detail);
  });

  test('неизвестная ошибка называет свой код, а не текст Node', () => {
    expect(describeFsError(Object.assign(new Error('weird'), { code: 'EWEIRD' }))).toBe('ошибка файловой системы EWEIRD');
    expect(describeFsError(new Error('no code'))).toBe('неизвестная ошибка файловой системы');
  });
});
