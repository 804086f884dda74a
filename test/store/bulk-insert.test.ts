import { bulkInsert } from '../../src/store/bulk-insert';
import { allowRawWrites, rawWriter } from '../../src/store/sqlite-handle';
import { tempDb } from '../helpers/temp-db';

describe('bulkInsert on SQLite', () => {
  it('writes through prepared statements only inside a marked transaction', async () => {
    const { db, close } = await tempDb();
    try {
      expect(rawWriter(db)).toBeUndefined();
      await db.$transaction(async (tx) => {
        expect(rawWriter(tx)).toBeUndefined();
        allowRawWrites(tx);
        expect(rawWriter(tx)?.inTransaction).toBe(true);
      });
    } finally {
      await close();
    }
  });

  it('stores the same values either way, read back alike by Prisma; a rolled-back batch leaves nothing', async () => {
    const { db, close } = await tempDb();
    try {
      const at = new Date('2026-11-20T10:11:12.345Z');
      const rows = (tag: string) => [
        { displayName: `${tag} one`, createdAt: at, optedOutAt: null, firstIdentityKey: `x:${tag}1` },
        { displayName: `${tag} two`, createdAt: at, optedOutAt: at, firstIdentityKey: `x:${tag}2` },
      ];
      const viaPrisma = await db.$transaction((tx) => bulkInsert<{ id: number }>(tx, 'Customer', rows('p'), ['id']));
      const viaRaw = await db.$transaction(async (tx) => {
        allowRawWrites(tx);
        return bulkInsert<{ id: number }>(tx, 'Customer', rows('r'), ['id']);
      });
      expect(viaRaw.map((r) => typeof r.id)).toEqual(['number', 'number']);
      const read = await db.customer.findMany({ orderBy: { id: 'asc' } });
      const shape = (c: (typeof read)[number]) => ({
        name: c.displayName.slice(2),
        createdAt: c.createdAt.toISOString(),
        optedOutAt: c.optedOutAt?.toISOString() ?? null,
      });
      expect(read.filter((c) => c.displayName.startsWith('r')).map(shape)).toEqual(
        read.filter((c) => c.displayName.startsWith('p')).map(shape),
      );
      expect(read.map((c) => c.id)).toEqual([...viaPrisma, ...viaRaw].map((r) => Number(r.id)));
      await expect(
        db.$transaction(async (tx) => {
          allowRawWrites(tx);
          await bulkInsert(tx, 'Customer', rows('gone'));
          throw new Error('batch failed');
        }),
      ).rejects.toThrow('batch failed');
      expect(await db.customer.count({ where: { displayName: { startsWith: 'gone' } } })).toBe(0);
    } finally {
      await close();
    }
  });
});
