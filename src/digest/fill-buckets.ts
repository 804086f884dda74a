import { DateTime } from 'luxon';
import type { DigestPeriod } from './digest-types.js';

type Bucket = { start: string; total: number; complaints: number };

const UNIT_MS = { hour: 3_600_000, day: 86_400_000 } as const;
/** A period of thousands of days is still drawn, but never as an unbounded list. */
const MAX_BUCKETS = 5000;

/**
 * The period made of whole buckets in the team's zone, ending with the one `to` falls in: "7d" by day
 * is today and the six days before (7 bars), "24h" by hour the current hour and the 23 before.
 */
export function alignToBuckets(from: Date, to: Date, bucket: DigestPeriod['bucket'], timeZone: string): Date {
  const count = Math.max(1, Math.round((to.getTime() - from.getTime()) / UNIT_MS[bucket]));
  const last = DateTime.fromJSDate(to, { zone: timeZone }).startOf(bucket);
  return last.minus(bucket === 'day' ? { days: count - 1 } : { hours: count - 1 }).toJSDate();
}

/** A bucket's key: its local start in the team's zone, as the database query writes it. */
const KEY_FORMAT = { hour: "yyyy-MM-dd'T'HH:00", day: 'yyyy-MM-dd' } as const;

/**
 * The keys of every bucket of the period, in order, walked in the team's zone with luxon: a DST
 * change day has its 23 or 25 hours, and a day bucket runs midnight to midnight whatever the offset.
 * The hour repeated when clocks go back has one key (the query counts both into it).
 */
export function bucketKeys(period: DigestPeriod): string[] {
  const keys: string[] = [];
  const end = period.to.getTime();
  let at = DateTime.fromJSDate(period.from, { zone: period.timeZone }).startOf(period.bucket);
  for (; at.toMillis() < end && keys.length < MAX_BUCKETS; at = at.plus({ [`${period.bucket}s`]: 1 })) {
    const key = at.toFormat(KEY_FORMAT[period.bucket]);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

/**
 * Every bucket of the period, those without mentions as zeros, so a 30-day chart has 30 bars and a
 * quiet night shows as quiet instead of vanishing.
 */
export function fillBuckets(period: DigestPeriod, counted: Bucket[]): Bucket[] {
  const byKey = new Map(counted.map((b) => [b.start, b]));
  const out = bucketKeys(period).map((start) => {
    const found = byKey.get(start);
    byKey.delete(start);
    return found ?? { start, total: 0, complaints: 0 };
  });
  // A counted bucket outside the slots (past MAX_BUCKETS) is kept, in order, not lost.
  return byKey.size ? [...out, ...byKey.values()].sort((a, b) => a.start.localeCompare(b.start)) : out;
}
