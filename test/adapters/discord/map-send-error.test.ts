import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { isPermissionError, toSendError } from '../../../adapters/discord/map-send-error';
import { SendError } from '../../../src/core/channel-adapter';

const apiError = (code: number, status: number, message = 'refused') =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.com/api/v10/channels/1/messages', {
    body: {},
  });

describe('toSendError', () => {
  it('turns a rate limit into a retry after Discord’s delay (at least a second)', () => {
    const limited = new RateLimitError({
      timeToReset: 7000,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: 'u',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: false,
      retryAfter: 7000,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(toSendError(limited)).toMatchObject({ failure: 'rate_limited', retryable: true, retryAfterMs: 7000 });
    expect(toSendError(new RateLimitError({ ...limited, retryAfter: 20 } as never)).retryAfterMs).toBe(1000);
  });

  it('holds back only the route for a per-route limit, the whole channel for a global one', () => {
    const data = {
      timeToReset: 3000,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: 'u',
      route: '/channels/:id/messages',
      majorParameter: '1',
      retryAfter: 3000,
      sublimitTimeout: 0,
      scope: 'user' as const,
    };
    expect(toSendError(new RateLimitError({ ...data, global: false })).limitScope).toBe('route');
    expect(toSendError(new RateLimitError({ ...data, global: true, scope: 'global' })).limitScope).toBe('channel');
  });

  it('marks closed DMs (50007, and 50278: no shared server) as final dm_closed', () => {
    expect(toSendError(apiError(50007, 403))).toMatchObject({ failure: 'dm_closed', retryable: false });
    expect(toSendError(apiError(50278, 403))).toMatchObject({ failure: 'dm_closed', retryable: false });
  });

  it('marks missing permissions and access as final, naming the permissions the bot needs', () => {
    for (const code of [50013, 50001]) {
      const e = toSendError(apiError(code, 403));
      expect(e).toMatchObject({ failure: 'rejected', retryable: false });
      expect(e.message).toContain('View Channel, Send Messages, Send Messages in Threads and Read Message History');
      expect(isPermissionError(apiError(code, 403))).toBe(true);
    }
    expect(isPermissionError(apiError(50007, 403))).toBe(false);
  });

  it('retries server errors and network failures (the outbox checks findSent first), not refused requests', () => {
    expect(toSendError(apiError(0, 503))).toMatchObject({ failure: 'server', retryable: true });
    expect(toSendError(new HTTPError(502, 'Bad Gateway', 'POST', 'u', { body: {} }))).toMatchObject({
      failure: 'server',
      retryable: true,
    });
    expect(toSendError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({
      failure: 'network',
      retryable: true,
    });
    expect(toSendError(apiError(10008, 404, 'Unknown Message'))).toMatchObject({
      failure: 'rejected',
      retryable: false,
    });
    expect(toSendError(apiError(50035, 400, 'Invalid Form Body'))).toMatchObject({
      failure: 'rejected',
      retryable: false,
    });
  });

  it('retries a revoked token with backoff, saying which setting to check', () => {
    const e = toSendError(apiError(0, 401, '401: Unauthorized'));
    expect(e).toMatchObject({ failure: 'auth', retryable: true });
    expect(e.message).toContain('DISCORD_BOT_TOKEN');
  });

  it('passes a SendError through unchanged', () => {
    const e = new SendError('rejected', 'too long', false);
    expect(toSendError(e)).toBe(e);
  });
});
