import type { mastodon } from 'masto';
import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import { answersSomeoneElse } from './answers-someone-else.js';
import { callMastodon } from './call-mastodon.js';
import { handOver, type ReadItem } from './hand-over.js';
import { compareIds, mapStatus } from './map-status.js';
import type { MastodonContext } from './mastodon-context.js';

/** Cursor of the brand's mention notifications: the newest notification id handed over. */
export const NOTIFICATIONS_CURSOR = 'mastodon:notifications';

/** GET /api/v1/notifications returns at most 80 a page; 40 is its default. */
const PAGE = 40;
const MAX_PAGES = 50;

/**
 * A mention notification as what the pipeline gets (or nothing, for a notification without its status).
 * A reply to someone else that names the brand only among the handles Mastodon fills in is `onlyAsReply`.
 */
export function toReadItem(n: mastodon.v1.Notification, brand?: { id: string; username: string }): ReadItem {
  if (n.type !== 'mention' || !n.status) return { cursorId: n.id };
  const aside = brand !== undefined && answersSomeoneElse(n.status, brand);
  const mention = mapStatus(n.status, !aside);
  return { cursorId: n.id, mention: aside ? { ...mention, onlyAsReply: true } : mention };
}

/**
 * The REST side of mentions: the streaming API has no catch-up, so after every (re)connection, restart
 * and poll, the notifications of type mention newer than the cursor are read with `min_id` (the page
 * right after it, then the next, oldest pages first). Without a cursor (the first start) it reads
 * back with `max_id` to MASTODON_BACKFILL_MAX_HOURS.
 */
export async function backfillMentions(
  ctx: MastodonContext,
  onMentions: (batch: Mention[]) => Promise<void>,
): Promise<number> {
  const cursor = await readCursor(ctx.db, NOTIFICATIONS_CURSOR);
  const oldest = ctx.now().getTime() - ctx.config.backfillMaxAgeMs;
  const recent = (n: mastodon.v1.Notification) => Date.parse(n.createdAt) >= oldest;
  const list = (params: mastodon.rest.v1.ListNotificationsParams) =>
    callMastodon(ctx, ['api'], () =>
      ctx.rest.v1.notifications.list.$raw({ types: ['mention'], limit: PAGE, ...params }),
    );
  let handed = 0;
  if (cursor) {
    let minId = cursor;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await list({ minId });
      if (!page.length) break;
      const items = page.map((n) => (recent(n) ? toReadItem(n, ctx.instance?.me) : { cursorId: n.id }));
      handed += await handOver(ctx.db, NOTIFICATIONS_CURSOR, items, onMentions);
      minId = page
        .map((n) => n.id)
        .sort(compareIds)
        .pop()!;
      if (page.length < PAGE) break;
    }
    return handed;
  }
  const found: mastodon.v1.Notification[] = [];
  let maxId: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await list(maxId ? { maxId } : {});
    found.push(...page.filter(recent));
    if (page.length < PAGE || page.some((n) => !recent(n))) break;
    maxId = page.map((n) => n.id).sort(compareIds)[0];
  }
  return handOver(
    ctx.db,
    NOTIFICATIONS_CURSOR,
    found.map((n) => toReadItem(n, ctx.instance?.me)),
    onMentions,
  );
}
