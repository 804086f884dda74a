import { AppError, ErrorCode } from './app-error.js';
import type { Mention } from './mention.js';

/** A public reply to a mention. */
export interface OutgoingReply {
  idempotencyKey: string;
  text: string;
  inReplyTo: { id: string; authorId: string; place?: Record<string, string> };
}

/** A private message to a person. */
export interface OutgoingPrivate {
  idempotencyKey: string;
  text: string;
  recipient: { id: string; handle: string };
  place?: Record<string, string>;
}

/** What the platform said when it accepted a message. */
export interface SendResult {
  externalId: string;
  url?: string;
  /** What the call cost, for the spend ledger (0 when free). */
  costUsd?: number;
}

/**
 * Why a send failed, as the outbox needs to know it. `waiting`: the message depends on another one not
 * sent yet (a Slack thread reply before its top message); like `rate_limited`, waiting is not a failed
 * attempt, so a long wait never uses up the attempts and nothing is lost.
 */
export type SendFailure =
  | 'rate_limited'
  | 'waiting'
  | 'duplicate'
  | 'auth'
  | 'server'
  | 'network'
  | 'rejected'
  | 'dm_closed';

/**
 * What a rate limit holds back: the whole channel (the default: X's per-app windows, a Discord global
 * limit), or only messages that go the same way as this one (a Discord per-route bucket, whose client
 * already refuses further calls on that route until it resets), so the channel's other messages go on.
 */
export type RateLimitScope = 'channel' | 'route';

/**
 * A failed send. `retryable` sends are tried again after `retryAfterMs`; others are marked failed.
 * `pacing` names the bot's own limit that held a `rate_limited` send back before the platform was
 * asked (a history-read budget, a Discord route bucket the REST client tracks); unset, the platform
 * itself answered with a rate limit. /metrics counts the two apart.
 */
export class SendError extends AppError {
  constructor(
    readonly failure: SendFailure,
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    cause?: unknown,
    readonly limitScope: RateLimitScope = 'channel',
    readonly pacing?: string,
  ) {
    super(ErrorCode.SendFailed, message, { cause, humanMessage: `The platform refused the message (${failure}).` });
  }
}

/**
 * One channel (X, Discord, replay...). Each adapter owns its reconnects and backoff; the core never
 * reconnects anything. Nothing past an adapter knows a platform's payload shape.
 */
export interface ChannelAdapter {
  readonly channel: string;
  /**
   * Starts watching. Resolves once the initial work is done (a replay file read, a first poll and
   * backfill); watching goes on until stop(). Each batch is handed over in order; the adapter advances
   * its cursor only after `onMentions` resolves, so a crash re-delivers rather than loses.
   */
  start(onMentions: (batch: Mention[]) => Promise<void>): Promise<void>;
  reply(message: OutgoingReply): Promise<SendResult>;
  sendPrivate(message: OutgoingPrivate): Promise<SendResult>;
  /**
   * After a crash between sending and recording: was the message with this key already sent? Returns
   * the result if so, null if certainly not. Adapters that cannot tell leave this out, and the outbox
   * then holds the message for a person instead of risking a second send. `text` is the text the
   * message was to carry (platforms without a way to tag a post with the key are searched by it).
   * `since`: when the message was queued; nothing older can be it.
   */
  findSent?(
    idempotencyKey: string,
    kind: 'reply' | 'private',
    target: Record<string, unknown>,
    text: string,
    since?: Date,
  ): Promise<SendResult | null>;
  /**
   * findSent for many messages at once (the outbox asks once per drain for every unconfirmed row of
   * the channel): one answer per question, in order. A platform that can answer them from one read
   * (X: the brand's own posts) implements it; otherwise the outbox asks findSent one by one.
   * `undefined` for a question it could not check this time (its route rate-limited): that message
   * stays unconfirmed and is asked about again, while the others are settled.
   */
  findSentMany?(questions: SentQuestion[]): Promise<Array<SendResult | null | undefined>>;
  stop(): Promise<void>;
}

/** One question of findSentMany: the arguments of findSent. */
export interface SentQuestion {
  idempotencyKey: string;
  kind: 'reply' | 'private';
  target: Record<string, unknown>;
  text: string;
  /** When the message was queued. */
  since?: Date;
}
