import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { moveIntoPlace, openOutput } from '../../../generator/io/output';

// A FAT flash drive or a network share: link() is refused, the fallback must still keep old files.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  const refuse = (): Promise<never> => Promise.reject(Object.assign(new Error('operation not permitted'), { code: 'EPERM' }));
  return { ...actual, link: jest.fn(refuse) };
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaskad-nolink-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('папка без жёстких ссылок', () => {
  test('новые файлы переносятся, существующий остаётся с OUTPUT_EXISTS', async () => {
    fs.writeFileSync(path.join(dir, 'Письмо.docx'), 'старое');
    const opened = await openOutput(dir);
    if (!opened.ok) throw new Error('папка не открылась');
    await opened.output.write('Письмо.docx', new TextEncoder().encode('новое'));
    await opened.output.write('Справка.docx', new TextEncoder().encode('справка'));
    const result = await opened.output.commit();
    expect(result.issues.map((i) => [i.code, i.location])).toEqual([['OUTPUT_EXISTS', { kind: 'file', file: path.join(dir, 'Письмо.docx') }]]);
    expect(result.written).toEqual([path.join(dir, 'Справка.docx')]);
    expect(fs.readFileSync(path.join(dir, 'Письмо.docx'), 'utf8')).toBe('старое');
    expect(fs.readdirSync(dir).sort()).toEqual(['Письмо.docx', 'Справка.docx']);
  });

  test('moveIntoPlace переносит файл переименованием', async () => {
    const from = path.join(dir, 'a.tmp');
    fs.writeFileSync(from, 'x');
    expect(await moveIntoPlace(from, path.join(dir, 'a.docx'), false)).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual(['a.docx']);
    expect(fsp.link).toHaveBeenCalled();
  });
});
