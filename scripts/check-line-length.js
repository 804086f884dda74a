#!/usr/bin/env node
// No production line over 120 characters (src/, adapters/, bin/; generated code aside). Biome formats to
// 120 but cannot break a long string, template or regular expression; this check keeps those short too.
// Counts characters (code points), as an editor shows them. Exit 1 with each offending line listed.
const fs = require('node:fs');
const path = require('node:path');

const MAX = 120;
const ROOTS = ['src', 'adapters', 'bin'];
const SKIP = new Set(['generated', 'node_modules', 'dist']);
const root = path.resolve(__dirname, '..');

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|js|cjs|mjs)$/.test(entry.name)) yield full;
  }
}

const findings = [];
let files = 0;
for (const top of ROOTS) {
  const dir = path.join(root, top);
  if (!fs.existsSync(dir)) continue;
  for (const file of sourceFiles(dir)) {
    files++;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const length = [...line].length;
        if (length > MAX) findings.push(`${path.relative(root, file)}:${i + 1}: ${length} characters`);
      });
  }
}
if (findings.length) {
  console.error(`check-line-length: ${findings.length} production line(s) over ${MAX} characters:`);
  for (const f of findings) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`check-line-length: ${files} files, no line over ${MAX} characters`);
