import { DST_EXPECTED, dstBuckets } from '../helpers/dst-digest-check';
import { postgresSuite } from '../helpers/postgres-suite';
import { tempDb } from '../helpers/temp-db';

const pg = postgresSuite('PostgreSQL DST digest tests');

describe('digest buckets over a DST change, computed per day in the zone', () => {
  it('on SQLite: days split at local midnight, the missing and the repeated hour as the clocks showed', async () => {
    const { db, close } = await tempDb();
    try {
      expect(await dstBuckets(db, 'sqlite')).toEqual(DST_EXPECTED);
    } finally {
      await close();
    }
  });
});

pg.describe('digest buckets over a DST change on PostgreSQL', () => {
  it('match SQLite', async () => {
    expect(await dstBuckets(pg.db(), 'postgresql')).toEqual(DST_EXPECTED);
  });
});
