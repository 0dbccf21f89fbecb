import * as zlib from 'node:zlib';
import { crc32 } from '../../../core/zip/crc32';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('CRC-32 частей архива', () => {
  test('контрольное значение «123456789» → 0xCBF43926', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
  });

  test('пустые данные → 0', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  test('совпадает с zlib на тексте документа', () => {
    const text = bytes('<w:t>Приказ министерства образования № 04/335 от 08.02.2024 г.</w:t>'.repeat(50));
    expect(crc32(text)).toBe(zlib.crc32(text));
  });

  test('считается по частям: crc32(b, crc32(a)) = crc32(a + b)', () => {
    const all = bytes('Муниципальное бюджетное общеобразовательное учреждение');
    const a = all.subarray(0, 17);
    const b = all.subarray(17);
    expect(crc32(b, crc32(a))).toBe(crc32(all));
  });

  test('все значения байтов', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(crc32(every)).toBe(zlib.crc32(every));
    expect(crc32(every)).toBe(0x29058c73);
  });
});
