import { readSelection } from '../../addin/excel/read-selection';
import { selectCell } from '../../addin/excel/select-cell';
import { FakeExcel } from './fake-excel';

function workbook(): FakeExcel {
  return new FakeExcel([
    { name: 'Карта мониторинга', cells: { A1: 'Карта' } },
    { name: 'Школы', cells: { A1: 'Школа' } },
  ]);
}

describe('readSelection', () => {
  it('gives the sheet and the cell the user is on, in 1 sync', async () => {
    const excel = workbook();
    excel.selection = { sheet: 'Школы', address: 'B12' };
    expect(await readSelection(excel.context)).toEqual({ sheet: 'Школы', address: 'B12', selection: 'B12' });
    expect(excel.syncs).toBe(1);
    expect(excel.opsOf('load').map((o) => [o.target, o.detail])).toEqual([
      ['selectedRange', 'address'],
      ['selectedRange.worksheet', 'name'],
    ]);
  });

  it('takes the top-left cell of a selected block, without the sheet name Excel puts in the address', async () => {
    const excel = workbook();
    excel.selection = { sheet: 'Карта мониторинга', address: 'C5:F9' };
    expect(await readSelection(excel.context)).toEqual({ sheet: 'Карта мониторинга', address: 'C5', selection: 'C5:F9' });
  });

  it('reads back what selectCell selected', async () => {
    const excel = workbook();
    await selectCell(excel.context, 'Школы', 'D40');
    expect(await readSelection(excel.context)).toEqual({ sheet: 'Школы', address: 'D40', selection: 'D40' });
    expect(excel.syncs).toBe(3);
  });

  it("lets Excel's error through when the selection cannot be read", async () => {
    const excel = workbook();
    excel.selection = { sheet: 'Удалённый лист', address: 'A1' };
    await expect(readSelection(excel.context)).rejects.toThrow('ItemNotFound');
  });
});
