import { type OutgoingReply, SendError, type SendResult } from '../../src/core/channel-adapter.js';
import type { BlueskyContext } from './bluesky-context.js';
import { BLUESKY_MAX_BYTES, BLUESKY_MAX_GRAPHEMES, countGraphemes } from './bluesky-limits.js';
import { buildFacets } from './build-facets.js';
import { toSendError, windowUsedUp } from './classify-bluesky-error.js';
import { type PostRecord, postUrl, type StrongRef } from './map-post.js';

/** Posts are written to the brand's repository: the PDS's write budget (points) is this method's. */
export const WRITE_METHOD = 'com.atproto.repo.createRecord';

/** The parent and root a reply must name, from the mention's place or, when it lacks them, from the AppView. */
async function replyRefs(
  ctx: BlueskyContext,
  uri: string,
  place: Record<string, string> | undefined,
): Promise<{ root: StrongRef; parent: StrongRef; handle?: string }> {
  if (place?.cid && place.rootUri && place.rootCid) {
    return {
      parent: { uri, cid: place.cid },
      root: { uri: place.rootUri, cid: place.rootCid },
      handle: place.authorHandle,
    };
  }
  const { data } = await ctx.session.call((a) => a.app.bsky.feed.getPosts({ uris: [uri] }));
  const post = data.posts[0];
  if (!post) throw new SendError('rejected', `the Bluesky post ${uri} no longer exists (deleted?)`, false);
  const record = post.record as PostRecord;
  return {
    parent: { uri, cid: post.cid },
    root: record.reply?.root ?? { uri, cid: post.cid },
    handle: post.author.handle,
  };
}

/** Whether a text fits a Bluesky post: 300 graphemes and 3000 bytes. */
export function checkPostLength(text: string): void {
  const graphemes = countGraphemes(text);
  if (graphemes > BLUESKY_MAX_GRAPHEMES || Buffer.byteLength(text) > BLUESKY_MAX_BYTES) {
    throw new SendError(
      'rejected',
      `text is ${graphemes} graphemes; a Bluesky post holds ${BLUESKY_MAX_GRAPHEMES}`,
      false,
    );
  }
}

/**
 * Posts a public reply with the root and parent references Bluesky threads by, and facets for its
 * links and for the author's @handle only. Not even tried while the write window is used up.
 */
export async function sendReply(ctx: BlueskyContext, message: OutgoingReply): Promise<SendResult> {
  const wait = ctx.limits.waitMs(WRITE_METHOD);
  if (wait > 0) throw windowUsedUp(WRITE_METHOD, wait);
  try {
    checkPostLength(message.text);
    const { root, parent, handle } = await replyRefs(ctx, message.inReplyTo.id, message.inReplyTo.place);
    const { text, facets } = buildFacets(message.text, { did: message.inReplyTo.authorId, handle });
    const created = await ctx.session.call((a) =>
      a.post({
        text,
        ...(facets.length ? { facets } : {}),
        reply: { root, parent },
        createdAt: ctx.now().toISOString(),
      }),
    );
    return { externalId: created.uri, url: postUrl(ctx.config.handle, created.uri), costUsd: 0 };
  } catch (error) {
    const failure = toSendError(error, 'reply', ctx.limits.waitMs(WRITE_METHOD));
    if (failure.failure === 'auth') ctx.logger.error({ key: message.idempotencyKey }, failure.message);
    throw failure;
  }
}
