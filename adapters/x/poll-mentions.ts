import type { TweetV2, UserV2 } from 'twitter-api-v2';
import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import { fetchPages } from './fetch-pages.js';
import {
  detectTimelineGap,
  fillTimelineGap,
  GAP_FILL_ATTEMPTS,
  reportTimelineGap,
  type TimelineGap,
} from './fill-timeline-gap.js';
import { handOver } from './hand-over.js';
import { mapPost, POST_QUERY, type XPost } from './map-post.js';
import type { XContext } from './x-context.js';
import { idTime, xTime } from './x-ids.js';

/** Cursor of the mentions timeline: the newest post id handed to the pipeline (X's since_id). */
export const MENTIONS_CURSOR = 'x:mentions';

/**
 * Reads the brand's mentions timeline since the cursor (since_id), paging back through everything
 * missed during downtime but never past X_BACKFILL_MAX_HOURS, then hands it over oldest first. The
 * timeline holds only the newest 800: a gap behind them is read from recent search or reported.
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
  const { items, users, more } = await fetchPages<XPost>(ctx, {
    path: 'users/:id/mentions',
    params: { id: ctx.config.brandUserId },
    query: { ...POST_QUERY, max_results: 100, start_time: xTime(oldest), ...(sinceId ? { since_id: sinceId } : {}) },
    action: 'read_mentions',
    unitUsd: ctx.config.costs.ownedRead,
  });
  if (items.length)
    ctx.logger.info({ count: items.length, backfill: !sinceId || items.length > 100 }, 'X mentions read');
  const fromGap = await readGap(ctx, detectTimelineGap(items, sinceId, more));
  for (const [id, u] of fromGap.users) users.set(id, u);
  // One hand-over, oldest first: the gap's posts go before the timeline's, so a crash in between leaves
  // the cursor inside the gap and the next poll finds (and fills) the rest of it.
  return handOver(
    ctx.db,
    MENTIONS_CURSOR,
    [...fromGap.posts, ...items].map((p: TweetV2) => ({ cursorId: p.id, mention: mapPost(p, users, true) })),
    onMentions,
  );
}

/** Transient failures to fill the gap in a row (this process); after GAP_FILL_ATTEMPTS the gap is reported. */
const failedFills = new WeakMap<XContext, number>();

/**
 * Fills a detected gap from recent search, or reports it (log warning, one Slack notice) when it cannot
 * be filled. A transient search failure throws, so the cursor stays before the gap and the next poll
 * tries again, up to GAP_FILL_ATTEMPTS times; then the gap is reported and the timeline handed over.
 */
async function readGap(
  ctx: XContext,
  gap: TimelineGap | null,
): Promise<{ posts: XPost[]; users: Map<string, UserV2> }> {
  const none = { posts: [], users: new Map<string, UserV2>() };
  if (!gap) return none;
  const fill = await fillTimelineGap(ctx, gap);
  if (fill.filled) {
    failedFills.delete(ctx);
    ctx.logger.warn(
      { sinceId: gap.sinceId, untilId: gap.untilId, read: fill.posts.length },
      `X mentions timeline gap: ${fill.posts.length} mentions older than the timeline's 800 read from recent search`,
    );
    return fill;
  }
  const failures = (failedFills.get(ctx) ?? 0) + 1;
  if (fill.retry && failures < GAP_FILL_ATTEMPTS) {
    failedFills.set(ctx, failures);
    throw new Error(`the mentions timeline has a gap and recent search failed (${fill.reason}); trying again`);
  }
  failedFills.delete(ctx);
  await reportTimelineGap(ctx, gap, fill.reason);
  return none;
}
