import { ChatBskyConvoDefs } from '@atproto/api';
import type { Mention } from '../../src/core/mention.js';
import { readCursor } from '../../src/store/cursor-position.js';
import type { BlueskyContext } from './bluesky-context.js';
import { handOver, type ReadItem } from './hand-over.js';
import { loadProfiles } from './load-profiles.js';
import { mapChatMessage } from './map-post.js';
import { readWithLimits } from './read-with-limits.js';

/** Cursor of the brand's chat log (chat.bsky.convo.getLog): the last rev read. */
export const CHAT_CURSOR = 'bluesky:chat';

/** Pages of the chat log read in one poll. */
const MAX_PAGES = 20;

/**
 * Reads the brand's chat log since the cursor: every message a customer sent the brand becomes a
 * private mention, so their answer to the invitation joins their case. The log cursor is saved only
 * after the messages before it were handed over.
 */
export async function pollMessages(
  ctx: BlueskyContext,
  onMentions: (batch: Mention[]) => Promise<void>,
): Promise<number> {
  const saved = await readCursor(ctx.db, CHAT_CURSOR);
  const oldest = ctx.now().getTime() - ctx.config.backfillMaxAgeMs;
  const brandDid = await ctx.session.ensure();
  const messages: Array<{ rev: string; convoId: string; message: ChatBskyConvoDefs.MessageView }> = [];
  let cursor = saved;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const { data } = await readWithLimits(ctx, 'chat.bsky.convo.getLog', () =>
      ctx.session.call((a) => a.chat.bsky.convo.getLog(cursor ? { cursor } : {}), 'chat'),
    );
    for (const log of data.logs) {
      if (!ChatBskyConvoDefs.isLogCreateMessage(log) || !ChatBskyConvoDefs.isMessageView(log.message)) continue;
      const m = log.message;
      if (m.sender.did === brandDid || Date.parse(m.sentAt) < oldest) continue;
      messages.push({ rev: log.rev, convoId: log.convoId, message: m });
    }
    if (!data.cursor || data.cursor === cursor || !data.logs.length) break;
    cursor = data.cursor;
  }
  if (cursor === saved && !messages.length) return 0;
  const profiles = messages.length
    ? await loadProfiles(
        ctx,
        messages.map((m) => m.message.sender.did),
      )
    : new Map();
  const items: ReadItem[] = messages.map((m) => ({
    position: m.rev,
    mention: mapChatMessage(m.convoId, m.message, profiles.get(m.message.sender.did)),
  }));
  return handOver(ctx.db, CHAT_CURSOR, items, onMentions, cursor);
}
