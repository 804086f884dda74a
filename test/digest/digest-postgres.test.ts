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
      { start: '2026-11-19', total: 0, complaints: 0 }, // every day of the period is there, quiet ones as zero
      { start: '2026-11-20', total: 1, complaints: 0 },
      { start: '2026-11-21', total: 0, complaints: 0 },
      { start: '2026-11-22', total: 0, complaints: 0 },
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
    // 12:00 UTC is 17:30 IST, bucketed by hour; the period (05:30 to 05:30 IST) spans 25 clock hours, all drawn.
    expect(hourly.buckets.filter((b) => b.total)).toEqual([{ start: '2026-11-18T17:00', total: 20, complaints: 10 }]);
    expect(hourly.buckets).toHaveLength(25);
    expect([hourly.buckets[0].start, hourly.buckets.at(-1)!.start]).toEqual(['2026-11-18T05:00', '2026-11-19T05:00']);
  });
});
