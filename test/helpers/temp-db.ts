import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../src/store/apply-migrations';
import { createDb, type Db } from '../../src/store/create-db';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'md-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated SQLite database in a temporary folder (the real migrations, the real client). */
export async function tempDb(): Promise<{ db: Db; url: string; dir: string; close: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const url = `file:${path.join(dir, 'test.db')}`;
  await applyMigrations(url);
  const db = await createDb(url);
  return {
    db,
    url,
    dir,
    close: async () => {
      await db.$disconnect();
      cleanup();
    },
  };
}
