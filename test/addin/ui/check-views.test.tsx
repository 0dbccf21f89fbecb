/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { readSnapshot, type WorkbookSnapshot } from '../../../core/forms/snapshot';
import { openWorkbook } from '../../../core/workbook/open-workbook';
import type { Issue } from '../../../core/issues';
import { checkSnapshot } from '../../../core/usecases/check-workbook';
import { formDefinitions } from '../../../addin/app/definitions';
import type { ExcelSession } from '../../../addin/app/excel-session';
import type { CheckedFile, CheckedFiles } from '../../../addin/app/use-checked-files';
import { NO_CAPABILITIES, type ExcelCapabilities } from '../../../addin/excel/capabilities';
import { App } from '../../../addin/ui/App';
import { BrowserCheckView } from '../../../addin/ui/BrowserCheckView';
import { ROOT, SAMPLE_XLSX } from '../../helpers/sample-workbook';
import { primePaneCatalogue } from '../../helpers/pane-catalogue';

// The pane's catalogue, as it loads dist/forms at start.
beforeAll(() => primePaneCatalogue());

const withTheme = (ui: ReactElement) => <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>;

async function snapshotOf(name: string): Promise<WorkbookSnapshot> {
  const opened = await openWorkbook(new Uint8Array(readFileSync(join(ROOT, 'templates', 'forms', 'samples', 'F1', name))), name);
  if (!opened.ok) throw new Error(name);
  return readSnapshot(opened.workbook);
}

async function checkedFile(id: number, name: string): Promise<CheckedFile> {
  const snapshot = await snapshotOf(name);
  return { id, name, bytes: new Uint8Array(), snapshot, outcome: checkSnapshot(snapshot, name, formDefinitions()) };
}

const staticFiles = (files: CheckedFile[]): CheckedFiles => ({ files, open: async () => [], remove: () => undefined, clear: () => undefined });

describe('«Проверка» in browser mode', () => {
  it('shows the Russian finding under its sheet; a click shows the cell in the preview and focuses it', async () => {
    render(withTheme(<BrowserCheckView checked={staticFiles([await checkedFile(1, 'F1-mo05.xlsx')])} />));
    expect(screen.getByTestId('check-counts').textContent).toBe('1\u00a0ошибка');
    expect(screen.getByRole('heading', { name: 'Лист «Карта мониторинга»' })).toBeTruthy();
    const finding = screen.getByTestId('finding');
    expect(finding.getAttribute('data-code')).toBe('FORM_NOT_PERCENT');
    expect(finding.textContent).toContain('C20:');
    expect(finding.textContent).toContain('доля должна быть от 0 до 100 %, введено «120»');
    expect(screen.queryByTestId('sheet-preview')).toBeNull();

    fireEvent.click(within(finding).getByRole('button'));
    const preview = screen.getByTestId('sheet-preview');
    const cell = preview.querySelector('td[data-address="C20"]') as HTMLElement;
    expect(document.activeElement).toBe(cell);
    expect(cell.style.backgroundColor).toBe('rgb(255, 199, 206)');
    expect(within(preview).getByText('Лист «Карта мониторинга», ячейка C20')).toBeTruthy();
  });

  it('shows the score card with the total and the level', async () => {
    render(withTheme(<BrowserCheckView checked={staticFiles([await checkedFile(1, 'F1-mo01.xlsx')])} />));
    expect(screen.getByTestId('check-counts').textContent).toBe('Замечаний нет');
    const card = screen.getByTestId('score-card');
    expect(card.textContent).toMatch(/Итого: \d+(,\d)? из \d+/);
    expect(within(card).getAllByRole('row').length).toBeGreaterThan(2);
  });

  it('lists several files with their counts and switches between them', async () => {
    const files = [await checkedFile(1, 'F1-mo01.xlsx'), await checkedFile(2, 'F1-mo02.xlsx')];
    render(withTheme(<BrowserCheckView checked={staticFiles(files)} />));
    expect(screen.getByTestId('check-status').textContent).toBe('Проверено файлов: 2');
    const rows = screen.getAllByTestId('checked-file');
    expect(rows.map((r) => r.querySelectorAll('td')[2]?.textContent)).toEqual(['0', '1']);
    expect(rows.map((r) => r.querySelectorAll('td')[1]?.textContent)).toEqual(['F1 (2024)', 'F1 (2024)']);
    expect(rows[0]!.querySelectorAll('td')[4]?.textContent).toMatch(/^\d+(,\d)? из 38$/);
    expect(screen.getByTestId('batch-summary').textContent).toBe('с ошибками — 1\u00a0файл, без замечаний — 1\u00a0файл.');
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'F1-mo01.xlsx' }));
    expect(screen.getByTestId('check-counts').textContent).toBe('Замечаний нет');
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'F1-mo02.xlsx' }));
    expect(screen.getByTestId('finding').getAttribute('data-address')).toBe('C8');
  });
});

/** A session that records what the pane asked of Excel; the gateway's own tests count the syncs. */
function recordingSession(snapshot: WorkbookSnapshot, capabilities: Partial<ExcelCapabilities> = {}) {
  const calls: string[] = [];
  let highlighted = false;
  const session: ExcelSession = {
    capabilities: { ...NO_CAPABILITIES, usedRangeOrNullObject: true, addWorksheets: true, ...capabilities },
    get highlighted() {
      return highlighted;
    },
    skippedMerges: [],
    read: async () => {
      calls.push('read');
      return snapshot;
    },
    loadHighlights: async () => {
      calls.push('loadHighlights');
      return false;
    },
    highlight: async (issues: readonly Issue[]) => {
      calls.push(`highlight:${issues.map((i) => (i.location.kind === 'cell' ? i.location.address : '')).join(',')}`);
      highlighted = issues.length > 0;
    },
    clearHighlights: async () => {
      calls.push('clear');
      highlighted = false;
      return { restored: 1, leftAlone: 0 };
    },
    select: async (sheet, address) => {
      calls.push(`select:${sheet}!${address}`);
      return sheet === 'Списки' ? 'hidden' : 'selected';
    },
    writeSummary: async (rows) => {
      calls.push(`summary:${rows.length}`);
    },
    watch: async () => {
      calls.push('watch');
      return {
        mode: 'workbook',
        pause: () => undefined,
        resume: () => undefined,
        stop: async () => {
          calls.push('unwatch');
        },
      };
    },
    insertBlank: async () => ({ inserted: [] }),
  };
  return { session, calls };
}

const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

describe('the pane inside Excel', () => {
  it('checks the open workbook at once without writing, selects a clicked cell, highlights only when asked, clears and writes the summary', async () => {
    const { session, calls } = recordingSession(await snapshotOf('F1-mo05.xlsx'), {
      setCellProperties: true,
      collectionChangedEvents: true,
      worksheetChangedEvents: true,
    });
    render(
      <App
        host={{ mode: 'excel', capabilities: session.capabilities, tier: 'full', missing: [], platform: 'PC' }}
        session={session}
        view="check"
        browserPageUrl="https://kaskad.example.ru/taskpane.html"
      />,
    );
    await flush();
    await flush();
    expect(screen.getByTestId('pane-mode').textContent).toBe('в Excel');
    expect(calls.filter((c) => c !== 'watch')).toEqual(['loadHighlights', 'read']);
    expect(calls).toContain('watch');
    expect(screen.getByTestId('check-status').textContent).toBe('Проверено. После правки книга проверится снова.');
    expect(screen.getByTestId('undo-hint').textContent).toBe(
      'Проверка ничего не меняет в книге. Подсветка меняет заливку ячеек, и Excel при этом очищает журнал отмены: прежние правки кнопкой «Отменить» (Ctrl+Z) уже не отменить.',
    );
    expect(screen.getByTestId('watch-hint').textContent).toMatch(/раскрывающегося списка.*нажмите «Проверить»/);
    expect(screen.getByRole('button', { name: 'Снять подсветку' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(screen.getByTestId('finding')).getByRole('button'));
    await flush();
    expect(calls).toContain('select:Карта мониторинга!C20');
    expect(screen.queryByTestId('sheet-preview')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Подсветить ячейки' }));
    await flush();
    expect(calls).toContain('highlight:C20');
    expect(screen.getByTestId('check-note').textContent).toBe('Подсвечено ячеек: 1.');

    fireEvent.click(screen.getByRole('button', { name: 'Снять подсветку' }));
    await flush();
    expect(calls).toContain('clear');
    expect(screen.getByText('Подсветка снята: у ячеек прежняя заливка.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Записать лист «Итоги проверки»' }));
    await flush();
    expect(calls.some((c) => /^summary:\d+$/.test(c))).toBe(true);
  });

  it('a finding on a hidden sheet: a click says «лист скрыт — покажите его» instead of failing', async () => {
    const { session, calls } = recordingSession(await snapshotOf('F1-mo05.xlsx'));
    session.select = async (sheet, address) => {
      calls.push(`select:${sheet}!${address}`);
      return 'hidden';
    };
    render(
      <App
        host={{ mode: 'excel', capabilities: session.capabilities, tier: 'partial', missing: [], platform: 'PC' }}
        session={session}
        view="check"
        browserPageUrl="https://x.ru/taskpane.html"
      />,
    );
    await flush();
    await flush();
    fireEvent.click(within(screen.getByTestId('finding')).getByRole('button'));
    await flush();
    expect(calls).toContain('select:Карта мониторинга!C20');
    expect(screen.getByTestId('check-note').textContent).toBe(
      'Лист «Карта мониторинга» скрыт — покажите его (правый щелчок по ярлыку листа → «Показать»), чтобы перейти к ячейке.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on a host without change events: no auto re-check switch, and the degradation is said', async () => {
    const { session, calls } = recordingSession(await snapshotOf('F1-mo01.xlsx'));
    const missing = ['Эта версия Excel не сообщает об изменениях ячеек: нажмите «Проверить» после правки.'];
    render(
      <App
        host={{ mode: 'excel', capabilities: session.capabilities, tier: 'partial', missing, platform: 'PC' }}
        session={session}
        view="check"
        browserPageUrl="https://x.ru/taskpane.html"
      />,
    );
    await flush();
    expect(screen.getByText(missing[0]!)).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(calls).not.toContain('watch');
    expect(screen.getByTestId('check-status').textContent).toBe('Проверено.');
    expect(screen.getByRole('button', { name: 'Проверить' })).toBeTruthy();
    expect(screen.getByTestId('watch-hint').textContent).toBe('Правки сами не отслеживаются: после правки нажмите «Проверить».');
  });

  it('on Excel below ExcelApi 1.4 sends the user to the browser page and never reads the workbook', async () => {
    const { session, calls } = recordingSession(await snapshotOf('F1-mo01.xlsx'), { usedRangeOrNullObject: false });
    render(
      <App
        host={{ mode: 'excel', capabilities: session.capabilities, tier: 'none', missing: ['нужен ExcelApi 1.4'], platform: 'PC' }}
        session={session}
        view="check"
        browserPageUrl="https://kaskad.example.ru/taskpane.html"
      />,
    );
    await flush();
    expect(calls).toEqual([]);
    expect(screen.getByText(/откройте её на странице «Каскада» в браузере: https:\/\/kaskad\.example\.ru\/taskpane\.html/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Бланки' }));
    expect((await screen.findAllByRole('button', { name: 'Скачать бланк' })).length).toBe(formDefinitions().length);
    expect(screen.queryByRole('button', { name: 'Добавить в эту книгу' })).toBeNull();
  });

  it('«Документы» reads the open data workbook by itself and saves the batch as one zip', async () => {
    const opened = await openWorkbook(new Uint8Array(readFileSync(SAMPLE_XLSX)), 'sample-region.xlsx');
    if (!opened.ok) throw new Error('sample');
    const { session, calls } = recordingSession(readSnapshot(opened.workbook));
    const fetched: string[] = [];
    const saved: Blob[] = [];
    const scope = window as unknown as { fetch: unknown; URL: { createObjectURL: unknown; revokeObjectURL: unknown } };
    scope.fetch = async (url: string) => {
      fetched.push(url);
      const file = join(ROOT, 'templates', 'documents', decodeURIComponent(url.split('/').pop()!));
      const bytes = readFileSync(file);
      return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    };
    scope.URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:x';
    };
    scope.URL.revokeObjectURL = () => undefined;
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });

    render(
      <App
        host={{ mode: 'excel', capabilities: session.capabilities, tier: 'partial', missing: [], platform: 'PC' }}
        session={session}
        view="documents"
        browserPageUrl="https://kaskad.example.ru/taskpane.html"
      />,
    );
    expect(await screen.findByTestId('data-source', {}, { timeout: 10_000 })).toBeTruthy();
    expect(calls.filter((c) => c === 'read').length).toBeGreaterThanOrEqual(1);
    const status = await screen.findByTestId('documents-status', {}, { timeout: 10_000 });
    expect(status.textContent).toMatch(/^Готово: \d+\u00a0документ(а|ов)? из \d+$/);
    expect(fetched[0]).toMatch(/\/templates\/letter\.docx$/);

    fireEvent.click(screen.getByTestId('save-all'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(['application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']).toContain(saved[0]!.type);
    expect(names).toEqual([
      saved[0]!.type === 'application/zip' ? 'Информационное письмо на бланке — документы.zip' : expect.stringMatching(/^Письмо № .+\.docx$/),
    ]);
    click.mockRestore();
    expect(
      screen.getByText(/Если Excel не сохранил файл, откройте эту же страницу в браузере: https:\/\/kaskad\.example\.ru\/taskpane\.html/),
    ).toBeTruthy();
  });

  it('opens on the view a ribbon button asked for', async () => {
    render(<App host={{ mode: 'browser' }} view="documents" browserPageUrl="https://x.ru/taskpane.html" />);
    expect(screen.getByRole('tab', { name: 'Документы', selected: true })).toBeTruthy();
    expect(screen.getByText('Откройте книгу данных, чтобы увидеть, какие документы получатся.')).toBeTruthy();
  });
});
