import { buildDigest } from '../../src/digest/build-digest';
import { queryDigestData } from '../../src/digest/query-digest-data';
import { period, seed, t } from '../helpers/digest-seed';
import { postgresSuite } from '../helpers/postgres-suite';

const pg = postgresSuite('PostgreSQL digest tests');

pg.describe('the digest on PostgreSQL gives the same figures as on SQLite', () => {
  it("volumes, day and hour buckets in the team's zone, times, ratings, spend", async () => {
    const db = pg.db();
    await seed(db);
    const d = buildDigest(await queryDigestData(db, period, 'postgresql'));
    expect(d.volume).toEqual({
      total: 27,
      complaints: 13,
      complaintShare: 13 / 27,
      previousShare: 0.2,
      people: 1,
      complainingPeople: 1,
    });
    expect(d.buckets).toEqual([
      { start: '2026-11-16', total: 4, complaints: 1 },
      { start: '2026-11-17', total: 2, complaints: 2 },
      { start: '2026-11-18', total: 20, complaints: 10 },
      { start: '2026-11-20', total: 1, complaints: 0 },
    ]);
    expect(d.times.claim).toEqual({ n: 3, median: 40, p90: expect.closeTo(56, 6) });
    expect(d.ratings.average).toBe(4);
    expect(d.spend.totalUsd).toBeCloseTo(0.02, 10);
    const hourly = buildDigest(
      await queryDigestData(
        db,
        { from: t('18T00:00:00'), to: t('19T00:00:00'), bucket: 'hour', timeZone: 'Asia/Kolkata' },
        'postgresql',
      ),
    );
    expect(hourly.buckets).toEqual([{ start: '2026-11-18T17:00', total: 20, complaints: 10 }]);
  });
});
