import { zipCodec, fflateBoundedInflate } from '../../../core/zip/codec';
import { readZipEntries, ZipFormatError } from '../../../core/zip/read-zip';
import { newBudget, unpackEntry, ZipLimitError } from '../../../core/zip/unpack';
import { writeZip } from '../../../core/zip/write-zip';
import { countSheetCells, rangeArea } from '../../../core/workbook/sheet-size';
import { bombBytes, rawEntry, sheetXml, zeroBomb } from '../../helpers/hostile-zip';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('unpackEntry (the pure fflate path the page uses)', () => {
  it('gives back what was packed, counting the bytes against the budget', () => {
    const [entry] = readZipEntries(writeZip([{ name: 'a.xml', data: bytes('<a>'.repeat(1000)) }]));
    const budget = newBudget({ maxBytes: 10_000, maxRatio: 500 });
    expect(new TextDecoder().decode(unpackEntry(entry!, budget, fflateBoundedInflate))).toBe('<a>'.repeat(1000));
    expect(budget.used).toBe(3000);
  });

  it('stops a forged part one byte past its declared size, whatever it would inflate to', () => {
    const [entry] = readZipEntries(writeZip([rawEntry('s.xml', zeroBomb(8), 100)]));
    const seen: number[] = [];
    const counting = (raw: Uint8Array, max: number) => {
      seen.push(max);
      return fflateBoundedInflate(raw, max);
    };
    expect(() => unpackEntry(entry!, newBudget({ maxBytes: 1e9, maxRatio: 1e6 }), counting)).toThrow(ZipFormatError);
    expect(seen).toEqual([101]);
  });

  it('refuses by the declared total and by the ratio before inflating', () => {
    const [entry] = readZipEntries(writeZip([rawEntry('s.xml', zeroBomb(2), bombBytes(2))]));
    const never = () => {
      throw new Error('inflated');
    };
    expect(() => unpackEntry(entry!, newBudget({ maxBytes: 1024 * 1024, maxRatio: 1e6 }), never)).toThrow(expect.objectContaining({ kind: 'total' }));
    expect(() => unpackEntry(entry!, newBudget({ maxBytes: 1e9, maxRatio: 500 }), never)).toThrow(ZipLimitError);
  });

  it('the default codec is the pure one until a door replaces it', () => {
    expect(zipCodec().inflateRaw).toBe(fflateBoundedInflate);
  });
});

describe('countSheetCells', () => {
  it('counts rows and cells, with or without a namespace prefix', () => {
    expect(countSheetCells(bytes(sheetXml(3, 4)))).toBe(3 + 12);
    expect(
      countSheetCells(
        bytes('<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"/><x:c r="B1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'),
      ),
    ).toBe(3);
    // <col>, <cols>, <cfRule> and <conditionalFormatting> are not cells.
    expect(countSheetCells(bytes('<worksheet><cols><col min="1" max="5"/></cols><sheetData/></worksheet>'))).toBe(0);
  });

  it('adds the area of merged and validated ranges', () => {
    expect(rangeArea('A1:B2 C5')).toBe(5);
    expect(rangeArea('$A$1:$XFD$1048576')).toBe(16384 * 1048576);
    expect(
      countSheetCells(
        bytes(
          '<worksheet><sheetData/><mergeCells><mergeCell ref="A1:C3"/></mergeCells><dataValidations><dataValidation type="list" sqref="D1:D10 F2"/></dataValidations></worksheet>',
        ),
      ),
    ).toBe(9 + 11);
  });

  it('stops counting once past the limit', () => {
    expect(countSheetCells(bytes(sheetXml(1000, 10)), 50)).toBeLessThan(100);
  });
});
