import { decodeHTMLStrict } from 'entities';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
// twitter-api-v2 types DM events but does not re-export them from its index.
import type { DMEventV2 } from 'twitter-api-v2/dist/esm/types/v2/dm.v2.types';
import { cleanText } from '../../src/core/clean-text.js';
import type { Mention, MentionAuthor } from '../../src/core/mention.js';
import { idTime } from './x-ids.js';

/**
 * The fields asked for with every post read, named as X's published contract (2.167) names them:
 * `post.fields`, not the older `tweet.fields` twitter-api-v2's typed helpers still send.
 */
export const POST_QUERY = {
  'post.fields': ['created_at', 'conversation_id', 'entities', 'lang'],
  expansions: ['author_id'],
  'user.fields': ['name', 'username'],
};

/** A post as X returns it: twitter-api-v2's type, plus the field names of X's newer contract. */
export type XPost = TweetV2 & { edit_history_post_ids?: string[]; referenced_posts?: TweetV2['referenced_tweets'] };

/**
 * X escapes &, < and > in post text; the rest of the system wants the text as written. Decoded once
 * with the full HTML5 table (`entities`, strict: only with the `;`, so "R&D" or "&parameter" stay as typed).
 */
export function decodeXText(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

function authorOf(id: string | undefined, users: Map<string, UserV2>): MentionAuthor {
  const user = id ? users.get(id) : undefined;
  // Without the author expansion (X dropped it, or the account is gone) the id stands in for the handle.
  const handle = cleanText(user?.username ?? '', 50) || `id${id ?? 'unknown'}`;
  return { id: id ?? 'unknown', handle, name: cleanText(user?.name ?? '', 200) || handle };
}

/** Who a post replies to, whichever name X gives the references. */
export function repliedTo(post: XPost): string | undefined {
  return (post.referenced_tweets ?? post.referenced_posts)?.find((r) => r.type === 'replied_to')?.id;
}

/**
 * A post as a Mention. An edited post comes back with a new id and its edit history: it keeps the
 * first id (the mention already stored) with `editedAt`, so the pipeline updates instead of answering twice.
 */
export function mapPost(post: XPost, users: Map<string, UserV2>, mentionsBrand: boolean): Mention {
  const history = post.edit_history_tweet_ids ?? post.edit_history_post_ids ?? [];
  const firstId = history.length > 1 ? history[0] : post.id;
  const createdAt = post.created_at ? new Date(post.created_at) : idTime(post.id);
  const author = authorOf(post.author_id, users);
  const place: Record<string, string> = post.conversation_id ? { conversationId: post.conversation_id } : {};
  return {
    channel: 'x',
    id: firstId,
    author,
    text: cleanText(decodeXText(post.text ?? '')),
    createdAt,
    mentionsBrand,
    url: `https://x.com/${encodeURIComponent(author.handle)}/status/${post.id}`,
    ...(history.length > 1 ? { editedAt: createdAt } : {}),
    ...(repliedTo(post) ? { inReplyToId: repliedTo(post) } : {}),
    ...(Object.keys(place).length ? { place } : {}),
  };
}

/** A direct message to the brand as a private Mention (what allows the bot's first DM, per X's rules). */
export function mapDirectMessage(event: DMEventV2 & { text: string }, users: Map<string, UserV2>): Mention {
  return {
    channel: 'x',
    id: event.id,
    author: authorOf(event.sender_id, users),
    text: cleanText(decodeXText(event.text)),
    createdAt: event.created_at ? new Date(event.created_at) : idTime(event.id),
    mentionsBrand: true,
    isPrivate: true,
    ...(event.dm_conversation_id ? { place: { dmConversationId: event.dm_conversation_id } } : {}),
  };
}

/** A DM event as X returns it (twitter-api-v2's type). */
export type XDmEvent = DMEventV2;

/** Users of a page's `includes`, by id. */
export function usersById(users: UserV2[] | undefined): Map<string, UserV2> {
  return new Map((users ?? []).map((u) => [u.id, u]));
}
