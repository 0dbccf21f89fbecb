// Preloaded into a spawned CLI (node -r): writes the process's peak RSS in KB to $KASKAD_MAX_RSS_FILE at exit.
'use strict';
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.KASKAD_MAX_RSS_FILE) writeFileSync(process.env.KASKAD_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
