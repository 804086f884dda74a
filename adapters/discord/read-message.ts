import { ChannelType, type Message } from 'discord.js';
import { cleanText } from '../../src/core/clean-text.js';
import { stripInvisible } from './strip-invisible.js';

/** A Discord message reduced to plain data: what the watch filter and the Mention need, no client. */
export interface DiscordPost {
  id: string;
  /** Where it was posted: the thread itself for a message in a thread. */
  channelId: string;
  guildId?: string;
  /** For a message in a thread: the channel the thread belongs to. */
  parentId?: string;
  isDirect: boolean;
  author: { id: string; username: string; displayName: string; isBot: boolean };
  fromWebhook: boolean;
  /** Join notices, pins and other messages Discord writes itself. */
  isSystem: boolean;
  /** Raw content, mention markup (`<@id>`, `<@&id>`) as Discord sends it. */
  content: string;
  /** What a reader sees: mentions as @names, invisible characters removed. */
  text: string;
  createdAt: Date;
  editedAt?: Date;
  url: string;
  replyToId?: string;
  /** Author of the message this one replies to (a reply to the bot addresses the brand). */
  replyToAuthorId?: string;
}

/**
 * Reads a discord.js message into a DiscordPost. Returns undefined for a message Discord sent without
 * its content (a partial edit event), which there is nothing to score in.
 */
export function readMessage(message: Message): DiscordPost | undefined {
  if (message.partial || typeof message.content !== 'string' || !message.author) return undefined;
  const channel = message.channel;
  const isThread = channel?.isThread() ?? false;
  const author = message.author;
  const displayName = message.member?.displayName ?? author.globalName ?? author.username;
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId ?? undefined,
    parentId: isThread ? ((channel as { parentId: string | null }).parentId ?? undefined) : undefined,
    isDirect: !message.guildId && channel?.type === ChannelType.DM,
    author: {
      id: author.id,
      username: cleanText(author.username, 200),
      displayName: cleanText(stripInvisible(displayName), 200),
      isBot: author.bot,
    },
    fromWebhook: Boolean(message.webhookId),
    isSystem: message.system,
    content: message.content,
    // cleanContent turns <@id> into @name and defuses @everyone with a zero-width space; the stored
    // text drops invisible characters, and every outgoing Discord text is defused again on the way out.
    text: cleanText(stripInvisible(message.cleanContent)),
    createdAt: message.createdAt,
    editedAt: message.editedAt ?? undefined,
    url: message.url,
    replyToId: message.reference?.messageId ?? undefined,
    replyToAuthorId: message.mentions.repliedUser?.id ?? undefined,
  };
}
