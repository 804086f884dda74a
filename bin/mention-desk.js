#!/usr/bin/env node
// Entry point of the `mention-desk` command: runs the compiled code (npm run build writes dist/). In a
// clone that was not built yet (`npx mention-desk` right after `npm ci`), it runs the TypeScript sources
// through tsx, a development dependency; a production install always has dist/.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'src', 'cli', 'main.js');
let entry = built;
if (!fs.existsSync(built)) {
  const source = path.join(root, 'src', 'cli', 'main.ts');
  let tsx;
  try {
    tsx = require.resolve('tsx/cjs', { paths: [root] });
  } catch {
    tsx = undefined;
  }
  if (!tsx || !fs.existsSync(source)) {
    process.stderr.write('mention-desk: not built yet; run `npm run build` (npm start does it for you)\n');
    process.exit(1);
  }
  require(tsx);
  entry = source;
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
