import type { ApiV2Includes, TwitterApiv2, UserV2 } from 'twitter-api-v2';
import { toSendError, windowUsedUp } from './classify-x-error.js';
import { isRateLimited } from './rate-limits.js';
import type { XContext } from './x-context.js';

type TRequestQuery = NonNullable<Parameters<TwitterApiv2['get']>[1]>;

/** One page of an X list endpoint, as X returns it. */
interface XPage<T> {
  data?: T[];
  includes?: ApiV2Includes;
  meta?: { next_token?: string; result_count?: number };
}

export interface FetchPagesOptions<T> {
  /** Path below /2/ with `:name` placeholders, e.g. `users/:id/mentions`. */
  path: string;
  params?: Record<string, string>;
  query: TRequestQuery;
  /** The query parameter that carries the next page's token (search: `next_token`). */
  tokenParam?: string;
  /** Page size from the second page on (the first uses `query.max_results`). */
  nextPageSize?: number;
  /** Stop after this many pages (default: as many as X has). */
  maxPages?: number;
  /** True for the first item not wanted (older than the cursor or the max age): paging stops there. */
  stopAt?: (item: T) => boolean;
  /**
   * `wait` (polling): wait out a used-up window or a 429. `refuse` (the outbox asking whether a message
   * went out): throw a rate_limited SendError instead, so the outbox retries after the reset.
   */
  whenLimited?: 'wait' | 'refuse';
  /** Spend-ledger action and unit cost per item returned. */
  action: string;
  unitUsd: number;
}

/** After this many 429s in a row for one read, the cycle gives up and the next poll starts again. */
const MAX_REFUSALS = 3;

/**
 * Reads an X list endpoint page by page (newest first, as X returns them) until there is no next page
 * or `stopAt` says the rest is already known. Every page is recorded in the spend ledger. Before each
 * call a used-up rate-limit window is waited out; a 429 is waited out too, then the same page is asked
 * again, so nothing spins and pages already read are not lost.
 */
export async function fetchPages<T extends { id: string }>(
  ctx: XContext,
  o: FetchPagesOptions<T>,
): Promise<{ items: T[]; users: Map<string, UserV2>; more: boolean }> {
  const items: T[] = [];
  const users = new Map<string, UserV2>();
  let token: string | undefined;
  for (let pages = 1; ; pages++) {
    const query = {
      ...o.query,
      ...(token
        ? { [o.tokenParam ?? 'pagination_token']: token, max_results: o.nextPageSize ?? o.query.max_results }
        : {}),
    };
    const page = await readWithLimits(
      ctx,
      `GET /2/${o.path}`,
      () => ctx.api.get<XPage<T>>(o.path, query, { params: o.params }),
      o.whenLimited,
    );
    const data = page.data ?? [];
    await ctx.spend.recordRead(
      o.action,
      data.map((d) => d.id),
      o.unitUsd,
    );
    for (const u of page.includes?.users ?? []) users.set(u.id, u);
    const stop = data.findIndex((d) => o.stopAt?.(d) ?? false);
    items.push(...(stop === -1 ? data : data.slice(0, stop)));
    token = page.meta?.next_token;
    if (!token || stop !== -1 || !data.length) return { items, users, more: false };
    // `more`: X has older items than the page bound let us read.
    if (pages >= (o.maxPages ?? Infinity)) return { items, users, more: true };
  }
}

/** One read call, after waiting out a used-up window; a 429 is waited out and asked again. */
export async function readWithLimits<R>(
  ctx: XContext,
  endpoint: string,
  call: () => Promise<R>,
  whenLimited: 'wait' | 'refuse' = 'wait',
): Promise<R> {
  for (let refusals = 0; ; ) {
    const wait = ctx.limits.waitMs(endpoint);
    if (wait > 0 && whenLimited === 'refuse') throw windowUsedUp(endpoint, wait);
    if (wait > 0) {
      ctx.logger.warn(
        { endpoint, waitSeconds: Math.ceil(wait / 1000) },
        `X rate limit used up on ${endpoint}; waiting for the reset`,
      );
      await ctx.sleep(wait, ctx.signal);
    }
    try {
      return await call();
    } catch (error) {
      if (isRateLimited(error) && whenLimited === 'refuse')
        throw toSendError(error, 'read', ctx.limits.waitMs(endpoint));
      if (!isRateLimited(error) || ++refusals >= MAX_REFUSALS) throw error;
    }
  }
}
