import type { webApi } from '@slack/bolt';
import type { SlackConfig } from '../config/slack-settings.js';
import { AppError, describeError } from '../core/app-error.js';

/** Answers whether a Slack user may act on cases. */
export type MembershipCheck = (userId: string) => Promise<boolean>;

// Membership changes rarely; a minute keeps clicks fast without trusting a stale list for long.
const CACHE_MS = 60_000;
const MAX_PAGES = 50;

/**
 * Only members of the team's user group (SLACK_TEAM_USERGROUP) or, without one, of the team channel
 * may act. The member list is read from Slack and cached for a minute; when Slack cannot be asked
 * and no list was read before, it throws (the user is told to try again; nothing changes).
 */
export function createMembershipCheck(
  client: webApi.WebClient,
  config: Pick<SlackConfig, 'channelId' | 'teamUsergroup'>,
  now: () => number = Date.now,
): MembershipCheck {
  let cached: { members: Set<string>; at: number } | undefined;
  let loading: Promise<Set<string>> | undefined;

  async function load(): Promise<Set<string>> {
    if (config.teamUsergroup) {
      const res = await client.usergroups.users.list({ usergroup: config.teamUsergroup });
      return new Set(res.users ?? []);
    }
    const members = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.conversations.members({
        channel: config.channelId,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      for (const m of res.members ?? []) members.add(m);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return members;
  }

  return async (userId) => {
    if (!cached || now() - cached.at > CACHE_MS) {
      loading ??= load().finally(() => (loading = undefined));
      try {
        cached = { members: await loading, at: now() };
      } catch (error) {
        // A list a little old beats refusing the whole team while Slack hiccups; no list at all is an error.
        if (!cached)
          throw new AppError('slack_unavailable', `could not read the team's members: ${describeError(error)}`, {
            humanMessage:
              'Slack could not confirm that you are in the team just now; nothing changed. Please try again.',
            cause: error,
          });
      }
    }
    return cached.members.has(userId);
  };
}
