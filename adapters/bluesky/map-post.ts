import type {
  AppBskyActorDefs,
  AppBskyFeedDefs,
  AppBskyNotificationListNotifications,
  ChatBskyConvoDefs,
} from '@atproto/api';
import { cleanText } from '../../src/core/clean-text.js';
import type { Mention, MentionAuthor } from '../../src/core/mention.js';

/** The channel name everywhere (Mention.channel, outbox rows, cursors). */
export const BLUESKY = 'bluesky';

/** A strong reference to a record, as replies carry them. */
export interface StrongRef {
  uri: string;
  cid: string;
}

/** An app.bsky.feed.post record, as far as the bot reads it. */
export interface PostRecord {
  text?: string;
  createdAt?: string;
  reply?: { root: StrongRef; parent: StrongRef };
}

type Profile = AppBskyActorDefs.ProfileView | AppBskyActorDefs.ProfileViewBasic | AppBskyActorDefs.ProfileViewDetailed;

/** The web address of a post: bsky.app/profile/<handle>/post/<record key>. */
export function postUrl(handle: string, uri: string): string {
  return (
    `https://bsky.app/profile/${encodeURIComponent(handle)}/post/` + `${encodeURIComponent(uri.split('/').pop() ?? '')}`
  );
}

function authorOf(profile: Profile | undefined, did: string): MentionAuthor {
  const handle = cleanText(profile?.handle ?? '', 253) || did;
  return { id: did, handle, name: cleanText(profile?.displayName ?? '', 200) || handle };
}

/**
 * Where a reply to this post goes: the post itself (parent) and the thread's first post (root), with
 * their content hashes, which Bluesky requires in a reply. Kept on the mention so a reply sent days
 * later (a person in Slack) needs no lookup.
 */
function placeOf(uri: string, cid: string, record: PostRecord, authorHandle: string): Record<string, string> {
  const root = record.reply?.root ?? { uri, cid };
  return { uri, cid, rootUri: root.uri, rootCid: root.cid, authorHandle };
}

/** A post the brand was notified of (a mention, a reply to the brand, a quote) or found by search, as a Mention. */
export function mapPost(
  post: { uri: string; cid: string; record: unknown; indexedAt: string },
  profile: Profile | undefined,
  authorDid: string,
  mentionsBrand: boolean,
): Mention {
  const record = (post.record ?? {}) as PostRecord;
  const author = authorOf(profile, authorDid);
  const created = Date.parse(record.createdAt ?? '');
  return {
    channel: BLUESKY,
    id: post.uri,
    author,
    text: cleanText(record.text ?? ''),
    mentionsBrand,
    // A createdAt in the future (a wrong clock on the author's device) is not believed: the index time is.
    createdAt: new Date(
      Number.isFinite(created) && created <= Date.parse(post.indexedAt) ? created : Date.parse(post.indexedAt),
    ),
    url: postUrl(author.handle, post.uri),
    ...(record.reply?.parent.uri ? { inReplyToId: record.reply.parent.uri } : {}),
    place: placeOf(post.uri, post.cid, record, author.handle),
  };
}

/** The DID a record's at:// address names (its repository). */
function authorOfUri(uri: string): string {
  return uri.split('/')[2] ?? '';
}

/**
 * A notification as a Mention (the author's profile as getProfiles returned it, when it did). The AppView
 * sends `reply` for a reply to any post of the brand's up to four levels above it (`reasonSubject`); one
 * whose parent is someone else's post answers that person, not the brand (a staff advocate helping a
 * customer under the brand's post, or two customers talking): handed over `onlyAsReply`, kept only when
 * it comes from an advocate or answers a case's post.
 */
export function mapNotification(n: AppBskyNotificationListNotifications.Notification, profile?: Profile): Mention {
  const parent = (n.record as PostRecord | undefined)?.reply?.parent.uri;
  // at://<did>/app.bsky.feed.post/<rkey>: the subject of a reply notification is always a brand post.
  const answersSomeoneElse =
    n.reason === 'reply' && parent !== undefined && authorOfUri(parent) !== authorOfUri(n.reasonSubject ?? '');
  const mention = mapPost(n, profile ?? n.author, n.author.did, !answersSomeoneElse);
  return answersSomeoneElse ? { ...mention, onlyAsReply: true } : mention;
}

/** A search result (keyword listening): never answered automatically. */
export function mapSearchResult(post: AppBskyFeedDefs.PostView, profile?: Profile): Mention {
  return mapPost(post, profile ?? post.author, post.author.did, false);
}

/** A chat message to the brand as a private Mention: the customer's answer to the invitation joins their case. */
export function mapChatMessage(convoId: string, message: ChatBskyConvoDefs.MessageView, profile?: Profile): Mention {
  const author = authorOf(profile, message.sender.did);
  return {
    channel: BLUESKY,
    id: `chat:${convoId}:${message.id}`,
    author,
    text: cleanText(message.text),
    createdAt: new Date(message.sentAt),
    mentionsBrand: true,
    isPrivate: true,
    place: { convoId, authorHandle: author.handle },
  };
}
