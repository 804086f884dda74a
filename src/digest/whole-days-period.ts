import { DateTime } from 'luxon';
import type { DigestPeriod } from './digest-types.js';

/**
 * The one rule for what a digest period spans, shared by the scheduled digests, `/mentions digest`
 * and the CLI: whole days in the team's time zone, midnight to midnight (a DST day has its 23 or 25
 * hours). The period ends at `end`: `days` days ending with the one `end` falls in, so at 15:00 "7 days"
 * is today so far and the six days before; when `end` is a midnight itself, the `days` days before it.
 */
export function wholeDaysPeriod(
  days: number,
  end: Date,
  timeZone: string,
  bucket: DigestPeriod['bucket'],
): DigestPeriod {
  // The day `end` falls in; an end at midnight closes the day before and opens none.
  const lastDay = DateTime.fromMillis(end.getTime() - 1, { zone: timeZone }).startOf('day');
  const from = lastDay.minus({ days: Math.max(1, Math.floor(days)) - 1 }).toJSDate();
  return { from, to: end, bucket, timeZone };
}

/** The local midnight that starts the day `at` falls in: where a scheduled digest's period ends. */
export function startOfLocalDay(at: Date, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: timeZone }).startOf('day').toJSDate();
}

/**
 * The period rule as the digest states it, so a reader knows what was counted: whole days in the
 * zone (with "today up to HH:mm" when the last day is still running), or whole hours for a CLI period
 * given in hours or minutes.
 */
export function describePeriod(period: DigestPeriod): string {
  const days = localDaysSpanned(period);
  if (days === undefined) return `Period: whole hours in ${period.timeZone}.`;
  const to = DateTime.fromJSDate(period.to, { zone: period.timeZone });
  const partial = +to !== +to.startOf('day');
  return (
    `Period: ${days} whole day${days === 1 ? '' : 's'} in ${period.timeZone}, midnight to midnight` +
    (partial ? `, the last one up to ${to.toFormat('HH:mm')}.` : '.')
  );
}

/**
 * How many local days a period starting at a local midnight covers (a day still running counts as
 * one); undefined for a period that does not start at midnight (whole hours).
 */
function localDaysSpanned(period: DigestPeriod): number | undefined {
  const zone = { zone: period.timeZone };
  const from = DateTime.fromJSDate(period.from, zone);
  const to = DateTime.fromJSDate(period.to, zone);
  if (+from !== +from.startOf('day')) return undefined;
  const partial = +to !== +to.startOf('day');
  return Math.round(to.startOf('day').diff(from, 'days').days) + (partial ? 1 : 0);
}

/**
 * The period the complaint share is compared with: as many whole local days just before (so a week
 * over a DST change is compared with the week before it, midnight to midnight), or for whole hours the
 * same length just before.
 */
export function previousPeriod(period: DigestPeriod): { from: Date; to: Date } {
  const days = localDaysSpanned(period);
  const from =
    days === undefined
      ? new Date(2 * period.from.getTime() - period.to.getTime())
      : DateTime.fromJSDate(period.from, { zone: period.timeZone }).minus({ days }).toJSDate();
  return { from, to: period.from };
}
