import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '../../src/store/apply-migrations';
import { createDb, SQLITE_WAL_CHECKPOINT_PAGES } from '../../src/store/create-db';

describe('createDb on SQLite', () => {
  test('lets the WAL grow to its checkpoint size before copying it back, and not far past it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-create-db-'));
    const url = `file:${path.join(dir, 'db.sqlite')}`;
    await applyMigrations(url);
    const db = await createDb(url);
    try {
      const one = async (pragma: string) =>
        Number(Object.values((await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${pragma}`))[0])[0]);
      expect(await one('wal_autocheckpoint')).toBe(SQLITE_WAL_CHECKPOINT_PAGES);
      expect(await one('journal_size_limit')).toBeGreaterThanOrEqual(SQLITE_WAL_CHECKPOINT_PAGES * 4096);
      expect(
        String(Object.values((await db.$queryRawUnsafe<Array<Record<string, unknown>>>('PRAGMA journal_mode'))[0])[0]),
      ).toBe('wal');
    } finally {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
