import { XRPCError } from '@atproto/api';
import type { BlueskyContext } from './bluesky-context.js';
import { windowUsedUp } from './classify-bluesky-error.js';

/** After this many 429s in a row for one read, the cycle gives up and the next poll starts again. */
const MAX_REFUSALS = 3;

/**
 * One read, after waiting out a used-up window of its method; a 429 (its reset recorded from the
 * headers) is waited out and the same read asked again, so nothing spins and nothing read is lost.
 * `refuse` (the outbox asking whether a message went out) throws a rate_limited SendError instead.
 */
export async function readWithLimits<R>(
  ctx: BlueskyContext,
  method: string,
  call: () => Promise<R>,
  whenLimited: 'wait' | 'refuse' = 'wait',
): Promise<R> {
  for (let refusals = 0; ; ) {
    const wait = ctx.limits.waitMs(method);
    if (wait > 0 && whenLimited === 'refuse') throw windowUsedUp(method, wait);
    if (wait > 0) {
      ctx.logger.warn(
        { method, waitSeconds: Math.ceil(wait / 1000) },
        `Bluesky rate limit used up on ${method}; waiting for the reset`,
      );
      await ctx.sleep(wait, ctx.signal);
    }
    try {
      return await call();
    } catch (error) {
      const limited = error instanceof XRPCError && error.status === 429;
      if (!limited || ++refusals >= MAX_REFUSALS) throw error;
      if (whenLimited === 'refuse') throw windowUsedUp(method, ctx.limits.waitMs(method));
    }
  }
}
