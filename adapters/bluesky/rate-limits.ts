/** After a 429 without a usable RateLimit-Reset, wait at least this long before calling again. */
const WAIT_WITHOUT_RESET_MS = 60_000;

/** One rate-limit window as the service reported it (RateLimit-Limit, -Remaining, -Reset, -Policy). */
export interface RateWindow {
  limit: number;
  remaining: number;
  /** When the window resets, in ms since the epoch. */
  resetMs: number;
  /** RateLimit-Policy, e.g. `5000;w=3600` (points per hour for writes). */
  policy?: string;
}

/** `app.bsky.feed.post` writes and every other call: the XRPC method a request calls, from its URL. */
export function methodOf(url: string): string {
  const match = /\/xrpc\/([^/?#]+)/.exec(url);
  return match ? match[1] : 'unknown';
}

/**
 * The windows Bluesky reported, by XRPC method. The PDS and the AppView send RateLimit-* headers with
 * every answer (writes are counted in points: 3 a post, 5,000 an hour and 35,000 a day): they are
 * recorded from every response and read before every call, so the adapter waits for a reset instead
 * of calling into a 429.
 */
export class BlueskyRateLimits {
  private readonly byMethod = new Map<string, RateWindow>();

  constructor(private readonly now: () => Date) {}

  /** Records the headers of one response. */
  record(method: string, status: number, headers: Headers): void {
    const limit = Number(headers.get('ratelimit-limit'));
    const remaining = Number(headers.get('ratelimit-remaining'));
    const reset = Number(headers.get('ratelimit-reset'));
    const nowMs = this.now().getTime();
    const known = headers.has('ratelimit-remaining') && Number.isFinite(remaining);
    // RateLimit-Reset is epoch seconds on Bluesky; a small number would be "seconds from now" (the IETF draft).
    const resetMs = Number.isFinite(reset) && reset > 0 ? (reset > 1e9 ? reset * 1000 : nowMs + reset * 1000) : 0;
    if (status === 429) {
      this.byMethod.set(method, {
        limit,
        remaining: 0,
        resetMs: Math.max(resetMs, nowMs + (resetMs ? 1000 : WAIT_WITHOUT_RESET_MS)),
      });
    } else if (known) {
      this.byMethod.set(method, { limit, remaining, resetMs, policy: headers.get('ratelimit-policy') ?? undefined });
    }
  }

  /** Milliseconds to wait before calling `method`: 0 unless its window is used up and not reset yet. */
  waitMs(method: string): number {
    const w = this.byMethod.get(method);
    if (!w || w.remaining > 0) return 0;
    return Math.max(0, w.resetMs - this.now().getTime());
  }

  /** The last window seen for `method` (for logs and the README's budget). */
  window(method: string): RateWindow | undefined {
    return this.byMethod.get(method);
  }

  /** A fetch that records the headers of every answer before the client reads it. */
  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const response = await inner(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      this.record(methodOf(url), response.status, response.headers);
      return response;
    };
  }
}
