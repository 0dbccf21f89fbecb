/** @jest-environment jsdom */
/**
 * The pane's «Документы» counts as `kaskad generate` does: after a data error that left none of the
 * template's records it says so and how many errors (listed above the line), never «Готово: 0
 * документов из 0»; a document with a missing value is counted as skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readDataWorkbook } from '../../../core/workbook/read-data-workbook';
import { DocumentsView, type DataSource } from '../../../addin/ui/DocumentsView';
import { addressOf, makeTempDir, removeTempDir, ROOT, sampleWith, sheetOf } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  primePaneCatalogue();
  (window as unknown as { fetch: unknown }).fetch = async (url: string) => {
    const bytes = readFileSync(join(ROOT, 'templates', 'documents', decodeURIComponent(url.split('/').pop()!)));
    return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
  };
});
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

async function sourceWith(edit: Parameters<typeof sampleWith>[1]): Promise<DataSource> {
  const file = await sampleWith(dir, edit);
  const loaded = await readDataWorkbook(new Uint8Array(readFileSync(file)), 'data.xlsx');
  return { name: 'data.xlsx', dataset: loaded.dataset, issues: loaded.issues };
}

describe('«Документы» counts honestly', () => {
  it('the letter’s only record has an impossible date: the error and «все записи шаблона пропущены», not «0 из 0»', async () => {
    let address = '';
    const source = await sourceWith((wb) => {
      const ws = sheetOf(wb, 'Документы');
      address = addressOf(ws, 'Код', 'd5112', 'Дата');
      ws.getCell(address).value = '31.02.2022';
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <DocumentsView source={source} />
      </FluentProvider>,
    );
    // Without d5112 the view opens on another template the data uses: choose the letter.
    await screen.findByTestId('documents-status', {}, { timeout: 20_000 });
    fireEvent.change(screen.getByTestId('template-select'), { target: { value: 'letter' } });
    await waitFor(() => expect(screen.getByTestId('documents-status').textContent).toMatch(/пропущены/), { timeout: 20_000 });
    const status = screen.getByTestId('documents-status');
    expect(status.textContent).toBe(
      'Готово: 0\u00a0документов — все записи шаблона пропущены из-за ошибок в данных (1\u00a0ошибка, перечислены выше).',
    );
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      `✖ Файл «data.xlsx», лист «Документы», ячейка ${address}: в поле «Дата» дата «31.02.2022» не существует: в феврале 2022 года 28 дней.`,
      '✖ Шаблон «letter»: ни одного документа по шаблону «letter»: его записи пропущены из-за ошибок в данных — 1\u00a0ошибка (перечислены выше). Исправьте их и запустите снова.',
    ]);
  });

  it('a letter without its signatory’s position is skipped and counted: «из 1, пропущено 1»', async () => {
    const source = await sourceWith(() => undefined);
    const doc = source.dataset.documents.find((d) => d.id === 'd5112')!;
    doc.signatoryId = undefined;
    doc.signatoryPosition = undefined;
    render(
      <FluentProvider theme={webLightTheme}>
        <DocumentsView source={source} />
      </FluentProvider>,
    );
    const status = await screen.findByTestId('documents-status', {}, { timeout: 20_000 });
    expect(status.textContent).toBe('Готово: 0\u00a0документов из 1, пропущено 1 (причины — у документов в списке)');
  });
});
