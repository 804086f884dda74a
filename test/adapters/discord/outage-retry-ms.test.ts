import { outageRetryMs } from '../../../adapters/discord/outage-retry-ms';

/** The pauses of the first `count` retries, and when each retry goes (ms since the incident began). */
function schedule(count: number): Array<{ pause: number; at: number }> {
  let at = 0;
  return Array.from({ length: count }, (_, n) => {
    const pause = outageRetryMs(n);
    at += pause;
    return { pause, at };
  });
}

describe('outageRetryMs', () => {
  test('an incident ending within its first ~90 s is noticed within one identify window (5 s)', () => {
    for (let trial = 0; trial < 50; trial++) {
      const young = schedule(40).filter((r) => r.at - r.pause < 90_000);
      expect(young.length).toBeGreaterThan(10);
      for (const r of young) expect(r.pause).toBeLessThanOrEqual(5_000);
    }
  });

  test('the first retries come quicker than the window: 1 s, 2 s, 4 s, less up to 20% jitter', () => {
    for (let trial = 0; trial < 50; trial++) {
      [1_000, 2_000, 4_000].forEach((base, n) => {
        expect(outageRetryMs(n)).toBeLessThanOrEqual(base);
        expect(outageRetryMs(n)).toBeGreaterThanOrEqual(base * 0.8);
      });
    }
  });

  test('a long outage is backed off: past a few minutes the pauses double, up to 5 minutes and never more', () => {
    const long = schedule(60);
    const late = long.filter((r) => r.at > 300_000);
    expect(late.some((r) => r.pause > 60_000)).toBe(true);
    for (const r of long) expect(r.pause).toBeLessThanOrEqual(300_000);
    expect(outageRetryMs(1_000)).toBeGreaterThanOrEqual(240_000);
  });

  test('pauses are jittered so many bots do not return in step', () => {
    const pauses = new Set(Array.from({ length: 20 }, () => outageRetryMs(10)));
    expect(pauses.size).toBeGreaterThan(5);
  });
});
