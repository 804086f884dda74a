import { DateTime } from 'luxon';
import { timeZoneOffsetMinutes } from '../core/time-zone.js';
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

/**
 * Every bucket of the period, those without mentions as zeros, so a 30-day chart has 30 bars and a
 * quiet night shows as quiet instead of vanishing. Keys follow the query's (local time at the offset
 * of the period's start), so each counted bucket finds its slot.
 */
export function fillBuckets(period: DigestPeriod, counted: Bucket[]): Bucket[] {
  const offsetMs = timeZoneOffsetMinutes(period.timeZone, period.from) * 60_000;
  const unit = UNIT_MS[period.bucket];
  const key = (localMs: number) => {
    const iso = new Date(localMs).toISOString();
    return period.bucket === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 13)}:00`;
  };
  const byKey = new Map(counted.map((b) => [b.start, b]));
  const out: Bucket[] = [];
  const end = period.to.getTime() + offsetMs;
  for (let at = Math.floor((period.from.getTime() + offsetMs) / unit) * unit; at < end; at += unit) {
    if (out.length >= MAX_BUCKETS) break;
    const start = key(at);
    out.push(byKey.get(start) ?? { start, total: 0, complaints: 0 });
    byKey.delete(start);
  }
  // A counted bucket outside the slots (a DST shift inside the period) is kept, in order, not lost.
  return byKey.size ? [...out, ...byKey.values()].sort((a, b) => a.start.localeCompare(b.start)) : out;
}
