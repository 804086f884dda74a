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
  type SentQuestion,
} from '../../src/core/channel-adapter.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { DbTx } from '../../src/store/db-types.js';
import { advanceCursors, cursorKey, laterId, snowflakeAt } from './channel-cursor.js';
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

/** Pages of 100 messages findSent reads back, newest first, to reach the moment a row was queued. */
const FIND_PAGES = 10;

/**
 * Discord's nonce (25 characters at most) for an idempotency key: with enforce_nonce, a resend within minutes returns
 * the first message.
 */
export function nonceFor(idempotencyKey: string): string {
  return crypto.createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 25);
}

/**
 * Posts replies and DMs through Discord's REST API. Every message carries `allowed_mentions` that
 * parse nothing (a reply may ping only its author, a DM pings nobody), a text defused of @everyone,
 * @here and role mentions, and a nonce derived from the idempotency key.
 */
export class DiscordSender {
  private readonly dmChannels = new Map<string, string>();

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
   * After a crash mid-send, or an answer lost on the way back: looks for the bot's message with this
   * text (or nonce) among the newest messages of the DM (private messages) or, answering the target
   * message, of its channel (replies), back to the moment the row was queued. Discord remembers a
   * nonce only for minutes and does not return it when messages are listed, so past that the text,
   * the author and the reply reference identify the message. A search that cannot reach back that far
   * (a busy channel) throws: the row stays unconfirmed and is checked again, never sent blind.
   */
  async findSent(
    idempotencyKey: string,
    kind: 'reply' | 'private',
    target: Record<string, unknown>,
    text: string,
    since?: Date,
  ): Promise<SendResult | null> {
    const [answer] = await this.findSentMany([{ idempotencyKey, kind, target, text, since }]);
    return answer ?? null;
  }

  /**
   * findSent for many messages with one read per channel (Discord allows each channel's message list
   * 5 calls per 5 s: a check per message would use that up after a crash with a few messages out). A
   * channel that cannot be read now (its route limited) leaves its questions unanswered (undefined);
   * if none could be read, the first failure is thrown.
   */
  async findSentMany(questions: SentQuestion[]): Promise<Array<SendResult | null | undefined>> {
    const botId = this.deps.botUserId();
    if (!botId) throw new SendError('network', 'the bot has not logged in yet; cannot check what it sent', true, 5_000);
    const answers: Array<SendResult | null | undefined> = questions.map(() => undefined);
    const groups = new Map<string, Array<{ i: number; look: SentLook }>>();
    for (const [i, q] of questions.entries()) {
      const look = lookFor(q, botId);
      if (!look) answers[i] = null;
      else groups.set(look.where, [...(groups.get(look.where) ?? []), { i, look }]);
    }
    let firstFailure: unknown;
    for (const [where, asked] of groups) {
      try {
        const channelId = where.startsWith('user:') ? (await this.openDm(where.slice(5))).id : where;
        // One read back to the oldest of the channel's questions answers them all.
        const oldest = asked.reduce(
          (min, a) => (BigInt(a.look.floorId) < BigInt(min) ? a.look.floorId : min),
          asked[0].look.floorId,
        );
        const messages = await this.readBack(channelId, oldest);
        for (const { i, look } of asked) {
          const found = messages.find((m) => BigInt(m.id) > BigInt(look.floorId) && look.matches(m));
          answers[i] = found ? { externalId: found.id, url: messageUrl(look.guildId, channelId, found.id) } : null;
        }
      } catch (error) {
        firstFailure ??= error;
      }
    }
    if (firstFailure !== undefined && answers.every((a) => a === undefined)) throw toSendError(firstFailure);
    return answers;
  }

  /** A channel's messages newer than `floorId`, read newest first; throws if that is more than FIND_PAGES pages. */
  private async readBack(channelId: string, floorId: string): Promise<APIMessage[]> {
    const out: APIMessage[] = [];
    let before: string | undefined;
    for (let page = 0; page < FIND_PAGES; page++) {
      const batch = await this.list(channelId, { ...(before ? { before } : {}), limit: 100 });
      out.push(...batch.filter((m) => BigInt(m.id) > BigInt(floorId)));
      if (!batch.length) return out;
      before = batch.reduce((min, m) => (BigInt(m.id) < BigInt(min) ? m.id : min), batch[0].id);
      if (batch.length < 100 || BigInt(before) <= BigInt(floorId)) return out;
    }
    throw new SendError(
      'network',
      `more than ${FIND_PAGES * 100} messages in channel ` +
        `${channelId} since the message was queued; checked again later`,
      true,
      30_000,
    );
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
            (`(it needs ${PERMISSION_HINT}). Fix the bot's role or the ` +
              `channel's permission overrides, then resend the message.`),
        );
      }
      throw toSendError(error);
    }
  }

  /** The DM channel with a member (remembered: it never changes, and opening one is rate-limited for all DMs). */
  private async openDm(userId: string): Promise<Pick<APIChannel, 'id'>> {
    const known = this.dmChannels.get(userId);
    if (known) return { id: known };
    try {
      const dm = (await this.deps.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
      this.dmChannels.set(userId, dm.id);
      return dm;
    } catch (error) {
      throw toSendError(error);
    }
  }

  private async list(channelId: string, query: { before?: string; limit: number }): Promise<APIMessage[]> {
    return (await this.deps.rest.get(Routes.channelMessages(channelId), {
      query: makeURLSearchParams(query),
    })) as APIMessage[];
  }
}

/** Link to a message: in a server, or in the bot's DMs (`@me`). */
export function messageUrl(guildId: string | undefined, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}

/** What identifies one asked-about message: where to read, from which id on, and the test. */
interface SentLook {
  /** A channel id (replies), or `user:<id>` (a DM, whose channel is opened first). */
  where: string;
  floorId: string;
  guildId?: string;
  matches: (m: APIMessage) => boolean;
}

function lookFor(q: SentQuestion, botId: string): SentLook | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON whose shape depends on `kind`.
  const target = q.target as Record<string, any>;
  const nonce = nonceFor(q.idempotencyKey);
  const expected = neutraliseMentions(q.text).trim();
  const ours = (m: APIMessage) => m.author.id === botId && (m.nonce === nonce || m.content.trim() === expected);
  // A minute of leeway for clocks: Discord's ids carry Discord's time, `since` this host's.
  const queuedId = q.since ? snowflakeAt(q.since.getTime() - 60_000) : '0';
  if (q.kind === 'private') {
    const userId = target.recipient?.id;
    return userId ? { where: `user:${userId}`, floorId: queuedId, matches: ours } : undefined;
  }
  const { id, place } = target.inReplyTo ?? {};
  const channelId = replyChannelId(place);
  if (!id || !channelId) return undefined;
  return {
    where: channelId,
    floorId: laterId(String(id), queuedId),
    guildId: place?.guildId,
    matches: (m) => ours(m) && m.message_reference?.message_id === id,
  };
}
