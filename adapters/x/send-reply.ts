import { type OutgoingReply, SendError, type SendResult } from '../../src/core/channel-adapter.js';
import { toSendError, windowUsedUp } from './classify-x-error.js';
import { findSentReply } from './find-sent.js';
import { twitterText } from './twitter-text.js';
import type { XContext } from './x-context.js';
import { replyCostUsd } from './x-spend.js';

const ENDPOINT = 'POST /2/tweets';

/** Whether the post was a summoned one (it @mentioned the brand): X bills a reply to it at the lower price. */
export async function wasSummoned(ctx: XContext, postId: string): Promise<boolean> {
  const row = await ctx.db.mention.findUnique({
    where: { channel_externalId: { channel: 'x', externalId: postId } },
    select: { mentionsBrand: true },
  });
  return row?.mentionsBrand ?? false;
}

/**
 * Posts a public reply (POST /2/tweets with reply.in_reply_to_tweet_id) and says what it cost. Not even
 * tried while the post window is used up. Duplicate content may mean this very reply went out and the
 * answer was lost: the brand's posts are checked first, and only a reply that is really not there is
 * refused back to the outbox (which rewords it or holds it for a person).
 */
export async function sendReply(ctx: XContext, message: OutgoingReply): Promise<SendResult> {
  const wait = ctx.limits.waitMs(ENDPOINT);
  if (wait > 0) throw windowUsedUp(ENDPOINT, wait);
  const summoned = await wasSummoned(ctx, message.inReplyTo.id);
  try {
    const { data } = await ctx.api.reply(message.text, message.inReplyTo.id);
    const hasUrl = twitterText.extractUrls(message.text).length > 0;
    return {
      externalId: data.id,
      url: `https://x.com/i/web/status/${data.id}`,
      costUsd: replyCostUsd(ctx.config.costs, hasUrl, summoned),
    };
  } catch (error) {
    const failure = toSendError(error, 'reply', ctx.limits.waitMs(ENDPOINT));
    if (failure.failure === 'duplicate') {
      // X refuses a text the brand already posted: most often this very reply, whose answer was lost.
      const earlier = await findSentReply(ctx, message.inReplyTo.id, message.text, summoned).catch((e) => {
        // The check could not run (its window is used up): unknown, not refused. The row stays
        // unconfirmed and is checked again; rewording now could post a second reply.
        throw new SendError(
          'server',
          `${failure.message}; the check for an earlier reply failed: ${String(e)}`,
          true,
          e instanceof SendError ? e.retryAfterMs : undefined,
        );
      });
      if (earlier) return earlier;
      // Only a genuinely different earlier post carries these words: the outbox rewords it.
    }
    if (failure.failure === 'auth') ctx.logger.error({ key: message.idempotencyKey }, failure.message);
    throw failure;
  }
}
