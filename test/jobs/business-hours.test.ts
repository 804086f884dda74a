import { businessMinutesBetween, isBusinessTime, parseBusinessHours } from '../../src/config/business-hours';

const london = parseBusinessHours('09:00-17:00', 'mon-fri', 'Europe/London');
const at = (s: string) => new Date(s);

describe('business hours', () => {
  it('parses windows and day ranges, refusing nonsense with a reason', () => {
    expect([...parseBusinessHours('00:00-24:00', 'fri-mon', 'UTC').days].sort()).toEqual([0, 1, 5, 6]);
    expect(() => parseBusinessHours('9-5', 'mon', 'UTC')).toThrow(/09:00-18:00/);
    expect(() => parseBusinessHours('18:00-09:00', 'mon', 'UTC')).toThrow(/start before it ends/);
    expect(() => parseBusinessHours('09:00-18:00', 'funday', 'UTC')).toThrow(/unknown day "funday"/);
  });

  it('knows when the team is in, in its own time zone (summer time included)', () => {
    expect(isBusinessTime(london, at('2026-11-18T09:30:00Z'))).toBe(true); // Wednesday, GMT
    expect(isBusinessTime(london, at('2026-07-15T08:30:00Z'))).toBe(true); // 09:30 BST
    expect(isBusinessTime(london, at('2026-07-15T16:30:00Z'))).toBe(false); // 17:30 BST
    expect(isBusinessTime(london, at('2026-11-21T12:00:00Z'))).toBe(false); // Saturday
  });

  it('stops the SLA clock at night and at weekends', () => {
    expect(businessMinutesBetween(london, at('2026-11-18T10:00:00Z'), at('2026-11-18T10:45:00Z'))).toBe(45);
    // Friday 16:30 to Monday 09:30: 30 minutes on Friday, 30 on Monday.
    expect(businessMinutesBetween(london, at('2026-11-20T16:30:00Z'), at('2026-11-23T09:30:00Z'))).toBe(60);
    expect(businessMinutesBetween(london, at('2026-11-18T20:00:00Z'), at('2026-11-19T07:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(london, at('2026-11-19T07:00:00Z'), at('2026-11-18T20:00:00Z'))).toBe(0);
  });

  it('counts the DST change day right', () => {
    // 2026-10-26 is the Monday after the clocks went back; a full day of business is 8 hours.
    expect(businessMinutesBetween(london, at('2026-10-26T00:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(480);
    expect(businessMinutesBetween(london, at('2026-03-30T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(480);
  });
});
