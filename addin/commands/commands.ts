import { waitForOffice } from '../excel/office-ready';

/**
 * The manifest's FunctionFile. Every ribbon button of Каскад opens the task pane (ShowTaskpane),
 * so no command function is registered here; Office still loads this page and expects office.js
 * to finish its handshake, which waiting for it does.
 */
const OFFICE_TIMEOUT_MS = 10_000;

void waitForOffice(OFFICE_TIMEOUT_MS);
