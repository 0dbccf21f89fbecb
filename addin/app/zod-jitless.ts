import { config } from 'zod';

// zod probes the Function constructor (with an empty body) to decide whether to compile its
// parsers; under the pane's CSP (no 'unsafe-eval') the probe is refused and reported as a
// violation. Schemas read the setting when they are built, so this module is imported before
// any of core's.
config({ jitless: true });
