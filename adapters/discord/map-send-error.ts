import {
  CannotSendMessagesToThisUserErrorCodes,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  RESTJSONErrorCodes,
} from 'discord.js';
import { SendError } from '../../src/core/channel-adapter.js';

/** What the bot needs in a channel to read and answer there (the README lists the same). */
export const PERMISSION_HINT = 'View Channel, Send Messages, Send Messages in Threads and Read Message History';

const PERMISSION_CODES: number[] = [RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess];
const DM_CLOSED_CODES: readonly number[] = CannotSendMessagesToThisUserErrorCodes;

/** Whether Discord refused because the bot lacks a permission where it tried to post. */
export function isPermissionError(error: unknown): boolean {
  return error instanceof DiscordAPIError && PERMISSION_CODES.includes(Number(error.code));
}

/**
 * Turns what discord.js threw into the outbox's SendError:
 * - a rate limit (the REST client is told to reject rather than wait) is retried after Discord's delay;
 *   a per-route one holds back only its route, a global one (`global: true`) the whole channel;
 * - 50007 / 50278, the member's DMs are closed: final, and the acknowledgement switches its wording;
 * - 50013 / 50001, a missing permission: final until someone fixes the bot's role;
 * - other 4xx (unknown message or channel, a body Discord refuses): final;
 * - 401: the token was revoked or reset: retried with backoff, in case it is fixed meanwhile;
 * - 5xx and network failures: retried, and the outbox asks findSent first, as Discord may have posted.
 */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof RateLimitError) {
    // Discord limits each route bucket (route and major parameter: one channel's messages) on its own;
    // only a global limit holds every call back. The REST client tracks the buckets and refuses at once
    // while one is used up, so the outbox holds back only this message, not the whole channel.
    return new SendError(
      'rate_limited',
      `Discord rate limit on ${error.route} (${error.global ? 'global' : error.scope})`,
      true,
      Math.max(error.retryAfter, 1000),
      error,
      error.global ? 'channel' : 'route',
    );
  }
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    const what = `Discord ${error.status} ${error.code}: ${error.message}`;
    if (DM_CLOSED_CODES.includes(code))
      return new SendError(
        'dm_closed',
        `${what} (the member does not accept DMs from the bot)`,
        false,
        undefined,
        error,
      );
    if (PERMISSION_CODES.includes(code))
      return new SendError('rejected', `${what} (the bot needs ${PERMISSION_HINT})`, false, undefined, error);
    if (error.status === 401) return new SendError('auth', `${what} (check DISCORD_BOT_TOKEN)`, true, undefined, error);
    if (error.status === 429) return new SendError('rate_limited', what, true, undefined, error);
    if (error.status >= 500) return new SendError('server', what, true, undefined, error);
    return new SendError('rejected', what, false, undefined, error);
  }
  if (error instanceof HTTPError) {
    return new SendError(
      error.status >= 500 ? 'server' : 'rejected',
      `Discord HTTP ${error.status} ${error.message}`,
      error.status >= 500,
      undefined,
      error,
    );
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SendError('network', `Discord unreachable: ${message}`, true, undefined, error);
}
