import { MastoHttpError, MastoTimeoutError } from 'masto';
import { SendError, type SendFailure } from '../../src/core/channel-adapter.js';
import { cleanText } from '../../src/core/clean-text.js';

/** What kind of call failed. */
export type MastodonCall = 'read' | 'reply' | 'direct';

/** A failed Mastodon call, classified once. */
export interface MastodonFailure {
  failure: SendFailure;
  retryable: boolean;
  message: string;
}

const TOKEN_FIX =
  'create a new access token (Preferences, Development, the ' +
  'application, scopes read and write), set MASTODON_ACCESS_TOKEN, ' +
  'restart, then release the held messages in Slack';

/**
 * Classifies what masto threw. 429 waits for X-RateLimit-Reset; 401 and 403 are the token (revoked,
 * or missing the write scope): held for a person; 422 is the status itself (too long, a deleted post
 * to reply to): final; 5xx and timeouts are ambiguous, so the outbox checks findSent before any retry
 * (and the Idempotency-Key makes a resend within an hour return the same status anyway).
 */
export function classifyMastodonError(error: unknown, call: MastodonCall): MastodonFailure {
  if (error instanceof SendError) return { failure: error.failure, retryable: error.retryable, message: error.message };
  if (error instanceof MastoTimeoutError || !(error instanceof MastoHttpError)) {
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      failure: 'network',
      retryable: true,
      message: `Mastodon did not answer (${said(why)}); unknown whether it went through`,
    };
  }
  const what = `${error.statusCode} ${said(error.message)}`;
  if (error.statusCode === 429)
    return {
      failure: 'rate_limited',
      retryable: true,
      message: `Mastodon rate limit reached (${what}); waiting for X-RateLimit-Reset`,
    };
  if (error.statusCode === 401 || error.statusCode === 403) {
    return { failure: 'auth', retryable: false, message: `Mastodon refused the access token (${what}): ${TOKEN_FIX}` };
  }
  if (error.statusCode === 404 && call !== 'read')
    return { failure: 'rejected', retryable: false, message: `Mastodon: the status to answer is gone (${what})` };
  if (error.statusCode >= 500)
    return {
      failure: 'server',
      retryable: true,
      message: `Mastodon server error (${what}); unknown whether it went through`,
    };
  return { failure: 'rejected', retryable: false, message: `Mastodon rejected the request (${what})` };
}

/** The SendError the outbox expects; `retryAfterMs` is the wait until the rate-limit reset. */
export function toSendError(error: unknown, call: MastodonCall, retryAfterMs?: number): SendError {
  if (error instanceof SendError) return error;
  const f = classifyMastodonError(error, call);
  return new SendError(
    f.failure,
    f.message,
    f.retryable,
    f.failure === 'rate_limited' ? Math.max(retryAfterMs ?? 0, 1000) : undefined,
    error,
  );
}

/** Headers of a failed call's answer, when there was one (masto keeps the Response as the cause). */
export function errorHeaders(error: unknown): { status: number; headers?: Headers } {
  if (error instanceof MastoHttpError)
    return { status: error.statusCode, headers: (error.cause as Response | undefined)?.headers };
  return { status: 0 };
}

function said(text: string): string {
  return cleanText(text, 300).replace(/\s+/g, ' ');
}
