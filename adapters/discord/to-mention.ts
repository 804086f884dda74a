import type { Mention } from '../../src/core/mention.js';
import type { DiscordPost } from './read-message.js';

/** The channel name Discord mentions carry. */
export const DISCORD = 'discord';

/**
 * A watched post as a platform-neutral Mention. `place` says where to answer: the server, the channel
 * and, for a message in a thread, the thread (replies go into the thread). A direct message is private
 * and has only its DM channel.
 */
export function toMention(post: DiscordPost, mentionsBrand: boolean, onlyAsReply = false): Mention {
  const place: Record<string, string> = post.isDirect
    ? { channelId: post.channelId }
    : post.parentId
      ? { guildId: post.guildId!, channelId: post.parentId, threadId: post.channelId }
      : { guildId: post.guildId!, channelId: post.channelId };
  return {
    channel: DISCORD,
    id: post.id,
    author: { id: post.author.id, handle: post.author.username, name: post.author.displayName },
    text: post.text,
    createdAt: post.createdAt,
    mentionsBrand,
    url: post.url,
    ...(post.isDirect ? { isPrivate: true } : {}),
    ...(post.replyToId ? { inReplyToId: post.replyToId } : {}),
    ...(post.editedAt ? { editedAt: post.editedAt } : {}),
    ...(onlyAsReply ? { onlyAsReply: true } : {}),
    place,
  };
}

/** The channel to post into for a reply at `place`: the thread when there is one. */
export function replyChannelId(place: Record<string, string> | undefined): string | undefined {
  return place?.threadId ?? place?.channelId;
}
