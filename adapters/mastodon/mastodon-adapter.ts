import { setTimeout as delay } from 'node:timers/promises';
import { createRestAPIClient, type mastodon } from 'masto';
import { describeError } from '../../src/core/app-error.js';
import {
  type ChannelAdapter,
  type OutgoingPrivate,
  type OutgoingReply,
  SendError,
  type SendResult,
} from '../../src/core/channel-adapter.js';
import type { Mention } from '../../src/core/mention.js';
import type { Logger } from '../../src/log/create-logger.js';
import type { Db } from '../../src/store/create-db.js';
import { readCursor, saveCursor } from '../../src/store/cursor-position.js';
import { backfillMentions, NOTIFICATIONS_CURSOR, toReadItem } from './backfill-mentions.js';
import { classifyMastodonError } from './classify-mastodon-error.js';
import { findSentStatus } from './find-sent.js';
import { compareIds, MASTODON } from './map-status.js';
import type { InstanceFacts, MastodonContext, Sleep } from './mastodon-context.js';
import type { MastodonConfig } from './mastodon-settings.js';
import { MentionStream } from './mention-stream.js';
import { pollHashtags } from './poll-hashtags.js';
import { MastodonRateLimits } from './rate-limits.js';
import { readInstance } from './read-instance.js';
import { sendDirect, sendReply } from './send-status.js';

/** A request the instance has not answered in this time is abandoned (and, for a send, checked before any retry). */
export const MASTODON_REQUEST_TIMEOUT_MS = 30_000;

export interface MastodonAdapterOptions {
  config: MastodonConfig;
  db: Db;
  logger: Logger;
  now?: () => Date;
  sleep?: Sleep;
  /** Tests: no streaming connection (REST only). */
  streaming?: boolean;
}

type OnMentions = (batch: Mention[]) => Promise<void>;

/**
 * Mastodon through masto, as the brand account: mentions live over the streaming API, backfilled over
 * REST after every (re)connection and on every poll; hashtags over REST; replies and direct statuses
 * for the outbox; findSent for the outbox's check before a resend.
 */
export class MastodonAdapter implements ChannelAdapter {
  readonly channel = MASTODON;
  readonly limits: MastodonRateLimits;
  private readonly ctx: MastodonContext;
  private readonly abort = new AbortController();
  private onMentions?: OnMentions;
  private stream?: MentionStream;
  private loop?: Promise<void>;
  /** Every hand-over runs in this one chain, in order, so the cursor only moves forward. */
  private chain: Promise<unknown> = Promise.resolve();
  /** A backfill failed: live mentions are still handed over, but the cursor waits for a backfill that works. */
  private behind = false;
  private opens = 0;

  constructor(private readonly o: MastodonAdapterOptions) {
    const now = o.now ?? (() => new Date());
    this.limits = new MastodonRateLimits(now);
    this.ctx = {
      config: o.config,
      db: o.db,
      logger: o.logger,
      now,
      signal: this.abort.signal,
      limits: this.limits,
      rest: createRestAPIClient({
        url: o.config.url,
        accessToken: o.config.accessToken,
        timeout: MASTODON_REQUEST_TIMEOUT_MS,
        log: 'error',
      }),
      sleep: o.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
    };
  }

  /** Reads the instance, catches up over REST, opens the stream, then polls REST every interval until stop(). */
  async start(onMentions: OnMentions): Promise<void> {
    this.onMentions = onMentions;
    await this.pollOnce(onMentions);
    const facts = this.ctx.instance;
    if (facts && this.o.streaming !== false) {
      this.stream = new MentionStream(
        facts.streamingUrl,
        this.o.config.accessToken,
        {
          onOpen: () => this.onStreamOpen(),
          onClose: (code) =>
            this.ctx.logger.warn({ code }, 'Mastodon stream closed; reconnecting, then backfilling what it missed'),
          onMention: (n) => void this.enqueue('stream', () => this.deliverLive(n)),
        },
        this.ctx.logger,
      );
      this.stream.start();
    }
    this.loop = this.pollUntilStopped(onMentions);
  }

  /** One REST poll: instance facts (first time), the mention backfill, the hashtags. Failures are logged. */
  async pollOnce(onMentions: OnMentions): Promise<{ mentions: number; hashtags: number }> {
    const counts = { mentions: 0, hashtags: 0 };
    try {
      await this.facts();
    } catch (error) {
      this.ctx.logger.error(
        {},
        `Mastodon instance could not be read, next try in the next poll: ` +
          `${classifyMastodonError(error, 'read').message}`,
      );
      return counts;
    }
    counts.mentions = (await this.enqueue('backfill', () => this.backfill(onMentions))) ?? 0;
    counts.hashtags = (await this.enqueue('hashtags', () => pollHashtags(this.ctx, onMentions))) ?? 0;
    return counts;
  }

  async reply(message: OutgoingReply): Promise<SendResult> {
    return sendReply(this.ctx, await this.factsForSend(), message);
  }

  async sendPrivate(message: OutgoingPrivate): Promise<SendResult> {
    return sendDirect(this.ctx, await this.factsForSend(), message);
  }

  async findSent(
    _key: string,
    kind: 'reply' | 'private',
    // biome-ignore lint/suspicious/noExplicitAny: the stored target is JSON whose shape depends on `kind`.
    target: Record<string, any>,
    text: string,
  ): Promise<SendResult | null> {
    const inReplyTo = kind === 'reply' ? target.inReplyTo?.id : target.place?.statusId;
    return findSentStatus(this.ctx, await this.factsForSend(), inReplyTo ? String(inReplyTo) : undefined, text);
  }

  /** The instance's limits and the brand's account, once read. */
  get instance(): InstanceFacts | undefined {
    return this.ctx.instance;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.stream?.stop();
    await this.loop;
    await this.chain;
  }

  private async facts(): Promise<InstanceFacts> {
    this.ctx.instance ??= await readInstance(this.ctx);
    return this.ctx.instance;
  }

  private async factsForSend(): Promise<InstanceFacts> {
    try {
      return await this.facts();
    } catch (error) {
      const f = classifyMastodonError(error, 'read');
      throw new SendError(
        f.failure,
        f.message,
        f.retryable,
        f.failure === 'rate_limited' ? this.limits.waitMs('api') : undefined,
        error,
      );
    }
  }

  private onStreamOpen(): void {
    // The first connection follows start()'s own backfill; it is backfilled again anyway, because
    // mentions may have come between that backfill and the subscription.
    this.opens++;
    if (this.opens > 1)
      this.ctx.logger.info({ connections: this.opens }, 'Mastodon stream reconnected; backfilling over REST');
    if (this.onMentions) void this.enqueue('backfill', () => this.backfill(this.onMentions!));
  }

  private async backfill(onMentions: OnMentions): Promise<number> {
    try {
      const handed = await backfillMentions(this.ctx, onMentions);
      this.behind = false;
      return handed;
    } catch (error) {
      this.behind = true;
      throw error;
    }
  }

  private async deliverLive(n: mastodon.v1.Notification): Promise<number> {
    const cursor = await readCursor(this.ctx.db, NOTIFICATIONS_CURSOR);
    if (cursor && compareIds(n.id, cursor) <= 0) return 0; // the backfill handed it over already
    const item = toReadItem(n, this.ctx.instance?.me);
    if (item.mention) await this.onMentions!([item.mention]);
    if (!this.behind) await saveCursor(this.ctx.db, NOTIFICATIONS_CURSOR, n.id);
    return item.mention ? 1 : 0;
  }

  private enqueue<R>(what: string, work: () => Promise<R>): Promise<R | undefined> {
    const run = this.chain.then(work).catch((error) => {
      if (!this.abort.signal.aborted)
        this.ctx.logger.error(
          { source: what, error: describeError(error) },
          `Mastodon ${what} failed, next try in the next poll: ${classifyMastodonError(error, 'read').message}`,
        );
      return undefined;
    });
    this.chain = run;
    return run;
  }

  private async pollUntilStopped(onMentions: OnMentions): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.ctx.sleep(this.ctx.config.pollIntervalMs, this.abort.signal);
      } catch {
        return;
      }
      await this.pollOnce(onMentions);
    }
  }
}
