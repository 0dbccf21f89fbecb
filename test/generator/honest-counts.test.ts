import { join } from 'node:path';
import { formatIssue } from '../../core/issues';
import { generateSummary } from '../../core/render/honest-counts';
import { generate } from '../../generator/generate';
import { addressOf, makeTempDir, removeTempDir, SAMPLE_XLSX, sampleWith, sheetOf } from '../helpers/sample-workbook';

jest.setTimeout(90_000);
let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

describe('honest counts in the closing line', () => {
  test('documents and PDFs apart', () => {
    const made = [...Array.from({ length: 43 }, (_, i) => `out/Письмо ${i}.docx`), ...Array.from({ length: 43 }, (_, i) => `out/Письмо ${i}.pdf`)];
    expect(generateSummary(made, undefined, 0, 2100)).toBe('Готово: создано 43\u00a0документа и 43\u00a0PDF, пропущено 0, время 2,1 с.');
    expect(generateSummary(['out/a.docx'], undefined, 0, 500)).toBe('Готово: создано 1\u00a0документ, пропущено 0, время 0,5 с.');
  });

  test('skipped records say where the reasons are', () => {
    expect(generateSummary(['out/a.docx'], undefined, 2, 500)).toBe('Готово: создано 1\u00a0документ, пропущено 2 (причины — выше), время 0,5 с.');
  });

  test('a zip says how many documents it holds', async () => {
    const result = await generate({ template: 'mailing', data: SAMPLE_XLSX, outDir: join(dir, 'out'), zip: true });
    expect(result.exitCode).toBe(0);
    expect(result.zipped).toBe(43);
    expect(generateSummary(result.made, result.zipped, 0, 1000)).toBe(
      `Готово: создан архив «${result.made[0]!.split(/[\\/]/).pop()}», в нём 43\u00a0документа, пропущено 0, время 1 с.`,
    );
  });

  test('«31.02.2022» in the data workbook: the day does not exist, the letter is not made, and the reason is not «нет ни одной записи»', async () => {
    let address = '';
    const data = await sampleWith(dir, (wb) => {
      const ws = sheetOf(wb, 'Документы');
      address = addressOf(ws, 'Код', 'd5112', 'Дата');
      ws.getCell(address).value = '31.02.2022';
    });
    const result = await generate({ template: 'letter', data, outDir: join(dir, 'out') });
    expect(result.exitCode).toBe(2);
    expect(result.issues.map(formatIssue)).toEqual([
      `✖ Файл «data.xlsx», лист «Документы», ячейка ${address}: в поле «Дата» дата «31.02.2022» не существует: в феврале 2022 года 28 дней.`,
      '✖ Шаблон «letter»: ни одного документа по шаблону «letter»: его записи пропущены из-за ошибок в данных — 1\u00a0ошибка (перечислены выше). Исправьте их и запустите снова.',
    ]);
  });
});
