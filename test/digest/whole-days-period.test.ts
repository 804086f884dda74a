import { periodSince } from '../../src/cli/digest-command';
import { describePeriod, previousPeriod, wholeDaysPeriod } from '../../src/digest/whole-days-period';

describe('wholeDaysPeriod: the one period rule of every digest', () => {
  it('is today so far and the days before, from local midnight; an end at midnight closes whole days', () => {
    const now = new Date('2026-11-23T15:20:00Z');
    expect(wholeDaysPeriod(7, now, 'Europe/London', 'day')).toEqual({
      from: new Date('2026-11-17T00:00:00Z'),
      to: now,
      bucket: 'day',
      timeZone: 'Europe/London',
    });
    const midnight = new Date('2026-11-23T00:00:00Z');
    expect(wholeDaysPeriod(1, midnight, 'UTC', 'hour').from).toEqual(new Date('2026-11-22T00:00:00Z'));
    // Auckland is 13 hours ahead in November: its "today" began at 11:00 UTC the day before.
    expect(wholeDaysPeriod(1, now, 'Pacific/Auckland', 'hour').from).toEqual(new Date('2026-11-23T11:00:00Z'));
  });

  it('is what the CLI and /mentions digest use for days and weeks (hours stay whole hours)', () => {
    const now = new Date('2026-11-23T15:20:00Z');
    expect(periodSince('7d', now, 'Europe/London')).toEqual(wholeDaysPeriod(7, now, 'Europe/London', 'day'));
    expect(periodSince('1w', now, 'Europe/London')).toEqual(wholeDaysPeriod(7, now, 'Europe/London', 'day'));
    expect(periodSince('2d', now, 'UTC')).toEqual(wholeDaysPeriod(2, now, 'UTC', 'hour'));
    expect(periodSince('24h', now, 'UTC').from).toEqual(new Date('2026-11-22T16:00:00Z'));
  });

  it('is stated in words in each digest', () => {
    const now = new Date('2026-11-23T15:20:00Z');
    expect(describePeriod(wholeDaysPeriod(7, now, 'Europe/London', 'day'))).toBe(
      'Period: 7 whole days in Europe/London, midnight to midnight, the last one up to 15:20.',
    );
    // A DST week still reads as 7 days (the Los Angeles week of 1 November 2026 has 169 hours).
    const week = wholeDaysPeriod(7, new Date('2026-11-02T08:00:00Z'), 'America/Los_Angeles', 'day');
    expect(describePeriod(week)).toBe('Period: 7 whole days in America/Los_Angeles, midnight to midnight.');
    expect(describePeriod(periodSince('24h', now, 'UTC'))).toBe('Period: whole hours in UTC.');
  });

  it('compares with as many whole days just before, midnight to midnight even across DST', () => {
    // The Los Angeles week ending Monday 2 November 2026 (169 hours): the week before is 168.
    const week = wholeDaysPeriod(7, new Date('2026-11-02T08:00:00Z'), 'America/Los_Angeles', 'day');
    expect(previousPeriod(week)).toEqual({ from: new Date('2026-10-19T07:00:00Z'), to: week.from });
    // Today so far and six days: compared with the seven whole days before.
    const now = new Date('2026-11-23T15:20:00Z');
    expect(previousPeriod(wholeDaysPeriod(7, now, 'UTC', 'day')).from).toEqual(new Date('2026-11-10T00:00:00Z'));
    // Whole hours: the same length just before.
    expect(previousPeriod(periodSince('24h', now, 'UTC'))).toEqual({
      from: new Date('2026-11-21T16:40:00Z'), // 23 h 20 min, as long as the period
      to: new Date('2026-11-22T16:00:00Z'),
    });
  });
});
