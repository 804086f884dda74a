import type { AppBskyActorDefs } from '@atproto/api';
import { type OutgoingPrivate, SendError, type SendResult } from '../../src/core/channel-adapter.js';
import type { BlueskyContext } from './bluesky-context.js';
import { buildFacets } from './build-facets.js';
import { toSendError, windowUsedUp } from './classify-bluesky-error.js';

const SEND_METHOD = 'chat.bsky.convo.sendMessage';

/** Bluesky's default for an account that never chose (Settings, Chat): people they follow. */
const DEFAULT_ALLOW_INCOMING = 'following';

/** Whether the customer's chat setting lets the brand write first, and the setting in words for the log. */
export function chatAllows(profile: Pick<AppBskyActorDefs.ProfileViewDetailed, 'associated' | 'viewer'>): {
  allowed: boolean;
  setting: string;
} {
  const setting = profile.associated?.chat?.allowIncoming ?? DEFAULT_ALLOW_INCOMING;
  if (setting === 'all') return { allowed: true, setting };
  if (setting === 'following') return { allowed: Boolean(profile.viewer?.followedBy), setting };
  return { allowed: false, setting };
}

/**
 * The customer's existing conversation with the brand, if the chat service says the two may talk: a
 * customer who wrote to the brand first can be answered whatever their setting.
 */
export async function findConvo(ctx: BlueskyContext, did: string): Promise<{ canChat: boolean; convoId?: string }> {
  const { data } = await ctx.session.call((a) => a.chat.bsky.convo.getConvoAvailability({ members: [did] }), 'chat');
  return { canChat: data.canChat, convoId: data.convo?.id };
}

/**
 * Sends the invitation (or a person's private answer) as a Bluesky DM, through the chat service.
 * Only where the customer's chat setting allows messages from the brand (everyone, or people they
 * follow when they follow the brand), or where they already opened a conversation; otherwise it is
 * refused as `dm_closed`, without writing, and the public reply asks them to message the brand.
 */
export async function sendMessage(ctx: BlueskyContext, message: OutgoingPrivate): Promise<SendResult> {
  const wait = ctx.limits.waitMs(SEND_METHOD);
  if (wait > 0) throw windowUsedUp(SEND_METHOD, wait);
  const did = message.recipient.id;
  try {
    const { data: profile } = await ctx.session.call((a) => a.app.bsky.actor.getProfile({ actor: did }));
    const verdict = chatAllows(profile);
    let convoId: string | undefined;
    if (!verdict.allowed) {
      const existing = await findConvo(ctx, did);
      if (!existing.canChat || !existing.convoId) {
        throw new SendError(
          'dm_closed',
          `@${profile.handle} accepts Bluesky messages from ` +
            `${verdict.setting === 'none' ? 'nobody' : 'people they follow'} only; ` +
            `the brand may not write first`,
          false,
        );
      }
      convoId = existing.convoId;
    }
    convoId ??= (await ctx.session.call((a) => a.chat.bsky.convo.getConvoForMembers({ members: [did] }), 'chat')).data
      .convo.id;
    const { text, facets } = buildFacets(message.text);
    const { data: sent } = await ctx.session.call(
      (a) =>
        a.chat.bsky.convo.sendMessage({ convoId: convoId!, message: { text, ...(facets.length ? { facets } : {}) } }),
      'chat',
    );
    return { externalId: `chat:${convoId}:${sent.id}`, costUsd: 0 };
  } catch (error) {
    const failure = toSendError(error, 'dm', ctx.limits.waitMs(SEND_METHOD));
    if (failure.failure === 'auth') ctx.logger.error({ key: message.idempotencyKey }, failure.message);
    throw failure;
  }
}
