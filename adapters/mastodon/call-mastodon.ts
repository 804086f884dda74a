import { SendError } from '../../src/core/channel-adapter.js';
import { errorHeaders } from './classify-mastodon-error.js';
import type { MastodonContext } from './mastodon-context.js';
import type { Bucket } from './rate-limits.js';

/** What masto's `$raw` calls resolve to. */
export interface RawResponse<T> {
  headers: Headers;
  data: T;
}

/** After this many 429s in a row for one read, the cycle gives up and the next poll starts again. */
const MAX_REFUSALS = 3;

/**
 * One REST call through masto's `$raw` form (which keeps the response headers): a used-up window is
 * waited out first (`wait`) or refused as rate_limited (`refuse`: sends, and the outbox's checks), the
 * X-RateLimit-* headers of the answer (or the refusal) are recorded, and a read refused with 429 is
 * asked again after the reset.
 */
export async function callMastodon<T>(
  ctx: MastodonContext,
  buckets: Bucket[],
  call: () => PromiseLike<RawResponse<T>>,
  whenLimited: 'wait' | 'refuse' = 'wait',
): Promise<T> {
  for (let refusals = 0; ; ) {
    const wait = ctx.limits.waitMs(...buckets);
    if (wait > 0 && whenLimited === 'refuse') {
      throw new SendError(
        'rate_limited',
        `Mastodon rate limit used up; resets in ${Math.ceil(wait / 1000)} s`,
        true,
        wait,
      );
    }
    if (wait > 0) {
      ctx.logger.warn({ waitSeconds: Math.ceil(wait / 1000) }, 'Mastodon rate limit used up; waiting for the reset');
      await ctx.sleep(wait, ctx.signal);
    }
    try {
      const response = await call();
      for (const b of buckets) ctx.limits.record(b, 200, response.headers);
      return response.data;
    } catch (error) {
      const { status, headers } = errorHeaders(error);
      for (const b of buckets) ctx.limits.record(b, status, headers);
      if (status !== 429 || whenLimited === 'refuse' || ++refusals >= MAX_REFUSALS) throw error;
    }
  }
}
