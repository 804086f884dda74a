#!/usr/bin/env node
// No production line over 120 characters (src/, adapters/, bin/; generated code aside). Biome formats to
// 120 but cannot break a long string, template or regular expression; this check keeps those short too.
// The lines are measured by check-imports.js, which reads the same files. Exit 1 with each line listed.
const path = require('node:path');
const { checkImports, LONG_LINE } = require('./check-imports');

const { files, stats } = checkImports(path.resolve(__dirname, '..'));
if (stats.longLines.length) {
  console.error(`check-line-length: ${stats.longLines.length} production line(s) over ${LONG_LINE} characters:`);
  for (const l of stats.longLines) console.error(`  ${l.where}: ${l.length} characters`);
  process.exit(1);
}
console.log(`check-line-length: ${files} files, no line over ${LONG_LINE} characters`);
