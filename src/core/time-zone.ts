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
