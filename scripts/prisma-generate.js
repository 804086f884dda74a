#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) after install. `prisma generate` only checks that
// PRISMA_SCHEMA_ENGINE_BINARY names an existing file and never runs it, so machines that cannot download
// Prisma's engine (see README, "Offline machines") still generate; anywhere else Prisma's own is used.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const prisma = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
if (!fs.existsSync(prisma)) {
  console.log('prisma-generate: prisma is not installed (production install?); skipping');
  process.exit(0);
}
for (const schema of ['prisma/schema.prisma', 'prisma/postgres/schema.prisma']) {
  execFileSync(process.execPath, [prisma, 'generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
}
