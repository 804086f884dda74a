import { DateTime } from 'luxon';
import { businessMinutesBetween, isBusinessTime, parseBusinessHours } from '../../src/config/business-hours';

const everyDay = 'sun-sat';
// One whole local calendar day, from its midnight to the next, as instants.
const localDay = (date: string, zone: string): [Date, Date] => {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return [start.toJSDate(), start.plus({ days: 1 }).startOf('day').toJSDate()];
};

describe('business hours across daylight-saving changes (luxon)', () => {
  const cases: Array<[string, string, string]> = [
    ['Pacific/Auckland', '2026-09-27', 'spring forward 02:00 -> 03:00'],
    ['Pacific/Auckland', '2026-04-05', 'fall back 03:00 -> 02:00'],
    ['America/Los_Angeles', '2026-03-08', 'spring forward 02:00 -> 03:00'],
    ['America/Los_Angeles', '2026-11-01', 'fall back 02:00 -> 01:00'],
    ['Asia/Kolkata', '2026-03-08', 'no DST'],
  ];

  it.each(cases)('%s on %s (%s): a 09:00-18:00 day counts 540 minutes', (zone, date) => {
    const hours = parseBusinessHours('09:00-18:00', everyDay, zone);
    expect(businessMinutesBetween(hours, ...localDay(date, zone))).toBe(540);
  });

  it('an all-day window counts the real length of the day on which the clocks change', () => {
    const allDay = (zone: string) => parseBusinessHours('00:00-24:00', everyDay, zone);
    expect(businessMinutesBetween(allDay('Pacific/Auckland'), ...localDay('2026-09-27', 'Pacific/Auckland'))).toBe(
      23 * 60,
    );
    expect(businessMinutesBetween(allDay('Pacific/Auckland'), ...localDay('2026-04-05', 'Pacific/Auckland'))).toBe(
      25 * 60,
    );
    expect(
      businessMinutesBetween(allDay('America/Los_Angeles'), ...localDay('2026-03-08', 'America/Los_Angeles')),
    ).toBe(23 * 60);
    expect(
      businessMinutesBetween(allDay('America/Los_Angeles'), ...localDay('2026-11-01', 'America/Los_Angeles')),
    ).toBe(25 * 60);
    expect(businessMinutesBetween(allDay('Asia/Kolkata'), ...localDay('2026-03-08', 'Asia/Kolkata'))).toBe(24 * 60);
  });

  it('a window that spans the change hour counts the wall-clock hours that exist', () => {
    // 01:00-05:00 on Los Angeles' spring-forward night: 02:00-03:00 never happens, so 3 real hours.
    const night = parseBusinessHours('01:00-05:00', everyDay, 'America/Los_Angeles');
    expect(businessMinutesBetween(night, ...localDay('2026-03-08', 'America/Los_Angeles'))).toBe(180);
    // On the fall-back night 01:00-02:00 happens twice: 5 real hours.
    expect(businessMinutesBetween(night, ...localDay('2026-11-01', 'America/Los_Angeles'))).toBe(300);
  });

  it('a week across the change counts each business day in full (Auckland, Mon-Fri)', () => {
    const hours = parseBusinessHours('09:00-17:00', 'mon-fri', 'Pacific/Auckland');
    const from = DateTime.fromISO('2026-09-24T00:00', { zone: 'Pacific/Auckland' }).toJSDate(); // Thursday
    const to = DateTime.fromISO('2026-09-30T00:00', { zone: 'Pacific/Auckland' }).toJSDate(); // Wednesday
    expect(businessMinutesBetween(hours, from, to)).toBe(4 * 480); // Thu, Fri, Mon, Tue
  });

  it('knows when the team is in on both sides of the change', () => {
    const la = parseBusinessHours('09:00-18:00', 'mon-fri', 'America/Los_Angeles');
    expect(isBusinessTime(la, new Date('2026-03-06T17:30:00Z'))).toBe(true); // Fri 09:30 PST
    expect(isBusinessTime(la, new Date('2026-03-09T16:30:00Z'))).toBe(true); // Mon 09:30 PDT
    expect(isBusinessTime(la, new Date('2026-03-09T01:30:00Z'))).toBe(false); // Sun 18:30 PDT
    expect(isBusinessTime(la, new Date('2026-03-09T15:30:00Z'))).toBe(false); // Mon 08:30 PDT
  });

  it('names the setting that is wrong', () => {
    expect(() => parseBusinessHours('18:00-09:00', 'mon', 'UTC')).toThrow(
      expect.objectContaining({ key: 'BUSINESS_HOURS' }),
    );
    expect(() => parseBusinessHours('09:00-25:00', 'mon', 'UTC')).toThrow(
      expect.objectContaining({ key: 'BUSINESS_HOURS' }),
    );
    expect(() => parseBusinessHours('09:00-18:00', 'funday', 'UTC')).toThrow(
      expect.objectContaining({ key: 'BUSINESS_DAYS' }),
    );
  });
});
