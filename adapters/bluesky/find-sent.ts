import type { SendResult } from '../../src/core/channel-adapter.js';
import type { BlueskyContext } from './bluesky-context.js';
import { toSendError } from './classify-bluesky-error.js';
import { type PostRecord, postUrl } from './map-post.js';
import { readWithLimits } from './read-with-limits.js';
import { findConvo } from './send-message.js';

/** Pages of 100 of the brand's own posts read back when checking for a reply. */
const FIND_PAGES = 3;

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * After a crash or an ambiguous answer (timeout, 5xx): did the brand already reply to this post with
 * this text? Reads the brand's own repository on its PDS (com.atproto.repo.listRecords, newest first:
 * a post is there the moment it is written, before any AppView indexes it) for a reply to the same
 * parent with the same text, created after the post it answers. Null only when certainly not there.
 */
export async function findSentReply(ctx: BlueskyContext, parentUri: string, text: string): Promise<SendResult | null> {
  try {
    const repo = await ctx.session.ensure();
    let cursor: string | undefined;
    for (let page = 0; page < FIND_PAGES; page++) {
      const { data } = await readWithLimits(
        ctx,
        'com.atproto.repo.listRecords',
        () =>
          ctx.session.call((a) =>
            a.com.atproto.repo.listRecords({
              repo,
              collection: 'app.bsky.feed.post',
              limit: 100,
              ...(cursor ? { cursor } : {}),
            }),
          ),
        'refuse',
      );
      for (const r of data.records) {
        const value = r.value as PostRecord;
        if (value.reply?.parent.uri === parentUri && same(value.text ?? '', text))
          return { externalId: r.uri, url: postUrl(ctx.config.handle, r.uri), costUsd: 0 };
      }
      // Older than the backfill window: the reply (always newer than its post's notification) is not further back.
      const last = data.records[data.records.length - 1]?.value as PostRecord | undefined;
      if (
        !data.cursor ||
        !last?.createdAt ||
        Date.parse(last.createdAt) < ctx.now().getTime() - ctx.config.backfillMaxAgeMs
      )
        return null;
      cursor = data.cursor;
    }
    return null;
  } catch (error) {
    throw toSendError(error, 'read', ctx.limits.waitMs('com.atproto.repo.listRecords'));
  }
}

/** The same question for a DM: is this text among the brand's latest messages in its conversation with the customer? */
export async function findSentMessage(ctx: BlueskyContext, did: string, text: string): Promise<SendResult | null> {
  try {
    const brand = await ctx.session.ensure();
    const { convoId } = await findConvo(ctx, did);
    if (!convoId) return null; // no conversation: nothing was sent
    const { data } = await readWithLimits(
      ctx,
      'chat.bsky.convo.getMessages',
      () => ctx.session.call((a) => a.chat.bsky.convo.getMessages({ convoId, limit: 50 }), 'chat'),
      'refuse',
    );
    const found = data.messages.find(
      (m) =>
        (m as { sender?: { did: string } }).sender?.did === brand &&
        same(String((m as { text?: string }).text ?? ''), text),
    );
    return found ? { externalId: `chat:${convoId}:${(found as { id: string }).id}`, costUsd: 0 } : null;
  } catch (error) {
    throw toSendError(error, 'read', ctx.limits.waitMs('chat.bsky.convo.getMessages'));
  }
}
