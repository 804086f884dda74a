import { webApi } from '@slack/bolt';
import { SendError } from '../../core/channel-adapter.js';

// Platform errors Slack documents for chat.postMessage / chat.update and friends, by what the outbox
// should do: a token problem needs a person; a bad channel or message will never go through.
const AUTH = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'ekm_access_denied',
]);
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/**
 * Maps whatever @slack/web-api threw to a SendError the outbox understands: 429 with its Retry-After,
 * platform errors as final or retryable, HTTP 5xx and network failures as "unknown whether posted".
 */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  switch (e?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new SendError(
        'rate_limited',
        `Slack rate limit, retry after ${e.retryAfter}s`,
        true,
        Math.max(1, e.retryAfter ?? 1) * 1000,
        error,
      );
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited' || code === 'rate_limited')
        return new SendError('rate_limited', `Slack: ${code}`, true, 1000, error);
      if (AUTH.has(code)) return new SendError('auth', `Slack: ${code}`, false, undefined, error);
      if (TRANSIENT.has(code)) return new SendError('server', `Slack: ${code}`, true, undefined, error);
      return new SendError('rejected', `Slack: ${code}`, false, undefined, error);
    }
    case webApi.ErrorCode.HTTPError:
      if ((e.statusCode ?? 500) >= 500)
        return new SendError('server', `Slack HTTP ${e.statusCode}`, true, undefined, error);
      return new SendError('rejected', `Slack HTTP ${e.statusCode}`, false, undefined, error);
    case webApi.ErrorCode.RequestError:
      return new SendError('network', `Slack unreachable: ${e.message ?? 'request failed'}`, true, undefined, error);
    default:
      return new SendError('network', `Slack call failed: ${e?.message ?? String(error)}`, true, undefined, error);
  }
}

/** A message that must wait for another one (its thread's top message, a burst summary) to be posted. */
export function waitingFor(what: string): SendError {
  return new SendError('waiting', `waiting for ${what}`, true, 0);
}
