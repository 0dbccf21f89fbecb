#!/usr/bin/env node
'use strict';
// The registry these machines reach serves only Linux builds of native packages (@swc/core-*,
// @unrs/resolver-binding-*), so `npm install` cannot lock the macOS/Windows ones and `npm ci`
// then refuses the lock as out of sync. This drops optional dependencies the lock has no entry for.
// Run after `npm install` changes package-lock.json: `node scripts/prune-lock.js`.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, '')));
let dropped = 0;
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (present.has(name)) continue;
    delete entry.optionalDependencies[name];
    dropped++;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`prune-lock: ${dropped} optional dependencies without a lock entry dropped`);
