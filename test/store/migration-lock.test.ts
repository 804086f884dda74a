import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../helpers/temp-db';

const root = path.join(__dirname, '../..');

// One start-up's migration step in its own process, released at `startAt` so several start together.
function migrateInChild(url: string, startAt: number): Promise<{ code: number | null; err: string }> {
  const code = `
    const { applyMigrations } = require(${JSON.stringify(path.join(root, 'src/store/apply-migrations.ts'))});
    setTimeout(() => applyMigrations(${JSON.stringify(url)}).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); }),
      Math.max(0, ${startAt} - Date.now()));`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'tsx/cjs', '-e', code], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (c) => resolve({ code: c, err }));
  });
}

describe('start-up migrations on SQLite', () => {
  it('several start-ups at once on a fresh file all succeed, each migration applied once', async () => {
    const { dir, cleanup } = tempDir();
    try {
      for (let round = 0; round < 3; round++) {
        const url = `file:${path.join(dir, `fresh-${round}.db`)}`;
        const startAt = Date.now() + 2_500; // after every child has loaded
        const results = await Promise.all([0, 1, 2, 3, 4].map(() => migrateInChild(url, startAt)));
        for (const r of results) expect(r).toEqual({ code: 0, err: '' });
        const db = new Database(url.slice('file:'.length), { readonly: true });
        const rows = db.prepare('SELECT migration_name, finished_at FROM _prisma_migrations').all() as Array<{
          migration_name: string;
          finished_at: string | null;
        }>;
        db.close();
        expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
        expect(rows.every((r) => r.finished_at)).toBe(true);
      }
    } finally {
      cleanup();
    }
  }, 60_000);
});
