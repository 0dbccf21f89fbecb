#!/usr/bin/env node
'use strict';
// The published entry: the CLI compiled by `npm run build` (npm run demo builds it first).
require('../build/generator/cli.js').main(process.argv);
