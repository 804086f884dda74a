/** After a 429 without a usable X-RateLimit-Reset, wait at least this long. */
const WAIT_WITHOUT_RESET_MS = 60_000;

/** The buckets the adapter keeps: every call (300 per 5 minutes by default) and posting statuses. */
export type Bucket = 'api' | 'statuses';

interface Window {
  limit: number;
  remaining: number;
  resetMs: number;
}

/**
 * The windows Mastodon reported (X-RateLimit-Limit, -Remaining, and -Reset as an ISO 8601 time):
 * recorded from every answer and read before every call, so the adapter waits for the reset instead
 * of calling into a 429.
 */
export class MastodonRateLimits {
  private readonly windows = new Map<Bucket, Window>();

  constructor(private readonly now: () => Date) {}

  record(bucket: Bucket, status: number, headers: Headers | undefined): void {
    if (!headers) return;
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
    const nowMs = this.now().getTime();
    if (status === 429) {
      this.windows.set(bucket, {
        limit,
        remaining: 0,
        resetMs: Number.isFinite(reset) ? Math.max(reset, nowMs + 1000) : nowMs + WAIT_WITHOUT_RESET_MS,
      });
    } else if (headers.has('x-ratelimit-remaining') && Number.isFinite(remaining)) {
      this.windows.set(bucket, { limit, remaining, resetMs: Number.isFinite(reset) ? reset : nowMs });
    }
  }

  /** Milliseconds to wait before a call counted in these buckets: 0 unless one is used up and not reset. */
  waitMs(...buckets: Bucket[]): number {
    const nowMs = this.now().getTime();
    return Math.max(
      0,
      ...buckets
        .map((b) => this.windows.get(b))
        .filter((w): w is Window => !!w && w.remaining <= 0)
        .map((w) => w.resetMs - nowMs),
    );
  }

  /** The last window seen (for logs and the README's budget). */
  window(bucket: Bucket): Window | undefined {
    return this.windows.get(bucket);
  }
}
