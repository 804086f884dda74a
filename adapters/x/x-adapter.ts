import { setTimeout as delay } from 'node:timers/promises';
import type {
  ChannelAdapter,
  OutgoingPrivate,
  OutgoingReply,
  SendResult,
  SentQuestion,
} from '../../src/core/channel-adapter.js';
import type { Mention } from '../../src/core/mention.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { classifyXError } from './classify-x-error.js';
import { findSentMessage, findSentReplies, findSentReply } from './find-sent.js';
import { pollDirectMessages } from './poll-direct-messages.js';
import { pollKeywords } from './poll-keywords.js';
import { pollMentions } from './poll-mentions.js';
import { RateLimits } from './rate-limits.js';
import { sendDirectMessage } from './send-direct-message.js';
import { sendReply, wasSummoned } from './send-reply.js';
import { createXClient } from './x-client.js';
import type { Sleep, XContext } from './x-context.js';
import type { XConfig } from './x-settings.js';
import { XSpend } from './x-spend.js';

export interface XAdapterOptions {
  config: XConfig;
  db: Db;
  logger: Logger;
  /** The brand's handles (BRAND_HANDLES): keyword search leaves posts that @mention them to the mentions timeline. */
  brandHandles: string[];
  now?: () => Date;
  sleep?: Sleep;
}

type OnMentions = (batch: Mention[]) => Promise<void>;

/** DMs first: a customer's DM is recorded before their public post is decided, so the invitation may go by DM. */
const SOURCES = [
  ['directMessages', pollDirectMessages],
  ['mentions', pollMentions],
  ['keywords', pollKeywords],
] as const;

/** How many mentions each source handed over in one poll. */
export type PollCounts = Record<(typeof SOURCES)[number][0], number>;

/**
 * X through twitter-api-v2, as the brand account: polls its DMs, mentions timeline and keyword search,
 * replies and sends DMs for the outbox, and tells the outbox after a crash whether a message went out.
 */
export class XAdapter implements ChannelAdapter {
  readonly channel = 'x';
  readonly spend: XSpend;
  private readonly ctx: XContext;
  private readonly abort = new AbortController();
  private readonly closeClient: () => void;
  private loop?: Promise<void>;

  constructor(o: XAdapterOptions) {
    const now = o.now ?? (() => new Date());
    const limits = new RateLimits(now);
    const { client, close } = createXClient(o.config, [limits.plugin()]);
    this.closeClient = close;
    this.spend = new XSpend(o.db, now);
    this.ctx = {
      config: o.config,
      api: client.v2,
      db: o.db,
      logger: o.logger,
      now,
      signal: this.abort.signal,
      limits,
      spend: this.spend,
      sleep: o.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
      brandHandles: o.brandHandles,
    };
  }

  /** Catches up (DMs, mentions missed while down, keywords), then polls every X_POLL_INTERVAL_SECONDS until stop(). */
  async start(onMentions: OnMentions): Promise<void> {
    await this.pollOnce(onMentions);
    this.loop = this.pollUntilStopped(onMentions);
  }

  /** One poll of every source; a failing source is logged and the others still run. */
  async pollOnce(onMentions: OnMentions): Promise<PollCounts> {
    const counts: PollCounts = { directMessages: 0, mentions: 0, keywords: 0 };
    for (const [source, poll] of SOURCES) {
      if (this.abort.signal.aborted) break;
      try {
        counts[source] = await poll(this.ctx, onMentions);
      } catch (error) {
        if (this.abort.signal.aborted) break;
        this.ctx.logger.error(
          { source },
          `X ${source} poll failed, next try in the next poll: ${classifyXError(error, 'read').message}`,
        );
      }
    }
    return counts;
  }

  reply(message: OutgoingReply): Promise<SendResult> {
    return sendReply(this.ctx, message);
  }

  sendPrivate(message: OutgoingPrivate): Promise<SendResult> {
    return sendDirectMessage(this.ctx, message);
  }

  async findSent(
    _key: string,
    kind: 'reply' | 'private',
    // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON whose shape depends on `kind`.
    target: Record<string, any>,
    text?: string,
  ): Promise<SendResult | null> {
    if (text === undefined) throw new Error('X findSent needs the message text');
    if (kind === 'private') return findSentMessage(this.ctx, String(target.recipient?.id), text);
    const postId = String(target.inReplyTo?.id);
    return findSentReply(this.ctx, postId, text, await wasSummoned(this.ctx, postId));
  }

  /** Every reply question from one read of the brand's own posts; DMs one by one (rare). */
  async findSentMany(questions: SentQuestion[]): Promise<Array<SendResult | null>> {
    const replies = questions.filter((q) => q.kind === 'reply');
    const asked = await Promise.all(
      replies.map(async (q) => {
        // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON.
        const postId = String((q.target as Record<string, any>).inReplyTo?.id);
        return { inReplyToId: postId, text: q.text, summoned: await wasSummoned(this.ctx, postId) };
      }),
    );
    const found = await findSentReplies(this.ctx, asked);
    const answers: Array<SendResult | null> = [];
    for (const q of questions) {
      if (q.kind === 'reply') answers.push(found[replies.indexOf(q)]);
      else answers.push(await this.findSent(q.idempotencyKey, q.kind, q.target, q.text));
    }
    return answers;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    this.closeClient();
  }

  private async pollUntilStopped(onMentions: OnMentions): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.ctx.sleep(this.ctx.config.pollIntervalMs, this.abort.signal);
      } catch {
        return; // stopped while waiting
      }
      await this.pollOnce(onMentions);
    }
  }
}
