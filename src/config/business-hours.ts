import { DateTime } from 'luxon';

/** When the team works: days of the week (0 = Sunday) and a daily window in minutes, in a time zone. */
export interface BusinessHours {
  timeZone: string;
  days: Set<number>;
  startMinute: number;
  endMinute: number;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Which setting a business-hours problem belongs to, so the start-up error names the right key. */
export class BusinessHoursError extends Error {
  constructor(
    readonly key: 'BUSINESS_HOURS' | 'BUSINESS_DAYS',
    message: string,
  ) {
    super(message);
  }
}

/** Parses `09:00-18:00` and `mon,tue,...` (or `mon-fri`); throws a BusinessHoursError naming the setting. */
export function parseBusinessHours(window: string, days: string, timeZone: string): BusinessHours {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(window.trim());
  if (!m) throw new BusinessHoursError('BUSINESS_HOURS', 'must look like 09:00-18:00');
  const [h1, m1, h2, m2] = m.slice(1).map(Number);
  if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 === 24 && m2 > 0)) {
    throw new BusinessHoursError('BUSINESS_HOURS', 'hours are 00 to 24 and minutes 00 to 59, e.g. 09:00-18:00');
  }
  const [startMinute, endMinute] = [h1 * 60 + m1, h2 * 60 + m2];
  if (startMinute >= endMinute) {
    throw new BusinessHoursError(
      'BUSINESS_HOURS',
      'must start before it ends, within one day (00:00-24:00 for all day)',
    );
  }
  const set = new Set<number>();
  for (const part of days
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [a, b] = part.split('-').map((d) => DAY_NAMES.indexOf(d));
    if (a < 0 || (part.includes('-') && b < 0)) {
      throw new BusinessHoursError('BUSINESS_DAYS', `unknown day "${part}" (use mon,tue,... or mon-fri)`);
    }
    for (let d = a; ; d = (d + 1) % 7) {
      set.add(d);
      if (!part.includes('-') || d === b) break;
    }
  }
  if (!set.size) throw new BusinessHoursError('BUSINESS_DAYS', 'needs at least one day');
  return { timeZone, days: set, startMinute, endMinute };
}

// Luxon's weekday is 1 (Monday) to 7 (Sunday); ours is 0 (Sunday) to 6.
const dayOfWeek = (d: DateTime) => d.weekday % 7;

/**
 * The instant a local wall-clock minute of `day` maps to. Minutes are added to the local midnight as
 * wall-clock time (luxon resolves a time inside a spring-forward gap forwards), and 24:00 is the next
 * local midnight, so a window covers exactly the real minutes that day has.
 */
function localMinute(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 }).toMillis();
}

/** Whether `at` falls inside business hours. */
export function isBusinessTime(hours: BusinessHours, at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: hours.timeZone });
  if (!hours.days.has(dayOfWeek(local))) return false;
  const day = local.startOf('day');
  const t = at.getTime();
  return t >= localMinute(day, hours.startMinute) && t < localMinute(day, hours.endMinute);
}

/**
 * Business minutes between two instants: the SLA clock stops at night and at weekends. Walks local
 * calendar days with the time-zone database, so a day on which the clocks change counts the minutes it
 * really has (an all-day window on a spring-forward day is 23 hours).
 */
export function businessMinutesBetween(hours: BusinessHours, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let day = DateTime.fromJSDate(from, { zone: hours.timeZone }).startOf('day');
  for (let guard = 0; guard < 3700 && day.toMillis() < to.getTime(); guard++) {
    if (hours.days.has(dayOfWeek(day))) {
      const open = localMinute(day, hours.startMinute);
      const close = localMinute(day, hours.endMinute);
      const overlap = Math.min(close, to.getTime()) - Math.max(open, from.getTime());
      if (overlap > 0) total += overlap;
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return total / 60_000;
}
