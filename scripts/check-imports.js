#!/usr/bin/env node
// Import check (issue 10): no import cycle among files, no pair of folders that import each other, and the
// layer rule of ../shared/docs/architecture.md. Plain Node on purpose: it runs before anything is built and
// adds no dependency. Usage: node scripts/check-imports.js [--stats] [--layers] [--root DIR]. Exits 1 on any finding.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * The layer table of ../shared/docs/architecture.md, lowest level first. A folder imports only folders on a
 * lower level; on its own level it imports only the folders named before it (the doc's "in this order":
 * log reads core, store reads config, compose and policy read scoring's types, the Slack desk reads the
 * digest), so two folders never import each other. Folders are src/<name>; src/channels/<name> and
 * adapters/<name> are all "channels". Placed here, as the doc does not name them: generated (the Prisma
 * client) is store; training reads store and scoring, so it sits beside cases; demo presents what a run
 * decided and sits with app, which prints it.
 */
const LAYERS = [
  ['core', 'log', 'config', 'generated', 'store'],
  ['scoring', 'compose', 'policy', 'advocacy'],
  ['cases', 'training'],
  ['outbox'],
  ['pipeline'],
  ['channels'],
  ['digest', 'jobs', 'slack'],
  ['demo', 'app'],
  ['cli'],
];

/** A channel imports only these folders and its own. */
const CHANNEL_MAY_IMPORT = ['core', 'log', 'store', 'generated'];

/** Where files are read; bin/ and scripts/ are entry points above every layer (nothing may import them). */
const SOURCE_DIRS = ['src', 'adapters'];
const ENTRY_DIRS = ['bin', 'scripts'];
const SKIP_DIRS = new Set(['node_modules', 'generated', 'dist']);
const LONG_LINE = 120;

function listFiles(root, dir, exts) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(child);
      } else if (exts.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) {
        out.push(child);
      }
    }
  };
  walk(dir);
  return out.sort();
}

const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'in',
  'of',
  'delete',
  'void',
  'throw',
  'new',
  'else',
  'do',
  'yield',
  'await',
]);

/**
 * Blanks comments (keeping offsets and newlines) and, in a second copy, string/template/regex contents too,
 * so that import specifiers are read from real code and `!` is counted outside strings.
 */
function maskSource(src) {
  const noComments = src.split('');
  const codeOnly = src.split('');
  const blank = (i, both) => {
    if (src[i] === '\n') return;
    codeOnly[i] = ' ';
    if (both) noComments[i] = ' ';
  };
  const templateDepth = []; // brace depth at which each open `${` returns to its template
  let braces = 0;
  let prev = ''; // last significant code character, to tell a regex from a division
  let prevWord = '';
  let i = 0;
  const readString = (quote) => {
    i++;
    while (i < src.length && src[i] !== quote && src[i] !== '\n') {
      if (src[i] === '\\') blank(i++, false);
      blank(i++, false);
    }
    i++;
  };
  const readTemplate = () => {
    // i is just past the backtick or the closing brace of a `${}`
    while (i < src.length) {
      if (src[i] === '\\') {
        blank(i++, false);
        blank(i++, false);
      } else if (src[i] === '`') {
        i++;
        prev = '`';
        return;
      } else if (src[i] === '$' && src[i + 1] === '{') {
        i += 2;
        templateDepth.push(braces);
        braces++;
        prev = '{';
        return;
      } else blank(i++, false);
    }
  };
  while (i < src.length) {
    const c = src[i];
    const n = src[i + 1];
    if (c === '/' && n === '/') {
      while (i < src.length && src[i] !== '\n') blank(i++, true);
    } else if (c === '/' && n === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      while (i < stop) blank(i++, true);
    } else if (c === "'" || c === '"') {
      readString(c);
      prev = 'a';
      prevWord = '';
    } else if (c === '`') {
      i++;
      readTemplate();
      prevWord = '';
    } else if (c === '/' && (!/[\w$)\]]/.test(prev) || REGEX_AFTER_WORD.has(prevWord))) {
      i++;
      let inClass = false;
      while (i < src.length && src[i] !== '\n' && (inClass || src[i] !== '/')) {
        if (src[i] === '\\') blank(i++, false);
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        blank(i++, false);
      }
      i++;
      while (/[a-z]/.test(src[i] || '')) i++;
      prev = 'a';
      prevWord = '';
    } else if (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braces - 1) {
      templateDepth.pop();
      braces--;
      i++;
      readTemplate();
    } else {
      if (c === '{') braces++;
      else if (c === '}') braces--;
      if (/[\w$]/.test(c)) {
        let j = i;
        while (j < src.length && /[\w$]/.test(src[j])) j++;
        prevWord = src.slice(i, j);
        prev = 'a';
        i = j;
        continue;
      }
      if (!/\s/.test(c)) {
        prev = c;
        prevWord = '';
      }
      i++;
    }
  }
  return { noComments: noComments.join(''), codeOnly: codeOnly.join('') };
}

const STATIC_IMPORT = /\b(?:import|export)\s+(?:type\s+)?[^;'"`()=]*?\bfrom\s*(['"])([^'"\n]+)\1/g;
const BARE_IMPORT = /\bimport\s*(['"])([^'"\n]+)\1/g;
const CALL_IMPORT = /\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** Every import/export-from/require/import() specifier of a file, with its 1-based line. */
function readSpecifiers(text) {
  const found = [];
  const lineAt = (index) => text.slice(0, index).split('\n').length;
  for (const re of [STATIC_IMPORT, BARE_IMPORT, CALL_IMPORT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ spec: m[2], line: lineAt(m.index) });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** A relative specifier to a repository path (`.js` names the `.ts` source; folders resolve to index). */
function resolveSpecifier(root, fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  const stem = base.replace(/\.(c|m)?js$/, '');
  const candidates = [`${stem}.ts`, `${stem}.tsx`, base, `${stem}.js`, `${base}/index.ts`, `${base}/index.js`];
  for (const candidate of candidates) {
    const abs = path.join(root, candidate);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return candidate;
  }
  return null;
}

/** The folder a file belongs to (src/<name>, src/channels/<name>, adapters/<name>), or null outside them. */
function folderOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'adapters' && parts.length > 2) return `adapters/${parts[1]}`;
  if (parts[0] === 'src' && parts[1] === 'channels' && parts.length > 3) return `channels/${parts[2]}`;
  if (parts[0] === 'src' && parts.length > 2) return parts[1];
  if (ENTRY_DIRS.includes(parts[0])) return parts[0];
  return null;
}

/** The layer name of a folder: 'channels' for every channel, the folder itself otherwise. */
function layerName(folder) {
  if (folder.startsWith('adapters/') || folder.startsWith('channels/') || folder === 'channels') return 'channels';
  return folder;
}

function positionOf(folder) {
  return LAYERS[levelOf(folder)].indexOf(layerName(folder));
}

function levelOf(folder) {
  if (ENTRY_DIRS.includes(folder)) return LAYERS.length;
  const name = layerName(folder);
  const level = LAYERS.findIndex((names) => names.includes(name));
  return level < 0 ? null : level;
}

/** Why an import from folder `from` to folder `to` runs against the layers, or null when it is fine. */
function layerViolation(from, to) {
  if (from === to) return null;
  if (ENTRY_DIRS.includes(to)) return `${to}/ is an entry point; nothing imports it`;
  const fromLevel = levelOf(from);
  const toLevel = levelOf(to);
  if (fromLevel === null) return `folder ${from} has no place in the layer table`;
  if (toLevel === null) return `folder ${to} has no place in the layer table`;
  if (from === 'channels') {
    // files directly in src/channels/ (the channel list) register every channel, and obey the layers otherwise
    if (layerName(to) === 'channels') return null;
  } else if (layerName(from) === 'channels') {
    return CHANNEL_MAY_IMPORT.includes(to) ? null : `a channel imports only ${CHANNEL_MAY_IMPORT.join(', ')}`;
  }
  if (toLevel > fromLevel) return `${layerName(to)} sits above ${layerName(from)}`;
  if (toLevel === fromLevel && positionOf(to) > positionOf(from)) {
    return `${to} comes after ${from} on their level`;
  }
  return null;
}

/** Every elementary cycle (each once, rooted at its smallest file), up to `limit`. */
function findCycles(nodes, edges, limit = 2000) {
  const order = [...nodes].sort();
  const rank = new Map(order.map((node, index) => [node, index]));
  const cycles = [];
  for (const start of order) {
    const path = [start];
    const onPath = new Set(path);
    const step = (node) => {
      for (const next of edges.get(node) || []) {
        if (cycles.length >= limit) return;
        if (next === start) cycles.push([...path, start]);
        else if (rank.has(next) && rank.get(next) > rank.get(start) && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          step(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    step(start);
  }
  return cycles;
}

/** Reads the tree under `root` and returns every finding plus the figures `--stats` prints. */
function checkImports(root) {
  const sources = SOURCE_DIRS.flatMap((dir) => listFiles(root, dir, ['.ts', '.tsx']));
  const entries = ENTRY_DIRS.flatMap((dir) => listFiles(root, dir, ['.ts', '.js']));
  const files = [...sources, ...entries];
  const fileSet = new Set(files);
  const edges = new Map();
  const imports = [];
  let nonNull = 0;
  let longest = { length: 0, where: '' };
  const longLines = []; // production lines over LONG_LINE characters: `npm run check:lines` fails on them
  let over140 = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const { noComments, codeOnly } = maskSource(text);
    const targets = new Set();
    for (const { spec, line } of readSpecifiers(noComments)) {
      const target = resolveSpecifier(root, file, spec);
      if (!target) continue;
      imports.push({ from: file, to: target, line, spec });
      if (fileSet.has(target) && target !== file) targets.add(target);
    }
    edges.set(file, [...targets].sort());
    const isSource = sources.includes(file);
    if (!isSource && !file.startsWith('bin/')) continue;
    // Lengths in characters (code points), as an editor shows them: "się" is 3, not 4.
    text.split('\n').forEach((line, index) => {
      const length = [...line].length;
      const where = `${file}:${index + 1}`;
      if (length > longest.length) longest = { length, where };
      if (length > LONG_LINE) longLines.push({ where, length });
      if (length > 140) over140++;
    });
    if (!isSource) continue;
    // `x!` but not `!=`/`!==`, nor a definite assignment `let x!: T` (not an assertion about a value)
    nonNull += (codeOnly.match(/[\w$)\]]!(?![=:])/g) || []).length;
  }

  const cycles = findCycles(files, edges);

  const folderEdges = new Map(); // "a->b" -> first import that makes it
  for (const imp of imports) {
    const from = folderOf(imp.from);
    const to = folderOf(imp.to);
    if (!from || !to || from === to) continue;
    const key = `${from}->${to}`;
    if (!folderEdges.has(key)) folderEdges.set(key, imp);
  }
  const folderPairs = [];
  for (const [key, imp] of folderEdges) {
    const [from, to] = key.split('->');
    if (from < to && folderEdges.has(`${to}->${from}`)) {
      folderPairs.push({ a: from, b: to, ab: imp, ba: folderEdges.get(`${to}->${from}`) });
    }
  }

  const backRunning = [];
  for (const imp of imports) {
    const from = folderOf(imp.from);
    const to = folderOf(imp.to);
    if (!from || !to) continue;
    const reason = layerViolation(from, to);
    if (reason) backRunning.push({ ...imp, fromFolder: from, toFolder: to, reason });
  }
  const backRunningFolders = [...new Set(backRunning.map((b) => `${b.fromFolder}->${b.toFolder}`))].sort();

  return {
    files: files.length,
    cycles,
    folderPairs,
    backRunning,
    backRunningFolders,
    stats: {
      nonNull,
      longestLine: longest.length,
      longestAt: longest.where,
      over120: longLines.length,
      over140,
      longLines,
    },
  };
}

function main(argv) {
  const rootFlag = argv.indexOf('--root');
  const root = rootFlag >= 0 ? path.resolve(argv[rootFlag + 1]) : path.resolve(__dirname, '..');
  if (argv.includes('--layers')) {
    // The table as the README quotes it, lowest level first.
    console.log(LAYERS.map((names) => names.join(', ')).join(' → '));
    console.log(`A channel (adapters/<name>, src/channels/<name>) imports only ${CHANNEL_MAY_IMPORT.join(', ')}.`);
    return 0;
  }
  const result = checkImports(root);
  const where = (imp) => `${imp.from}:${imp.line}`;
  for (const cycle of result.cycles) console.log(`import cycle: ${cycle.join(' -> ')}`);
  for (const pair of result.folderPairs) {
    console.log(`folders import each other: ${pair.a} <-> ${pair.b} (${where(pair.ab)}; ${where(pair.ba)})`);
  }
  for (const b of result.backRunning) {
    console.log(`against the layers: ${where(b)} imports ${b.to} (${b.fromFolder} -> ${b.toFolder}: ${b.reason})`);
  }
  if (argv.includes('--stats')) {
    const s = result.stats;
    const pairs = result.folderPairs.map((p) => ` ${p.a}<->${p.b}`).join(',');
    console.log(`files read: ${result.files}`);
    console.log(`file cycles: ${result.cycles.length}`);
    console.log(`folder pairs: ${result.folderPairs.length}${pairs}`);
    const folderEdges = result.backRunningFolders.length;
    console.log(`back-running imports: ${result.backRunning.length} (folder edges: ${folderEdges})`);
    console.log(`non-null assertions: ${s.nonNull}`);
    console.log(`longest production line: ${s.longestLine} (${s.longestAt})`);
    console.log(`production lines over 120: ${s.over120}; over 140: ${s.over140}`);
  }
  const failed = result.cycles.length + result.folderPairs.length + result.backRunning.length;
  console.log(failed ? `check-imports: ${failed} finding(s)` : `check-imports: ${result.files} files, no finding`);
  return failed ? 1 : 0;
}

module.exports = { checkImports, maskSource, readSpecifiers, LAYERS, CHANNEL_MAY_IMPORT, LONG_LINE };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
