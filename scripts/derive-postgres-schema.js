#!/usr/bin/env node
// Prisma needs a literal provider per schema, so the PostgreSQL schema is derived from the SQLite source
// (prisma/schema.prisma) instead of being kept by hand. `--check` fails when the derived file is stale.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const derived = source
  .replace(
    '// Source schema (SQLite',
    '// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.js: do not edit.\n// Source schema (SQLite',
  )
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output       = "../src/generated/sqlite"', 'output       = "../../src/generated/postgres"');
const target = path.join(root, 'prisma/postgres/schema.prisma');

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== derived) {
    console.error('prisma/postgres/schema.prisma is stale: run `npm run prisma:derive`');
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, derived);
}
