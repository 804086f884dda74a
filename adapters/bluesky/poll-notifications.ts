import type { AppBskyNotificationListNotifications } from '@atproto/api';
import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import type { BlueskyContext } from './bluesky-context.js';
import { handOver } from './hand-over.js';
import { loadProfiles } from './load-profiles.js';
import { mapNotification } from './map-post.js';
import { readWithLimits } from './read-with-limits.js';

/** Cursor of the notifications: `<indexedAt>|<uri>` of the newest one handed to the pipeline. */
export const NOTIFICATIONS_CURSOR = 'bluesky:notifications';

/** What makes a post the brand's business: it @mentions the brand, replies to its post, or quotes it. */
export const MENTION_REASONS = ['mention', 'reply', 'quote'];

/** Never page back further than this many pages in one poll (100 notifications each). */
const MAX_PAGES = 50;

type Notification = AppBskyNotificationListNotifications.Notification;

/** Where a notification sits in the order the cursor follows. */
export function positionOf(n: { indexedAt: string; uri: string }): string {
  return `${new Date(n.indexedAt).toISOString()}|${n.uri}`;
}

/**
 * Reads the brand's notifications newest first (listNotifications has no "since": its cursor pages
 * back) until the last one handed over, or BLUESKY_BACKFILL_MAX_HOURS back after downtime, then hands
 * the mentions, replies and quotes over oldest first with their authors' current profiles.
 */
export async function pollNotifications(
  ctx: BlueskyContext,
  onMentions: (batch: Mention[]) => Promise<void>,
): Promise<number> {
  const cursor = await readCursor(ctx.db, NOTIFICATIONS_CURSOR);
  const cursorTime = cursor?.split('|')[0] ?? '';
  const oldest = new Date(ctx.now().getTime() - ctx.config.backfillMaxAgeMs).toISOString();
  const brandDid = await ctx.session.ensure();
  const found: Notification[] = [];
  let page: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const { data } = await readWithLimits(ctx, 'app.bsky.notification.listNotifications', () =>
      ctx.session.call((a) =>
        a.app.bsky.notification.listNotifications({
          limit: 100,
          reasons: MENTION_REASONS,
          ...(page ? { cursor: page } : {}),
        }),
      ),
    );
    let reachedKnown = false;
    for (const n of data.notifications) {
      const at = new Date(n.indexedAt).toISOString();
      if (at < cursorTime || at < oldest) {
        reachedKnown = true;
        break;
      }
      if (cursor && positionOf(n) <= cursor) continue;
      // The service may ignore `reasons`; likes and follows are not the brand's business anyway.
      if (MENTION_REASONS.includes(n.reason) && n.author.did !== brandDid) found.push(n);
    }
    page = data.cursor;
    if (reachedKnown || !page || !data.notifications.length) break;
  }
  if (cursor && cursorTime < oldest)
    ctx.logger.warn(
      { since: cursorTime, oldest },
      'Bluesky: down for longer than BLUESKY_BACKFILL_MAX_HOURS; older notifications are not fetched',
    );
  if (!found.length) return 0;
  const profiles = await loadProfiles(
    ctx,
    found.map((n) => n.author.did),
  );
  ctx.logger.info({ count: found.length }, 'Bluesky notifications read');
  return handOver(
    ctx.db,
    NOTIFICATIONS_CURSOR,
    found.map((n) => ({ position: positionOf(n), mention: mapNotification(n, profiles.get(n.author.did)) })),
    onMentions,
  );
}
