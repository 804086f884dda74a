import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../src/store/apply-migrations';
import { tempDir } from '../helpers/temp-db';

// Prisma's CLI needs its schema engine, which these machines cannot download: ../shared ships a shim.
const root = path.join(__dirname, '../..');
const shim = path.join(root, '../shared/tools/prisma-offline/schema-engine-shim.mjs');
const maybe = fs.existsSync(shim) ? describe : describe.skip;
if (!fs.existsSync(shim))
  console.warn(
    `Prisma CLI compatibility test skipped: ${shim} is absent (the shared folder is not beside the checkout)`,
  );

function prisma(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: shim },
  });
  return { code: result.status, out: `${result.stdout}\n${result.stderr}` };
}

maybe('our migrator and `prisma migrate` agree', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('prisma migrate status finds a database migrated by us up to date', async () => {
    const url = `file:${path.join(dir, 'ours.db')}`;
    await applyMigrations(url);
    const status = prisma(['migrate', 'status'], url);
    expect(status.out).toContain('Database schema is up to date');
    expect(status.code).toBe(0);
  }, 60_000);

  it('we find nothing to apply on a database migrated by prisma migrate deploy', async () => {
    const url = `file:${path.join(dir, 'theirs.db')}`;
    const deploy = prisma(['migrate', 'deploy'], url);
    expect(deploy.code).toBe(0);
    expect(await applyMigrations(url)).toEqual([]);
  }, 60_000);
});
