import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import { fetchPages } from './fetch-pages.js';
import { handOver } from './hand-over.js';
import { mapDirectMessage, type XDmEvent } from './map-post.js';
import type { XContext } from './x-context.js';
import { compareIds } from './x-ids.js';

/** Cursor of the brand's direct messages: the newest DM event handed over. */
export const DM_CURSOR = 'x:dm';

const DM_QUERY = {
  event_types: 'MessageCreate',
  'dm_event.fields': ['created_at', 'dm_conversation_id', 'event_type', 'id', 'text'],
  expansions: ['sender_id'],
  'user.fields': ['name', 'username'],
};

/**
 * Reads direct messages to the brand that are newer than the cursor. GET /2/dm_events has no since_id:
 * it is read newest first until the cursor (or the backfill limit) is reached. With a cursor the first
 * page is small, because every event returned is billed. Each customer message becomes a private
 * mention: the pipeline records it, and only then may the bot send that customer a DM (X's rule).
 */
export async function pollDirectMessages(
  ctx: XContext,
  onMentions: (batch: Mention[]) => Promise<void>,
): Promise<number> {
  if (!ctx.config.readDms) return 0;
  const cursor = await readCursor(ctx.db, DM_CURSOR);
  const oldest = ctx.now().getTime() - ctx.config.backfillMaxAgeMs;
  const { items, users } = await fetchPages<XDmEvent>(ctx, {
    path: 'dm_events',
    query: { ...DM_QUERY, max_results: cursor ? 10 : 100 },
    nextPageSize: 100,
    stopAt: (e) =>
      (cursor !== undefined && compareIds(e.id, cursor) <= 0) ||
      (e.created_at !== undefined && Date.parse(e.created_at) < oldest),
    action: 'read_dm_events',
    unitUsd: ctx.config.costs.dmRead,
  });
  const read = items.map((e) => ({
    cursorId: e.id,
    mention:
      e.event_type === 'MessageCreate' && e.sender_id !== ctx.config.brandUserId
        ? mapDirectMessage(e, users)
        : undefined,
  }));
  return handOver(ctx.db, DM_CURSOR, read, onMentions);
}
