import { createRoot } from 'react-dom/client';
import { openExcelSession } from '../app/excel-session';
import { startEarlyCheckWorker } from '../app/check-worker-early';
import { browserPageUrl, detectHost, initialView } from '../app/host';
import { loadEngine } from '../app/load-engine';
import { App } from '../ui/App';

/** Set by the ES5 bootstrap (es5-check.js) when this engine is too old: it has already shown its page. */
declare global {
  interface Window {
    KASKAD_UNSUPPORTED?: boolean;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container || window.KASKAD_UNSUPPORTED) return;
  const root = createRoot(container);
  // office.js may take long inside Excel (cold start, slow server); say so rather than show nothing.
  root.render(
    <p role="status" data-testid="pane-loading">
      Загрузка Excel…
    </p>,
  );
  const host = await detectHost();
  const session = host.mode === 'excel' ? openExcelSession(host.capabilities) : undefined;
  container.setAttribute('data-mode', host.mode);
  // Browser mode checks the cards it opens in a worker: started now, it loads the reader and compiles
  // the form catalogue while the pane renders, so a card chosen at once does not wait for them.
  if (host.mode === 'browser' && typeof Worker === 'function') {
    startEarlyCheckWorker(async () => (await import(/* webpackMode: "eager" */ '../app/check-worker-start')).startCheckWorker());
  }
  root.render(<App host={host} session={session} view={initialView(window.location.search)} browserPageUrl={browserPageUrl(window.location)} />);
  // The checking engine is a chunk of its own: fetch it now that the pane is up, not when the first file is chosen.
  setTimeout(() => void loadEngine().catch(() => undefined), 0);
}

void start();
