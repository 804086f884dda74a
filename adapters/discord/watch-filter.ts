import type { DiscordPost } from './read-message.js';
import { stripInvisible } from './strip-invisible.js';

/** What the bot watches, and how it recognises itself. */
export interface WatchSettings {
  botUserId: string;
  /** The bot's own managed role in each server: members often @ the role instead of the bot. */
  botRoleIds: string[];
  /** Empty: every server. */
  guildIds: string[];
  /** Empty: every channel of the watched servers. A thread is watched when its parent channel is. */
  channelIds: string[];
  keywords: string[];
}

/** Whether a message is handed to the pipeline, and why (for the debug log). */
export type WatchVerdict =
  | { watch: true; mentionsBrand: boolean; onlyAsReply?: boolean; why: string }
  | { watch: false; why: string };

/**
 * Decides whether a message concerns the brand. Direct messages to the bot always do. In a watched
 * server channel (or a thread under one), a message does when it mentions the bot (by user, by its role,
 * or by replying to it: `mentionsBrand`), or names a keyword (keyword only: the team is alerted, the bot
 * does not answer), or replies to another message there (`onlyAsReply`: kept only when it concerns a case). Bots,
 * webhooks and Discord's own notices never do. Pure.
 */
export function watchMessage(post: DiscordPost, settings: WatchSettings): WatchVerdict {
  if (post.author.id === settings.botUserId) return { watch: false, why: 'the bot itself' };
  if (post.author.isBot || post.fromWebhook) return { watch: false, why: 'another bot or a webhook' };
  if (post.isSystem) return { watch: false, why: 'a Discord system message' };
  if (!post.content.trim()) return { watch: false, why: 'no text' };
  if (post.isDirect) return { watch: true, mentionsBrand: true, why: 'a direct message to the bot' };
  if (!post.guildId || !isWatchedPlace(post, settings)) return { watch: false, why: 'not a watched server or channel' };
  if (mentionsBot(post, settings)) return { watch: true, mentionsBrand: true, why: 'mentions the bot' };
  const keyword = findKeyword(post.content, settings.keywords);
  if (keyword) return { watch: true, mentionsBrand: false, why: `keyword "${keyword}"` };
  // A staff advocate answering a customer (or the customer answering them) replies without naming the
  // brand: handed over marked, and the pipeline keeps only the replies that concern a case.
  if (post.replyToId)
    return { watch: true, mentionsBrand: false, onlyAsReply: true, why: 'a reply in a watched place' };
  return { watch: false, why: 'neither mentions the bot nor names a keyword' };
}

/** Whether the post's server and channel (or its thread's parent) are watched. */
export function isWatchedPlace(
  post: Pick<DiscordPost, 'guildId' | 'channelId' | 'parentId'>,
  settings: Pick<WatchSettings, 'guildIds' | 'channelIds'>,
): boolean {
  if (settings.guildIds.length && !settings.guildIds.includes(post.guildId ?? '')) return false;
  if (!settings.channelIds.length) return true;
  return (
    settings.channelIds.includes(post.channelId) ||
    (post.parentId !== undefined && settings.channelIds.includes(post.parentId))
  );
}

function mentionsBot(post: DiscordPost, settings: WatchSettings): boolean {
  if (post.replyToAuthorId === settings.botUserId) return true;
  for (const [, kind, id] of post.content.matchAll(/<@(!|&)?(\d+)>/g)) {
    if (kind === '&' ? settings.botRoleIds.includes(id) : id === settings.botUserId) return true;
  }
  return false;
}

/**
 * The first keyword the text names as a whole word, case-insensitively, after Unicode normalisation
 * (fullwidth and styled letters fold to plain ones) and with invisible characters and mention markup
 * taken out, so "lu\u200bmora" still counts and "<#lumora-chat>" does not.
 */
export function findKeyword(content: string, keywords: string[]): string | undefined {
  const text = stripInvisible(content.normalize('NFKC'))
    .replace(/<[@#:a-z][^<>\s]*>/gi, ' ')
    .toLowerCase();
  return keywords.find((k) => {
    const word = k.normalize('NFKC').toLowerCase().trim();
    if (!word) return false;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'u').test(text);
  });
}
