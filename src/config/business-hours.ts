import { timeZoneOffsetMinutes } from '../core/time-zone.js';

/** When the team works: days of the week (0 = Sunday) and a daily window in minutes, in a time zone. */
export interface BusinessHours {
  timeZone: string;
  days: Set<number>;
  startMinute: number;
  endMinute: number;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Parses `09:00-18:00` and `mon,tue,...` (or `mon-fri`); throws a readable message when malformed. */
export function parseBusinessHours(window: string, days: string, timeZone: string): BusinessHours {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(window.trim());
  if (!m) throw new Error('must look like 09:00-18:00');
  const [startMinute, endMinute] = [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])];
  if (startMinute >= endMinute || endMinute > 1440)
    throw new Error('must start before it ends, within one day (00:00-24:00 for all day)');
  const set = new Set<number>();
  for (const part of days
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [a, b] = part.split('-').map((d) => DAY_NAMES.indexOf(d));
    if (a < 0 || (part.includes('-') && b < 0)) throw new Error(`unknown day "${part}" (use mon,tue,... or mon-fri)`);
    for (let d = a; ; d = (d + 1) % 7) {
      set.add(d);
      if (!part.includes('-') || d === b) break;
    }
  }
  if (!set.size) throw new Error('needs at least one day');
  return { timeZone, days: set, startMinute, endMinute };
}

/** Whether `at` falls inside business hours. */
export function isBusinessTime(hours: BusinessHours, at: Date): boolean {
  const local = new Date(at.getTime() + timeZoneOffsetMinutes(hours.timeZone, at) * 60_000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return hours.days.has(local.getUTCDay()) && minute >= hours.startMinute && minute < hours.endMinute;
}

/**
 * Business minutes between two instants: the SLA clock stops at night and at weekends. Walks day by
 * day in local time (each day's own offset, so DST changes count right).
 */
export function businessMinutesBetween(hours: BusinessHours, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  const offsetAt = (d: Date) => timeZoneOffsetMinutes(hours.timeZone, d) * 60_000;
  let dayStart = new Date(Math.floor((from.getTime() + offsetAt(from)) / 86_400_000) * 86_400_000); // local midnight, as UTC fields
  for (let guard = 0; guard < 3660 && dayStart.getTime() - offsetAt(dayStart) < to.getTime(); guard++) {
    if (hours.days.has(dayStart.getUTCDay())) {
      const open = dayStart.getTime() + hours.startMinute * 60_000;
      const close = dayStart.getTime() + hours.endMinute * 60_000;
      const openUtc = open - offsetAt(new Date(open));
      const closeUtc = close - offsetAt(new Date(close));
      const overlap = Math.min(closeUtc, to.getTime()) - Math.max(openUtc, from.getTime());
      if (overlap > 0) total += overlap;
    }
    dayStart = new Date(dayStart.getTime() + 86_400_000);
  }
  return total / 60_000;
}
