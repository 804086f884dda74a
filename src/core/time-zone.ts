/** Minutes to add to UTC to get local time in `timeZone` at `at` (e.g. +60 for Europe/Paris in winter). */
export function timeZoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** `2026-11-18 09:15` in `timeZone`. */
export function formatLocal(at: Date, timeZone: string): string {
  const shifted = new Date(at.getTime() + timeZoneOffsetMinutes(timeZone, at) * 60_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** A stretch of time over which a zone's UTC offset does not change. */
export interface OffsetSpan {
  from: Date;
  to: Date;
  offsetMinutes: number;
}

const DAY_MS = 86_400_000;

/**
 * Splits [from, to) where `timeZone` changes its UTC offset (DST), so local hours and days can be
 * computed with one offset per span and a DST change inside a digest's period lands right. Looks a
 * day at a time (zones change offset at most a few times a year, never twice in a day), then narrows
 * each change to the minute.
 */
export function offsetSpans(timeZone: string, from: Date, to: Date): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let start = from.getTime();
  let offset = timeZoneOffsetMinutes(timeZone, from);
  for (let probe = start + DAY_MS; start < to.getTime(); probe += DAY_MS) {
    const at = Math.min(probe, to.getTime());
    const next = timeZoneOffsetMinutes(timeZone, new Date(at));
    if (next === offset && at < to.getTime()) continue;
    if (next === offset) break;
    const change = findOffsetChange(timeZone, at - DAY_MS > start ? at - DAY_MS : start, at, offset);
    spans.push({ from: new Date(start), to: new Date(change), offsetMinutes: offset });
    start = change;
    offset = timeZoneOffsetMinutes(timeZone, new Date(change));
  }
  if (start < to.getTime()) spans.push({ from: new Date(start), to, offsetMinutes: offset });
  return spans;
}

// The first minute in (low, high] at which the offset is no longer `before`.
function findOffsetChange(timeZone: string, low: number, high: number, before: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (timeZoneOffsetMinutes(timeZone, new Date(mid)) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
