import { describeError } from '../core/app-error.js';
import { SendError } from '../core/channel-adapter.js';
import type { OutboundRow } from '../core/outbound.js';
import { OutboundStatus } from '../core/outbound.js';
import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';
import { applyFallback } from './apply-fallback.js';
import type { OutboxTransport } from './outbox-transport.js';
import { type OutcomeHooks, recordNotSent, recordSent } from './record-outcome.js';
import { rewordDuplicate } from './reword-duplicate.js';

export interface OutboxSenderDeps extends OutcomeHooks {
  db: Db;
  /** By channel name (`x`, `discord`, `slack`, ...). */
  transports: Record<string, OutboxTransport>;
  /** For channels with no entry in `transports` (a replay file answers every channel). */
  defaultTransport?: OutboxTransport;
  logger: Logger;
  now?: () => Date;
  maxAttempts?: number;
  /** Asked before each send; a reason holds the message for a person (e.g. budget reached). */
  guard?: (row: OutboundRow) => Promise<string | undefined>;
  /** New wording for a message the platform refused as duplicate content; undefined holds it for a person. */
  recompose?: (row: OutboundRow) => Promise<string | undefined>;
}

/**
 * Refusals where the message itself is not at fault: kept for a person (held), not dropped as failed.
 * Credentials can be fixed and the message released; a duplicate text can be reworded.
 */
const HOLD_FOR_A_PERSON = new Set(['auth', 'duplicate']);

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  held: number;
}

const BACKOFF_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];

/**
 * The one sender of every outbound message. A row is claimed (pending to sending) before it is sent,
 * so two senders never send the same row; an answer that leaves it unknown whether the platform posted
 * (timeout, 5xx) is checked with the platform before any retry, so nothing goes out twice.
 */
export class OutboxSender {
  private readonly now: () => Date;
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly deps: OutboxSenderDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Sends every due message once; returns what happened. Safe to call repeatedly. */
  async drain(limit = 500): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, held: 0 };
    const rows = await this.deps.db.outboundMessage.findMany({
      where: { status: OutboundStatus.Pending, notBefore: { lte: this.now() } },
      orderBy: { id: 'asc' },
      take: limit,
    });
    for (const row of rows) {
      if ((this.pausedUntil.get(row.channel) ?? 0) > this.now().getTime()) continue;
      // Rows go in id order, so a message another depends on (the invitation before its acknowledgement)
      // is settled first; one still retrying keeps its dependant pending for a later drain.
      const ready = await applyFallback(this.deps.db, row);
      if ('wait' in ready) continue;
      const outcome = await this.sendOne(ready.send);
      result[outcome]++;
    }
    return result;
  }

  private async sendOne(row: OutboundRow): Promise<keyof DrainResult> {
    const { db } = this.deps;
    const transport = this.deps.transports[row.channel] ?? this.deps.defaultTransport;
    if (!transport) {
      await recordNotSent(db, this.deps, row, 'held', `no transport for channel ${row.channel}`, this.now());
      return 'held';
    }
    const claimed = await db.outboundMessage.updateMany({
      where: { id: row.id, status: OutboundStatus.Pending },
      data: { status: OutboundStatus.Sending, attempts: { increment: 1 }, updatedAt: this.now() },
    });
    if (claimed.count === 0) return 'retried'; // another sender has it
    try {
      const hold = await this.deps.guard?.(row);
      if (hold) {
        await recordNotSent(db, this.deps, row, 'held', hold, this.now());
        return 'held';
      }
      if (isUnconfirmed(row)) {
        if (!transport.findSent) {
          // Cannot ask the platform whether it posted: a person decides rather than risk a double post.
          await recordNotSent(
            db,
            this.deps,
            row,
            'held',
            `unknown whether sent (${row.error}); check the channel, then resend or drop`,
            this.now(),
          );
          return 'held';
        }
        const earlier = await transport.findSent(row);
        if (earlier) {
          await recordSent(db, this.deps, row, earlier, this.now());
          return 'sent';
        }
      }
      const sent = await transport.send(row);
      await recordSent(db, this.deps, row, sent, this.now());
      return 'sent';
    } catch (error) {
      return this.handleFailure(row, error);
    }
  }

  private async handleFailure(row: OutboundRow, error: unknown): Promise<keyof DrainResult> {
    const { db, logger } = this.deps;
    const attempts = row.attempts + 1;
    const failure = error instanceof SendError ? error : undefined;
    const ambiguous = !failure || failure.failure === 'network' || failure.failure === 'server';
    // A rate limit or a message waiting on another is not a failure: it never uses up the attempts.
    const waiting = failure?.failure === 'rate_limited' || failure?.failure === 'waiting';
    const log = { outboundId: row.id, channel: row.channel, kind: row.kind, attempts, failure: failure?.failure };
    if (failure?.failure === 'waiting') logger.debug(log, `send deferred: ${describeError(error)}`);
    else logger.warn(log, `send failed: ${describeError(error)}`);
    if (
      failure?.failure === 'duplicate' &&
      attempts < (this.deps.maxAttempts ?? 8) &&
      (await rewordDuplicate(this.deps, row, this.now()))
    )
      return 'retried';
    if (failure && !failure.retryable) {
      const status = HOLD_FOR_A_PERSON.has(failure.failure) ? 'held' : 'failed';
      await recordNotSent(db, this.deps, row, status, `${failure.failure}: ${failure.message}`, this.now());
      return status;
    }
    if (!waiting && attempts >= (this.deps.maxAttempts ?? 8)) {
      await recordNotSent(
        db,
        this.deps,
        row,
        'failed',
        `gave up after ${attempts} attempts: ${describeError(error)}`,
        this.now(),
      );
      return 'failed';
    }
    const waitMs = failure?.retryAfterMs ?? BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)];
    if (failure?.failure === 'rate_limited') this.pausedUntil.set(row.channel, this.now().getTime() + waitMs);
    await db.outboundMessage.update({
      where: { id: row.id },
      data: {
        status: OutboundStatus.Pending,
        notBefore: new Date(this.now().getTime() + waitMs),
        error: (ambiguous ? UNCONFIRMED : '') + describeError(error),
        ...(waiting ? { attempts: row.attempts } : {}),
      },
    });
    return 'retried';
  }

  /**
   * At start-up: messages left "sending" by a process that stopped mid-send go back to the queue as
   * unconfirmed, so the platform is asked before any resend. Only rows idle for `staleMs` are touched,
   * so a second instance's sends in flight are left alone.
   */
  async recoverInterrupted(staleMs = 120_000): Promise<number> {
    const { count } = await this.deps.db.outboundMessage.updateMany({
      where: { status: OutboundStatus.Sending, updatedAt: { lt: new Date(this.now().getTime() - staleMs) } },
      data: { status: OutboundStatus.Pending, error: `${UNCONFIRMED}the process stopped while sending` },
    });
    if (count)
      this.deps.logger.warn(
        { count },
        'recovered messages interrupted mid-send; the platform is checked before resending',
      );
    return count;
  }
}

/** Marks an error after which nobody knows whether the platform posted (timeout, 5xx, crash). */
const UNCONFIRMED = 'unconfirmed: ';

function isUnconfirmed(row: OutboundRow): boolean {
  return row.error?.startsWith(UNCONFIRMED) ?? false;
}
