import { describeTier, detectCapabilities, type CapabilityTier, type ExcelCapabilities } from '../excel/capabilities';
import { waitForOffice } from '../excel/office-ready';

/** Where the pane runs: inside Excel with what its API offers, or as a plain page in a browser. */
export type PaneHost =
  { mode: 'excel'; capabilities: ExcelCapabilities; tier: CapabilityTier; missing: string[]; platform: string | null } | { mode: 'browser' };

/**
 * office.js answers at once outside Office (host null); when it cannot load at all (no network,
 * blocked) there is no Office global and the answer is immediate. Inside Excel the handshake may
 * take long (a cold start, a slow server), so there is no time limit: a fixed one used to switch a
 * slow Excel to browser mode for good. The page shows «Загрузка Excel…» meanwhile (taskpane/index.tsx).
 * Browser mode is decided only when office.js is missing or the host is not Excel.
 */
export async function detectHost(): Promise<PaneHost> {
  const ready = await waitForOffice();
  if (!ready || ready.host !== 'Excel') return { mode: 'browser' };
  const capabilities = detectCapabilities();
  const { tier, missing } = describeTier(capabilities);
  return { mode: 'excel', capabilities, tier, missing, platform: ready.platform };
}

/** The address of this same page for an ordinary browser: what the pane tells users whose Excel refuses something. */
export function browserPageUrl(location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}`;
}

/** The view a ribbon button opened (`taskpane.html?view=documents`); «check» by default. */
export type PaneView = 'check' | 'documents' | 'blanks' | 'distribution';

export function initialView(search: string): PaneView {
  const view = new URLSearchParams(search).get('view');
  return view === 'documents' || view === 'blanks' || view === 'distribution' ? view : 'check';
}
