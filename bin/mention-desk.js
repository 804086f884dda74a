#!/usr/bin/env node
// Entry point of the `mention-desk` command: runs the compiled code (npm run build writes dist/).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('mention-desk: not built yet; run `npm run build` (npm start does it for you)\n');
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
