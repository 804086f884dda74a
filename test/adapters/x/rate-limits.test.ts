import type { ClientRequest, IncomingMessage } from 'node:http';
import { ApiResponseError } from 'twitter-api-v2';
import { endpointOf, RateLimits } from '../../../adapters/x/rate-limits';

const NOW = new Date('2026-11-18T10:00:00Z');
const epoch = (secondsFromNow: number) => Math.floor(NOW.getTime() / 1000) + secondsFromNow;
const refusal = (rateLimit?: { limit: number; remaining: number; reset: number }) => ({
  params: { method: 'POST', url: 'https://api.x.com/2/tweets' },
  error: new ApiResponseError('429', {
    code: 429,
    data: {},
    headers: {},
    request: {} as ClientRequest,
    response: {} as IncomingMessage,
    rateLimit,
  }),
});

describe('RateLimits', () => {
  const limits = () => new RateLimits(() => NOW);

  it('names endpoints by method and path template', () => {
    expect(endpointOf('get', 'https://api.x.com/2/users/:id/mentions')).toBe('GET /2/users/:id/mentions');
  });

  it('waits only when a window is used up, until its reset; the 24-hour window counts too', () => {
    const l = limits();
    l.record('GET /a', { limit: 300, remaining: 12, reset: epoch(600) });
    expect(l.waitMs('GET /a')).toBe(0);
    l.record('GET /a', { limit: 300, remaining: 0, reset: epoch(600) });
    expect(l.waitMs('GET /a')).toBe(600_000);
    l.record('POST /b', {
      limit: 100,
      remaining: 50,
      reset: epoch(60),
      day: { limit: 1000, remaining: 0, reset: epoch(7200) },
    });
    expect(l.waitMs('POST /b')).toBe(7_200_000);
  });

  it('after a 429 closes the endpoint until the reset, and never for less than a few seconds (no spinning on skewed clocks)', () => {
    const l = limits();
    const plugin = l.plugin();
    plugin.onResponseError!(refusal({ limit: 100, remaining: 3, reset: epoch(120) }) as never);
    expect(l.waitMs('POST /2/tweets')).toBe(120_000);
    plugin.onResponseError!(refusal({ limit: 100, remaining: 0, reset: epoch(-30) }) as never);
    expect(l.waitMs('POST /2/tweets')).toBe(5_000);
    plugin.onResponseError!(refusal(undefined) as never);
    expect(l.waitMs('POST /2/tweets')).toBe(60_000);
  });
});
