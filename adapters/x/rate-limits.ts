import { ApiResponseError, type ITwitterApiClientPlugin, type TwitterRateLimit } from 'twitter-api-v2';

/** After a 429 whose reset time is missing or already past (clock skew), wait at least this long. */
const MIN_WAIT_AFTER_429_MS = 5_000;
/** A 429 without any x-rate-limit-* header: X's windows are 15 minutes; one minute is a careful guess. */
const WAIT_WITHOUT_HEADERS_MS = 60_000;

/** `GET /2/users/:id/mentions`: the key the limits of one endpoint are kept under. */
export function endpointOf(method: string, url: string | URL): string {
  return `${method.toUpperCase()} ${decodeURIComponent(new URL(url).pathname)}`;
}

/**
 * The rate-limit windows X reported for each endpoint (`x-rate-limit-*`, and the 24-hour app and user
 * windows). Recorded from every answer by a twitter-api-v2 plugin, read before every call, so the
 * adapter waits for a reset instead of calling into a 429 again and again.
 */
export class RateLimits {
  private readonly byEndpoint = new Map<string, TwitterRateLimit>();

  constructor(private readonly now: () => Date) {}

  /** A twitter-api-v2 plugin that records the limits of every answer, successful or refused. */
  plugin(): ITwitterApiClientPlugin {
    return {
      onAfterRequest: ({ params, response }) => this.record(endpointOf(params.method, params.url), response.rateLimit),
      onResponseError: ({ params, error }) => {
        const endpoint = endpointOf(params.method, params.url);
        if (error.code === 429) this.recordRefusal(endpoint, error.rateLimit);
        else this.record(endpoint, error.rateLimit);
      },
    };
  }

  record(endpoint: string, limit: TwitterRateLimit | undefined): void {
    if (limit && Number.isFinite(limit.reset)) this.byEndpoint.set(endpoint, limit);
  }

  /** Milliseconds to wait before calling `endpoint`: 0 unless one of its windows is used up and not reset. */
  waitMs(endpoint: string): number {
    const limit = this.byEndpoint.get(endpoint);
    if (!limit) return 0;
    const resets = [limit, limit.day, limit.userDay].filter((w) => w && w.remaining <= 0).map((w) => w!.reset * 1000);
    if (!resets.length) return 0;
    return Math.max(0, Math.max(...resets) - this.now().getTime());
  }

  // X said 429: whatever the headers claim remains, the endpoint is closed until its reset.
  private recordRefusal(endpoint: string, limit: TwitterRateLimit | undefined): void {
    const nowMs = this.now().getTime();
    const fallback = nowMs + (limit ? MIN_WAIT_AFTER_429_MS : WAIT_WITHOUT_HEADERS_MS);
    const exhausted = [limit, limit?.day, limit?.userDay]
      .filter((w) => w && w.remaining <= 0)
      .map((w) => w!.reset * 1000);
    const resetMs = Math.max(fallback, limit?.reset ? limit.reset * 1000 : 0, ...exhausted);
    this.byEndpoint.set(endpoint, { limit: limit?.limit ?? 0, remaining: 0, reset: Math.ceil(resetMs / 1000) });
  }
}

/** Whether an error is X's 429 Too Many Requests. */
export function isRateLimited(error: unknown): boolean {
  return error instanceof ApiResponseError && error.code === 429;
}
