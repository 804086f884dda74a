import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { SendError, type SendFailure } from '../../src/core/channel-adapter.js';
import { cleanText } from '../../src/core/clean-text.js';

/** What kind of call failed: the same 403 means different things when posting and when sending a DM. */
export type XCall = 'read' | 'reply' | 'dm';

/** A failed X call, classified once: the outbox's SendError and the poller's log line both use it. */
export interface XFailure {
  failure: SendFailure;
  retryable: boolean;
  /** One line for the log: what X said and what to do about it. Never holds a credential. */
  message: string;
}

const AUTH_PROBLEM = /oauth1-permissions|client-forbidden|unsupported-authentication|not-authorized/;
const AUTH_DETAIL = /oauth|permission|access level|not configured|project|authenticat/i;
const REPLY_REFUSED = /mentioned|engaged|reply to this conversation|replies? (is|are) not allowed/i;

/**
 * Classifies an error thrown by twitter-api-v2. 429 waits for the reset; duplicate content and
 * credential problems are not retried (the outbox keeps the message for a person); 5xx and network
 * failures are ambiguous (X may have posted), so the outbox checks before any retry.
 */
export function classifyXError(error: unknown, call: XCall): XFailure {
  if (error instanceof ApiResponseError) return classifyResponse(error, call);
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError) {
    return {
      failure: 'network',
      retryable: true,
      message: `X did not answer (${error.message}); unknown whether it went through`,
    };
  }
  return {
    failure: 'network',
    retryable: true,
    message: `X call failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function classifyResponse(error: ApiResponseError, call: XCall): XFailure {
  const { code } = error;
  const said = whatXSaid(error);
  if (code === 429)
    return {
      failure: 'rate_limited',
      retryable: true,
      message: `X rate limit reached (429 ${said}); waiting for the reset`,
    };
  if (code === 401) {
    return {
      failure: 'auth',
      retryable: false,
      message:
        `X refused the credentials (401 ${said}): check X_API_KEY, ` +
        `X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET`,
    };
  }
  if (code === 403) {
    if (/duplicate/i.test(said)) {
      return {
        failure: 'duplicate',
        retryable: false,
        message: `X refused the text as duplicate content (403 ${said})`,
      };
    }
    if (AUTH_PROBLEM.test(String(error.data?.type ?? '')) || AUTH_DETAIL.test(said)) {
      return {
        failure: 'auth',
        retryable: false,
        message:
          `X refused the app's permissions (403 ${said}): the app needs ` +
          `"Read and write and Direct message" and an access token ` +
          `generated after that change`,
      };
    }
    if (call === 'reply' && REPLY_REFUSED.test(said)) {
      return {
        failure: 'rejected',
        retryable: false,
        message: `X refused the reply: the post did not @mention or quote the brand (403 ${said})`,
      };
    }
    if (call === 'dm')
      return {
        failure: 'dm_closed',
        retryable: false,
        message: `X refused the DM: the customer does not accept it (403 ${said})`,
      };
    return { failure: 'rejected', retryable: false, message: `X refused the request (403 ${said})` };
  }
  if (code >= 500)
    return {
      failure: 'server',
      retryable: true,
      message: `X server error (${code} ${said}); unknown whether it went through`,
    };
  return { failure: 'rejected', retryable: false, message: `X rejected the request (${code} ${said})` };
}

// X's own words (title, detail) are outside text: cleaned and cut short before they reach a log line.
function whatXSaid(error: ApiResponseError): string {
  const data = error.data ?? {};
  const words = [
    data.title,
    data.detail ?? data.error,
    ...(data.errors ?? []).map((e) => ('message' in e ? e.message : '')),
  ].filter((w): w is string => typeof w === 'string' && w.length > 0);
  return cleanText([...new Set(words)].join(': ') || 'no detail', 300).replace(/\s+/g, ' ');
}

/** The SendError the outbox expects for a failed send; `retryAfterMs` is the wait until the rate-limit reset. */
export function toSendError(error: unknown, call: XCall, retryAfterMs?: number): SendError {
  const f = classifyXError(error, call);
  return new SendError(f.failure, f.message, f.retryable, f.failure === 'rate_limited' ? retryAfterMs : undefined);
}

/** The error for a send not even tried because the endpoint's window is used up (no call into a 429). */
export function windowUsedUp(endpoint: string, waitMs: number): SendError {
  return new SendError(
    'rate_limited',
    `X rate limit for ${endpoint} used up; resets in ${Math.ceil(waitMs / 1000)} s`,
    true,
    waitMs,
  );
}
