import { alignToBuckets, fillBuckets } from '../../src/digest/fill-buckets';

describe('alignToBuckets and fillBuckets', () => {
  const now = new Date('2026-12-03T06:40:00Z');

  it('a 30-day period by day is 30 whole days in the team zone, drawn as 30 bars, quiet days as zero', () => {
    const from = alignToBuckets(new Date(now.getTime() - 30 * 86_400_000), now, 'day', 'Pacific/Auckland');
    // 06:40 UTC is 19:40 in Auckland (UTC+13): the period starts at local midnight 29 days before today.
    expect(from.toISOString()).toBe('2026-11-03T11:00:00.000Z');
    const buckets = fillBuckets({ from, to: now, bucket: 'day', timeZone: 'Pacific/Auckland' }, [
      { start: '2026-11-10', total: 3, complaints: 1 },
    ]);
    expect(buckets).toHaveLength(30);
    expect(buckets[0]).toEqual({ start: '2026-11-04', total: 0, complaints: 0 });
    expect(buckets.at(-1)!.start).toBe('2026-12-03');
    expect(buckets.filter((b) => b.total)).toEqual([{ start: '2026-11-10', total: 3, complaints: 1 }]);
  });

  it('24 hours by hour are the current hour and the 23 before', () => {
    const from = alignToBuckets(new Date(now.getTime() - 24 * 3_600_000), now, 'hour', 'UTC');
    const buckets = fillBuckets({ from, to: now, bucket: 'hour', timeZone: 'UTC' }, []);
    expect(buckets).toHaveLength(24);
    expect([buckets[0].start, buckets.at(-1)!.start]).toEqual(['2026-12-02T07:00', '2026-12-03T06:00']);
    expect(buckets.every((b) => b.total === 0 && b.complaints === 0)).toBe(true);
  });

  it('keeps a counted bucket the slots do not name, in order', () => {
    const period = {
      from: new Date('2026-11-16T00:00:00Z'),
      to: new Date('2026-11-18T00:00:00Z'),
      bucket: 'day' as const,
      timeZone: 'UTC',
    };
    expect(fillBuckets(period, [{ start: '2026-11-15', total: 1, complaints: 0 }]).map((b) => b.start)).toEqual([
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
    ]);
  });
});
