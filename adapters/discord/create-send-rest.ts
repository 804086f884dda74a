import { type RateLimitData, REST, RESTEvents } from 'discord.js';
import { SendError } from '../../src/core/channel-adapter.js';

/**
 * The REST client the outbox sends through: it throws on a rate limit instead of sleeping (the outbox
 * pauses the channel for Discord's delay, so a drain never blocks and nothing spins), and never retries
 * a 5xx itself (the outbox first asks whether the message went out, then resends with the same nonce).
 *
 * The client refuses in two cases: Discord answered 429, or the client's own per-route bucket is used
 * up and it would have queued the call. Only the second emits `rateLimited` just before refusing (with
 * the same data object), so that refusal becomes a SendError marked as pacing (`discord_route_bucket`):
 * /metrics counts it apart from Discord's own rate limits.
 */
export function createSendRest(apiUrl: string, token: string, timeoutMs = 15_000): REST {
  const queuedByBucket = new WeakSet<RateLimitData>();
  const rest = new REST({
    api: apiUrl,
    retries: 0,
    timeout: timeoutMs,
    rejectOnRateLimit: (data) => {
      if (!queuedByBucket.delete(data)) return true;
      throw new SendError(
        'rate_limited',
        `Discord route bucket ${data.route} used up (${data.global ? 'global' : 'per route'}): held back by the client`,
        true,
        Math.max(data.timeToReset, 1000),
        undefined,
        data.global ? 'channel' : 'route',
        'discord_route_bucket',
      );
    },
  }).setToken(token);
  rest.on(RESTEvents.RateLimited, (data) => queuedByBucket.add(data));
  return rest;
}
