import { FluentProvider, makeStyles, MessageBar, MessageBarBody, Tab, TabList, tokens, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import type { ExcelSession } from '../app/excel-session';
import type { PaneHost, PaneView } from '../app/host';
import { useCheckedFiles } from '../app/use-checked-files';
import { useExcelCheck } from '../app/use-excel-check';
import { useBlankInsert, useWorkbookData } from '../app/use-workbook-data';
import { BlanksView } from './BlanksView';
import { BrowserCheckView } from './BrowserCheckView';
import { DistributionView } from './DistributionView';
import { DocumentsView, type DataSource } from './DocumentsView';
import { ExcelCheckView } from './ExcelCheckView';

export interface AppProps {
  host: PaneHost;
  /** Inside Excel: the gateway's session; absent in browser mode. */
  session?: ExcelSession;
  view: PaneView;
  browserPageUrl: string;
}

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, marginBlockEnd: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  mode: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Four tabs are wider than a 350 px pane: they wrap to a second line rather than stick out.
  tabs: { marginBlockEnd: tokens.spacingVerticalM, flexWrap: 'wrap' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBlockEnd: tokens.spacingVerticalS },
});

const VIEW_TITLES: Record<PaneView, string> = { check: 'Проверка', documents: 'Документы', blanks: 'Бланки', distribution: 'Распределение' };

export function App({ host, session, view: startView, browserPageUrl }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<PaneView>(startView);
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} aria-label="Каскад">
        <header className={styles.header}>
          <h1 className={styles.title}>Каскад</h1>
          <span className={styles.mode} data-testid="pane-mode">
            {host.mode === 'excel' ? 'в Excel' : 'в браузере'}
          </span>
        </header>
        {host.mode === 'excel' && host.missing.length > 0 && (
          <div className={styles.notices}>
            {host.missing.map((text) => (
              <MessageBar key={text} intent={host.tier === 'none' ? 'error' : 'info'}>
                <MessageBarBody>{text}</MessageBarBody>
              </MessageBar>
            ))}
            {host.tier === 'none' && (
              <MessageBar intent="info">
                <MessageBarBody>Страница для браузера: {browserPageUrl}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        )}
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={view}
          onTabSelect={(_, data) => setView(data.value as PaneView)}
          aria-label="Разделы"
        >
          {(Object.keys(VIEW_TITLES) as PaneView[]).map((v) => (
            <Tab key={v} value={v}>
              {VIEW_TITLES[v]}
            </Tab>
          ))}
        </TabList>
        {host.mode === 'excel' && session && host.tier !== 'none' ? (
          <ExcelPane session={session} view={view} browserPageUrl={browserPageUrl} />
        ) : host.mode === 'excel' ? (
          <BlanksOnly view={view} browserPageUrl={browserPageUrl} />
        ) : (
          <BrowserPane view={view} />
        )}
      </main>
    </FluentProvider>
  );
}

/** Browser mode: workbooks come from disk; what «Проверка» opened is the data «Документы» can use. */
function BrowserPane({ view }: { view: PaneView }) {
  const checked = useCheckedFiles();
  const dataFile = [...checked.files].reverse().find((f) => f.outcome.kind === 'data');
  const source: DataSource | undefined =
    dataFile?.outcome.kind === 'data' ? { name: dataFile.name, dataset: dataFile.outcome.dataset, issues: dataFile.outcome.issues } : undefined;
  return (
    <>
      <div hidden={view !== 'check'}>
        <BrowserCheckView checked={checked} />
      </div>
      {view === 'documents' && (
        <DocumentsView source={source} onOpenData={(files) => void checked.open(files)} readingWorkbook={checked.progress !== undefined} />
      )}
      {view === 'blanks' && <BlanksView />}
      {view === 'distribution' && (
        <DistributionView source={source} onOpenData={(files) => void checked.open(files)} readingWorkbook={checked.progress !== undefined} />
      )}
    </>
  );
}

/** Inside Excel: the open workbook is the form to check and the data for documents. */
function ExcelPane({ session, view, browserPageUrl }: { session: ExcelSession; view: PaneView; browserPageUrl: string }) {
  const check = useExcelCheck(session);
  const data = useWorkbookData(session, view === 'documents' || view === 'distribution');
  const insert = useBlankInsert(session);
  const canWatch = session.capabilities.collectionChangedEvents || session.capabilities.worksheetChangedEvents;

  return (
    <>
      {view === 'check' && <ExcelCheckView check={check} canWatch={canWatch} />}
      {view === 'documents' && (
        <>
          {data.readError && <p role="alert">{data.readError}</p>}
          <DocumentsView
            source={data.source}
            onReadWorkbook={() => void data.read()}
            readingWorkbook={data.reading}
            browserPageUrl={browserPageUrl}
          />
        </>
      )}
      {view === 'distribution' && (
        <>
          {data.readError && <p role="alert">{data.readError}</p>}
          <DistributionView
            source={data.source}
            onReadWorkbook={() => void data.read()}
            readingWorkbook={data.reading}
            browserPageUrl={browserPageUrl}
          />
        </>
      )}
      {view === 'blanks' && (
        <BlanksView
          onInsert={insert}
          insertUnavailable={insert ? undefined : 'Эта версия Excel не умеет добавлять листы из файла: скачайте бланк и откройте его.'}
          browserPageUrl={browserPageUrl}
        />
      )}
    </>
  );
}

/** Excel too old to read sheets (below ExcelApi 1.4): blanks still download; checking goes to the browser page. */
function BlanksOnly({ view, browserPageUrl }: { view: PaneView; browserPageUrl: string }) {
  if (view === 'blanks') return <BlanksView browserPageUrl={browserPageUrl} />;
  return <p>Эта версия Excel не даёт надстройке прочитать книгу. Сохраните книгу и откройте её на странице «Каскада» в браузере: {browserPageUrl}</p>;
}
