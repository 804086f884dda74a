import { acquireSourceLease, releaseSourceLease, sourceLeaseHolder } from '../../src/store/source-lease';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('source leases on PostgreSQL');

pg.describe('source leases on PostgreSQL', () => {
  const t = (s: number) => new Date(Date.UTC(2026, 11, 3, 8, 0, s));

  it('gives a free source to exactly one of many racing instances', async () => {
    const holders = Array.from({ length: 8 }, (_, i) => `host:${i}`);
    const won = await Promise.all(holders.map((h) => acquireSourceLease(pg.db(), 'race', h, 10_000, t(0))));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await sourceLeaseHolder(pg.db(), 'race', t(1))).toBe(holders[won.indexOf(true)]);
  });

  it('is renewed by its holder, refused to others while live, and taken over once it ran out', async () => {
    const db = pg.db();
    expect(await acquireSourceLease(db, 'x', 'a', 10_000, t(0))).toBe(true);
    expect(await acquireSourceLease(db, 'x', 'b', 10_000, t(5))).toBe(false);
    expect(await acquireSourceLease(db, 'x', 'a', 10_000, t(8))).toBe(true); // renewed to t(18)
    expect(await acquireSourceLease(db, 'x', 'b', 10_000, t(15))).toBe(false);
    // "a" dies without a word (kill -9): its lease runs out at t(18).
    expect(await acquireSourceLease(db, 'x', 'b', 10_000, t(19))).toBe(true);
    expect(await acquireSourceLease(db, 'x', 'a', 10_000, t(20))).toBe(false);
    await releaseSourceLease(db, 'x', 'b');
    expect(await sourceLeaseHolder(db, 'x', t(21))).toBeUndefined();
    expect(await acquireSourceLease(db, 'x', 'a', 10_000, t(21))).toBe(true);
  });
});
