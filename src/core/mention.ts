/** Who wrote a mention, as the channel knows them. */
export interface MentionAuthor {
  /** The channel's stable user id (X user id, Discord snowflake). */
  id: string;
  /** The @handle or username, without the leading @. */
  handle: string;
  /** Display name. */
  name: string;
}

/**
 * A platform-neutral incoming post. Adapters turn raw payloads into this; nothing past the adapter
 * knows a platform's payload shape.
 */
export interface Mention {
  /** Channel name: `x`, `discord`, ... */
  channel: string;
  /** The post's id on its channel (unique per channel). */
  id: string;
  author: MentionAuthor;
  text: string;
  createdAt: Date;
  /** True when the post @mentions (or quotes) the brand; false for keyword-only matches. */
  mentionsBrand: boolean;
  /** Link to the post, when the channel has one. */
  url?: string;
  /** True for a direct message to the brand (not public). */
  isPrivate?: boolean;
  /** Id of the post this one replies to. */
  inReplyToId?: string;
  /** Set when this is an edit of a post seen before: the edit time. */
  editedAt?: Date;
  /** Channel-specific location (Discord guild and channel ids, X conversation id), kept as-is. */
  place?: Record<string, string>;
  /**
   * Handed over only because it replies to someone in a watched place (no brand mention, no keyword): the
   * pipeline keeps it only when it comes from a staff advocate or answers a post that belongs to a case.
   */
  onlyAsReply?: boolean;
}

/** Key that identifies a mention across the system: channel plus external id. */
export function mentionKey(m: { channel: string; id: string }): string {
  return `${m.channel}:${m.id}`;
}
