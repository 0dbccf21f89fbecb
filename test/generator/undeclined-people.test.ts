import { join } from 'node:path';
import { formatIssue } from '../../core/issues';
import { generate } from '../../generator/generate';
import { addressOf, makeTempDir, removeTempDir, sampleWith, sheetOf } from '../helpers/sample-workbook';

jest.setTimeout(60_000);
let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

test('a person whose gender nothing tells: the documents are made, and a warning names the row’s «Пол» cell', async () => {
  let address = '';
  let lastName = '';
  const data = await sampleWith(dir, (wb) => {
    const ws = sheetOf(wb, 'Люди');
    const id = String(ws.getCell('A2').value);
    lastName = String(ws.getCell(addressOf(ws, 'Код', id, 'Фамилия')).value);
    ws.getCell(addressOf(ws, 'Код', id, 'Имя')).value = 'Саша';
    ws.getCell(addressOf(ws, 'Код', id, 'Отчество')).value = null;
    address = addressOf(ws, 'Код', id, 'Пол');
  });
  const result = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
  expect(result.exitCode).toBe(0);
  expect(result.made).toHaveLength(1);
  expect(result.issues.map(formatIssue)).toEqual([
    `⚠ Файл «data.xlsx», лист «Люди», ячейка ${address}: «${lastName} Саша»: пол не определить ни по отчеству, ни по имени, поэтому фамилия «${lastName}» в документах останется несклонённой. Укажите «м» или «ж» в столбце «Пол».`,
  ]);
});
