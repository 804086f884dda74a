import crypto from 'node:crypto';
import {
  type APIChannel,
  type APIMessage,
  makeURLSearchParams,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord.js';
import {
  type OutgoingPrivate,
  type OutgoingReply,
  SendError,
  type SendResult,
} from '../../src/core/channel-adapter.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { DbTx } from '../../src/store/db-types.js';
import { advanceCursors, cursorKey } from './channel-cursor.js';
import { isPermissionError, PERMISSION_HINT, toSendError } from './map-send-error.js';
import { DISCORD_MAX_LENGTH, neutraliseMentions } from './neutralise-mentions.js';
import { replyChannelId } from './to-mention.js';

export interface DiscordSenderDeps {
  /** REST client that rejects on rate limits and never retries by itself: the outbox decides. */
  rest: REST;
  db: DbTx;
  logger: Logger;
  /** The bot's user id (known from the token or from login). */
  botUserId: () => string | undefined;
}

/** Pages of 100 messages findSent looks through after the message it answered. */
const FIND_PAGES = 5;

/** Discord's nonce (25 characters at most) for an idempotency key: with enforce_nonce, a resend within minutes returns the first message. */
export function nonceFor(idempotencyKey: string): string {
  return crypto.createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 25);
}

/**
 * Posts replies and DMs through Discord's REST API. Every message carries `allowed_mentions` that
 * parse nothing (a reply may ping only its author, a DM pings nobody), a text defused of @everyone,
 * @here and role mentions, and a nonce derived from the idempotency key.
 */
export class DiscordSender {
  constructor(private readonly deps: DiscordSenderDeps) {}

  async reply(message: OutgoingReply): Promise<SendResult> {
    const { inReplyTo } = message;
    const channelId = replyChannelId(inReplyTo.place);
    if (!channelId)
      throw new SendError('rejected', `no Discord channel to reply in for message ${inReplyTo.id}`, false);
    const sent = await this.post(channelId, {
      ...this.body(message.text, message.idempotencyKey),
      message_reference: {
        message_id: inReplyTo.id,
        channel_id: channelId,
        guild_id: inReplyTo.place?.guildId,
        fail_if_not_exists: true,
      },
      allowed_mentions: { parse: [], replied_user: true },
    });
    return { externalId: sent.id, url: messageUrl(inReplyTo.place?.guildId, channelId, sent.id) };
  }

  async sendPrivate(message: OutgoingPrivate): Promise<SendResult> {
    const dm = await this.openDm(message.recipient.id);
    const sent = await this.post(dm.id, {
      ...this.body(message.text, message.idempotencyKey),
      allowed_mentions: { parse: [] },
    });
    // The member's answer may come while the bot is down: catch-up looks at DM channels with a cursor.
    await advanceCursors(this.deps.db, new Map([[cursorKey(dm.id, true), sent.id]]));
    return { externalId: sent.id, url: messageUrl(undefined, dm.id, sent.id) };
  }

  /**
   * After a crash mid-send: looks for the bot's message carrying this nonce or this text, among the
   * replies to the target message (replies) or the latest messages of the DM (private messages).
   */
  async findSent(
    idempotencyKey: string,
    kind: 'reply' | 'private',
    // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON whose shape depends on `kind`.
    target: Record<string, any>,
    text: string,
  ): Promise<SendResult | null> {
    const botId = this.deps.botUserId();
    if (!botId) throw new SendError('network', 'the bot has not logged in yet; cannot check what it sent', true, 5_000);
    const nonce = nonceFor(idempotencyKey);
    const expected = neutraliseMentions(text).trim();
    const ours = (m: APIMessage) => m.author.id === botId && (m.nonce === nonce || m.content.trim() === expected);
    try {
      if (kind === 'private') {
        const dm = await this.openDm(String(target.recipient?.id));
        const recent = await this.list(dm.id, { limit: 50 });
        const found = recent.find(ours);
        return found ? { externalId: found.id, url: messageUrl(undefined, dm.id, found.id) } : null;
      }
      const { id, place } = target.inReplyTo ?? {};
      const channelId = replyChannelId(place);
      if (!id || !channelId) return null;
      let after = String(id);
      for (let page = 0; page < FIND_PAGES; page++) {
        const batch = await this.list(channelId, { after, limit: 100 });
        const found = batch.find((m) => ours(m) && m.message_reference?.message_id === id);
        if (found) return { externalId: found.id, url: messageUrl(place?.guildId, channelId, found.id) };
        if (batch.length < 100) return null;
        after = batch.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
      }
      return null;
    } catch (error) {
      throw toSendError(error);
    }
  }

  private body(text: string, idempotencyKey: string): RESTPostAPIChannelMessageJSONBody {
    const content = neutraliseMentions(text);
    if ([...content].length > DISCORD_MAX_LENGTH)
      throw new SendError('rejected', `text is longer than Discord's ${DISCORD_MAX_LENGTH} characters`, false);
    return { content, nonce: nonceFor(idempotencyKey), enforce_nonce: true };
  }

  private async post(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<APIMessage> {
    try {
      return (await this.deps.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    } catch (error) {
      if (isPermissionError(error)) {
        this.deps.logger.error(
          { channelId },
          `Discord refused to post in channel ${channelId}: the bot is missing a permission there ` +
            `(it needs ${PERMISSION_HINT}). Fix the bot's role or the channel's permission overrides, then resend the message.`,
        );
      }
      throw toSendError(error);
    }
  }

  private async openDm(userId: string): Promise<APIChannel> {
    try {
      return (await this.deps.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    } catch (error) {
      throw toSendError(error);
    }
  }

  private async list(channelId: string, query: { after?: string; limit: number }): Promise<APIMessage[]> {
    return (await this.deps.rest.get(Routes.channelMessages(channelId), {
      query: makeURLSearchParams(query),
    })) as APIMessage[];
  }
}

/** Link to a message: in a server, or in the bot's DMs (`@me`). */
export function messageUrl(guildId: string | undefined, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}
