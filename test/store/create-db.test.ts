import { SQLITE_WAL_CHECKPOINT_PAGES } from '../../src/store/create-db';
import { tempDb } from '../helpers/temp-db';

describe('createDb on SQLite', () => {
  test('lets the WAL grow to its checkpoint size before copying it back, and not far past it', async () => {
    const { db, close } = await tempDb();
    try {
      const pragma = async (name: string) =>
        Object.values((await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`))[0])[0];
      expect(Number(await pragma('wal_autocheckpoint'))).toBe(SQLITE_WAL_CHECKPOINT_PAGES);
      expect(Number(await pragma('journal_size_limit'))).toBeGreaterThanOrEqual(SQLITE_WAL_CHECKPOINT_PAGES * 4096);
      expect(String(await pragma('journal_mode'))).toBe('wal');
    } finally {
      await close();
    }
  });
});
