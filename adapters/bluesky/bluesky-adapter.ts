import { setTimeout as delay } from 'node:timers/promises';
import type { ChannelAdapter, OutgoingPrivate, OutgoingReply, SendResult } from '../../src/core/channel-adapter.js';
import type { Mention } from '../../src/core/mention.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import type { BlueskyContext, Sleep } from './bluesky-context.js';
import { BlueskySession } from './bluesky-session.js';
import type { BlueskyConfig } from './bluesky-settings.js';
import { classifyBlueskyError } from './classify-bluesky-error.js';
import { findSentMessage, findSentReply } from './find-sent.js';
import { BLUESKY } from './map-post.js';
import { pollMessages } from './poll-messages.js';
import { pollNotifications } from './poll-notifications.js';
import { pollSearch } from './poll-search.js';
import { BlueskyRateLimits } from './rate-limits.js';
import { sendMessage } from './send-message.js';
import { sendReply } from './send-reply.js';

export interface BlueskyAdapterOptions {
  config: BlueskyConfig;
  db: Db;
  logger: Logger;
  now?: () => Date;
  sleep?: Sleep;
  /** Tests: the fetch @atproto/api uses. */
  fetch?: typeof fetch;
}

type OnMentions = (batch: Mention[]) => Promise<void>;

/** Chat first: a customer's message is recorded before their public post is decided. */
const SOURCES = [
  ['messages', pollMessages],
  ['notifications', pollNotifications],
  ['search', pollSearch],
] as const;

/** How many mentions each source handed over in one poll. */
export type BlueskyPollCounts = Record<(typeof SOURCES)[number][0], number>;

/**
 * Bluesky through @atproto/api, as the brand account: polls its chat log, notifications and keyword
 * search, replies and sends DMs for the outbox, and tells the outbox after a crash whether a message
 * went out.
 */
export class BlueskyAdapter implements ChannelAdapter {
  readonly channel = BLUESKY;
  readonly limits: BlueskyRateLimits;
  private readonly ctx: BlueskyContext;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;

  constructor(o: BlueskyAdapterOptions) {
    const now = o.now ?? (() => new Date());
    this.limits = new BlueskyRateLimits(now);
    this.ctx = {
      config: o.config,
      db: o.db,
      logger: o.logger,
      now,
      signal: this.abort.signal,
      limits: this.limits,
      session: new BlueskySession(o.config, this.limits, o.logger, now, o.fetch),
      sleep: o.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    };
  }

  /** Logs in, catches up (messages, notifications missed while down, search), then polls until stop(). */
  async start(onMentions: OnMentions): Promise<void> {
    await this.pollOnce(onMentions);
    this.loop = this.pollUntilStopped(onMentions);
  }

  /** One poll of every source; a failing source is logged and the others still run. */
  async pollOnce(onMentions: OnMentions): Promise<BlueskyPollCounts> {
    const counts: BlueskyPollCounts = { messages: 0, notifications: 0, search: 0 };
    for (const [source, poll] of SOURCES) {
      if (this.abort.signal.aborted) break;
      try {
        counts[source] = await poll(this.ctx, onMentions);
      } catch (error) {
        if (this.abort.signal.aborted) break;
        this.ctx.logger.error(
          { source },
          `Bluesky ${source} poll failed, next try in the next poll: ${classifyBlueskyError(error, 'read').message}`,
        );
      }
    }
    return counts;
  }

  reply(message: OutgoingReply): Promise<SendResult> {
    return sendReply(this.ctx, message);
  }

  sendPrivate(message: OutgoingPrivate): Promise<SendResult> {
    return sendMessage(this.ctx, message);
  }

  async findSent(
    _key: string,
    kind: 'reply' | 'private',
    // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON whose shape depends on `kind`.
    target: Record<string, any>,
    text: string,
  ): Promise<SendResult | null> {
    if (kind === 'private') return findSentMessage(this.ctx, String(target.recipient?.id), text);
    return findSentReply(this.ctx, String(target.inReplyTo?.id), text);
  }

  /** The brand's DID once logged in (its own posts and messages are never mentions). */
  get brandDid(): string | undefined {
    return this.ctx.session.did;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
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
