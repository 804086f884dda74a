import { XRPCError } from '@atproto/api';
import { SendError, type SendFailure } from '../../src/core/channel-adapter.js';
import { cleanText } from '../../src/core/clean-text.js';

/** What kind of call failed: the same 400 means "DMs closed" in the chat service and "bad post" elsewhere. */
export type BlueskyCall = 'read' | 'reply' | 'dm' | 'login';

/** A failed Bluesky call, classified once: the outbox's SendError and the poller's log line both use it. */
export interface BlueskyFailure {
  failure: SendFailure;
  retryable: boolean;
  /** One line for the log: what Bluesky said and what to do about it. Never holds the password. */
  message: string;
}

/** The fix for every credential problem, in one place. */
export const CREDENTIAL_FIX =
  'create a new app password (Bluesky: Settings, Privacy and ' +
  'security, App passwords), set BLUESKY_APP_PASSWORD, restart, ' +
  'then release the held messages in Slack';

const AUTH_ERRORS = new Set([
  'AuthenticationRequired',
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
  'AuthMissing',
]);
const DM_REFUSED =
  /disabled|not accept|no longer accepting|blocked|cannot (message|chat)|recipient|not allowed to|can ?not start/i;

/**
 * Classifies what @atproto/api threw. 429 waits for RateLimit-Reset; a revoked or wrong app password
 * is held for a person (retrying cannot fix it); the chat service refusing a conversation means the
 * customer's DMs are closed to the brand; 5xx and network failures are ambiguous (the post may exist),
 * so the outbox asks findSent before any retry.
 */
export function classifyBlueskyError(error: unknown, call: BlueskyCall): BlueskyFailure {
  if (error instanceof SendError) return { failure: error.failure, retryable: error.retryable, message: error.message };
  if (!(error instanceof XRPCError) || error.status === 1 || error.status === 2) {
    const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      failure: 'network',
      retryable: true,
      message: `Bluesky did not answer (${said(why)}); unknown whether it went through`,
    };
  }
  const what = `${error.status} ${error.error}: ${said(error.message)}`;
  if (error.status === 429)
    return {
      failure: 'rate_limited',
      retryable: true,
      message: `Bluesky rate limit reached (${what}); waiting for RateLimit-Reset`,
    };
  if (error.status === 401 || AUTH_ERRORS.has(error.error)) {
    return {
      failure: 'auth',
      retryable: false,
      message: `Bluesky refused the brand's app password or session (${what}): ${CREDENTIAL_FIX}`,
    };
  }
  if (call === 'dm' && (error.status === 400 || error.status === 403) && DM_REFUSED.test(error.message)) {
    return {
      failure: 'dm_closed',
      retryable: false,
      message: `Bluesky chat refused the conversation: the customer does not accept messages from the brand (${what})`,
    };
  }
  if (error.status >= 500)
    return {
      failure: 'server',
      retryable: true,
      message: `Bluesky server error (${what}); unknown whether it went through`,
    };
  return { failure: 'rejected', retryable: false, message: `Bluesky rejected the request (${what})` };
}

/** The SendError the outbox expects; `retryAfterMs` is the wait until the rate-limit reset. */
export function toSendError(error: unknown, call: BlueskyCall, retryAfterMs?: number): SendError {
  if (error instanceof SendError) return error;
  const f = classifyBlueskyError(error, call);
  return new SendError(
    f.failure,
    f.message,
    f.retryable,
    f.failure === 'rate_limited' ? Math.max(retryAfterMs ?? 0, 1000) : undefined,
    error,
  );
}

/** The error for a send not even tried because the method's window is used up (no call into a 429). */
export function windowUsedUp(method: string, waitMs: number): SendError {
  return new SendError(
    'rate_limited',
    `Bluesky rate limit for ${method} used up; resets in ${Math.ceil(waitMs / 1000)} s`,
    true,
    waitMs,
  );
}

// Bluesky's own words are outside text: cleaned and cut short before they reach a log line.
function said(text: string): string {
  return cleanText(text, 300).replace(/\s+/g, ' ');
}
