import type { TweetV2 } from 'twitter-api-v2';
import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import { fetchPages } from './fetch-pages.js';
import { handOver } from './hand-over.js';
import { mapPost, POST_QUERY, type XPost } from './map-post.js';
import type { XContext } from './x-context.js';
import { idTime, xTime } from './x-ids.js';

/** Cursor of the mentions timeline: the newest post id handed to the pipeline (X's since_id). */
export const MENTIONS_CURSOR = 'x:mentions';

/**
 * Reads the brand's mentions timeline since the cursor (since_id), paging back through everything
 * missed during downtime but never past X_BACKFILL_MAX_HOURS, then hands it over oldest first.
 * Returns how many mentions went to the pipeline.
 */
export async function pollMentions(ctx: XContext, onMentions: (batch: Mention[]) => Promise<void>): Promise<number> {
  const sinceId = await readCursor(ctx.db, MENTIONS_CURSOR);
  const oldest = new Date(ctx.now().getTime() - ctx.config.backfillMaxAgeMs);
  if (sinceId && idTime(sinceId) < oldest) {
    ctx.logger.warn(
      { since: idTime(sinceId).toISOString(), oldest: oldest.toISOString() },
      'X mentions: down for longer than X_BACKFILL_MAX_HOURS; mentions older than the limit are not fetched',
    );
  }
  const { items, users } = await fetchPages<XPost>(ctx, {
    path: 'users/:id/mentions',
    params: { id: ctx.config.brandUserId },
    query: { ...POST_QUERY, max_results: 100, start_time: xTime(oldest), ...(sinceId ? { since_id: sinceId } : {}) },
    action: 'read_mentions',
    unitUsd: ctx.config.costs.ownedRead,
  });
  if (items.length)
    ctx.logger.info({ count: items.length, backfill: !sinceId || items.length > 100 }, 'X mentions read');
  return handOver(
    ctx.db,
    MENTIONS_CURSOR,
    items.map((p: TweetV2) => ({ cursorId: p.id, mention: mapPost(p, users, true) })),
    onMentions,
  );
}
