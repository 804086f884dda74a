import crypto from 'node:crypto';
import os from 'node:os';
import { describeError } from '../core/app-error.js';
import { SendError, type SendResult } from '../core/channel-adapter.js';
import type { OutboundRow } from '../core/outbound.js';
import { OutboundStatus } from '../core/outbound.js';
import type { Logger } from '../log/create-logger.js';
import type { Db } from '../store/create-db.js';
import { applyFallback, type EarlierMessage, fallbackOf } from './apply-fallback.js';
import { claimDueRows, releaseRows, startRow, startRows } from './claim-due-rows.js';
import { findSentOneByOne, type OutboxTransport, type StartRows, type TogetherOutcome } from './outbox-transport.js';
import { type OutcomeHooks, recordNotSent, recordSent, recordSentRows, type SentRow } from './record-outcome.js';
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
  /** How long a claimed row stays this sender's (OUTBOX_LEASE_SECONDS); renewed while it works. */
  leaseMs?: number;
  /** This sender's name in `claimedBy` (default: host, pid and a random part). */
  senderId?: string;
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
/** Rows claimed per channel at a time: few, so a crash leaves few rows to check. */
const BATCH = 10;
/**
 * Rows a lane claims, starts and records at a time when its transport is local and instant
 * (recordInBatches: the replay log, a recording stand-in). Such a transport answers findSent from its
 * own record, so the rows a crash leaves sending cost nothing to check, and a batch costs a handful of
 * statements instead of several round trips per row (about 1 ms a message before, issue 14).
 */
const LOCAL_BATCH = 500;

/** A channel's lane across one drain: what is left of its budget and the last row it claimed. */
interface LaneState {
  budget: number;
  afterId: number;
}

/** One drain's bookkeeping, shared by its lanes (one per channel). */
interface DrainRun {
  limit: number;
  result: DrainResult;
  /** The lanes running now, by channel. */
  lanes: Map<string, Promise<void>>;
  /** Per channel for the whole drain: what is left of its budget and the last row it claimed. */
  state: Map<string, LaneState>;
  /** When channels that became due were last looked for. */
  lookedAt: number;
  rejoining?: boolean;
  /** Settles when the local lane that started last is done: local lanes take turns (see drainLane). */
  localTurn?: Promise<void>;
}

/**
 * The one sender of every outbound message. A row is claimed (pending to sending, under a lease this
 * sender renews while it works) before it is sent, so two senders never send the same row, and a row
 * whose sender died is taken up again once its lease ran out. An answer that leaves it unknown whether
 * the platform posted (timeout, 5xx, a crash) marks the row unconfirmed: it is checked with the platform
 * before any retry (one check per channel lane for all such rows), so nothing goes out twice.
 * Each channel is drained in its own lane, side by side, and a paused channel (rate limit) is left out, so
 * none waits behind another.
 */
export class OutboxSender {
  private readonly now: () => Date;
  private readonly pausedUntil = new Map<string, number>();
  /** Channels whose platform took a message since its last 5xx or timeout (see platformAnswered). */
  private readonly answering = new Set<string>();
  /** When each channel's check of unconfirmed rows may run again after the platform refused one. */
  private readonly checkRefusedUntil = new Map<string, number>();
  private readonly leaseMs: number;
  private upToId = 0;
  readonly senderId: string;

  constructor(private readonly deps: OutboxSenderDeps) {
    this.now = deps.now ?? (() => new Date());
    this.leaseMs = deps.leaseMs ?? 15_000;
    this.senderId = deps.senderId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  }

  /**
   * Sends every due message once; returns what happened. Safe to call repeatedly. Each channel is
   * drained in its own lane, side by side: a paced channel (Slack, about a post a second) or a slow
   * platform call holds back only its own channel's messages. Within a lane rows go in id order, so a
   * message another depends on (the invitation before its acknowledgement) is settled first. Across
   * channels there is no order any more: a Slack case card may go out before its X acknowledgement, and
   * is updated when the acknowledgement is recorded (the case hooks queue that update).
   */
  async drain(limit = 500): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retried: 0, failed: 0, held: 0 };
    await this.recoverExpired();
    const renew = setInterval(() => void this.renewLeases(), Math.max(1_000, this.leaseMs / 3));
    renew.unref?.();
    const run: DrainRun = { limit, result, lanes: new Map(), state: new Map(), lookedAt: this.now().getTime() };
    // A lane blocked in one long send (a timeout) must not keep other channels from joining in.
    const rejoin = setInterval(() => void this.rejoinDue(run), REJOIN_EVERY_MS);
    rejoin.unref?.();
    try {
      // By primary key: Prisma's aggregate({ _max }) is a subquery SQLite answers by reading every row.
      this.upToId = await this.newestId();
      for (const channel of await this.dueChannels()) this.startLane(run, channel);
      // Lanes started by a rejoin while others run are waited for too. A lane that fails (the database)
      // does not end the drain while the others still send: all settle first, then the failure is thrown.
      let failure: PromiseRejectedResult | undefined;
      while (run.lanes.size) {
        const settled = await Promise.allSettled([...run.lanes.values()]);
        failure ??= settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      }
      if (failure) throw failure.reason;
    } finally {
      clearInterval(renew);
      clearInterval(rejoin);
    }
    return result;
  }

  private async newestId(): Promise<number> {
    const newest = await this.deps.db.outboundMessage.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return newest?.id ?? 0;
  }

  /** Starts the channel's lane unless it runs already; the drain waits for it. */
  private startLane(run: DrainRun, channel: string): void {
    if (run.lanes.has(channel)) return;
    const lane = this.drainLane(run, channel).finally(() => run.lanes.delete(channel));
    run.lanes.set(channel, lane);
  }

  /**
   * A long drain (a paced queue can keep one going for minutes): every second or so, channels whose pause
   * ended or that got due rows since (new acknowledgements) get a lane again, instead of waiting for the
   * slow channel's drain to end. Asked from the lanes after each row (so a drain on an injected clock
   * rejoins too) and from a timer (so one send that hangs does not stop it).
   */
  private async rejoinDue(run: DrainRun): Promise<void> {
    if (run.rejoining || !run.lanes.size || this.now().getTime() - run.lookedAt < REJOIN_EVERY_MS) return;
    run.rejoining = true;
    try {
      run.lookedAt = this.now().getTime();
      this.upToId = Math.max(this.upToId, await this.newestId());
      for (const channel of await this.dueChannels()) {
        if (run.lanes.has(channel)) continue;
        const state = run.state.get(channel);
        if (state) state.afterId = 0; // from its oldest due row again: a row whose pause ended is due anew
        this.startLane(run, channel);
      }
    } catch (error) {
      this.deps.logger.warn({ error: describeError(error) }, 'could not look for channels that became due');
    } finally {
      run.rejoining = false;
    }
  }

  /**
   * One channel's lane: its unconfirmed rows checked first, then its due rows claimed in small batches
   * and sent one after the other, until none is left, its budget is spent or it is paused. A local
   * transport's lane (recordInBatches) works in large batches instead (sendLocalLane).
   */
  private async drainLane(run: DrainRun, channel: string): Promise<void> {
    if (!this.transportOf(channel)?.recordInBatches) return this.sendLane(run, channel);
    // Local lanes take turns, in the order they started (customers' channels first, see dueChannels):
    // each sends a batch in a moment, and side by side a Slack stand-in's lane would post the case cards
    // before the acknowledgements they show were recorded, each then queueing a thread note and an update.
    const previous = run.localTurn;
    let done!: () => void;
    run.localTurn = new Promise((resolve) => (done = resolve));
    // Sent rows of the local transport, recorded together at the end of each claimed batch.
    const unrecorded: SentRow[] = [];
    try {
      await previous;
      await this.sendLocalLane(run, channel, unrecorded);
    } finally {
      try {
        await this.recordSentTogether(unrecorded, run.result);
      } finally {
        done();
      }
    }
  }

  /** The channel's budget and position for the whole drain (a rejoined lane goes on from them). */
  private laneState(run: DrainRun, channel: string, budget: number): LaneState {
    let state = run.state.get(channel);
    if (!state) {
      state = { budget, afterId: 0 };
      run.state.set(channel, state);
    }
    return state;
  }

  private async sendLane(run: DrainRun, channel: string): Promise<void> {
    const state = this.laneState(run, channel, run.limit + BATCH);
    // At every start of the lane, a rejoin too: a paced Slack lane can keep one drain going for minutes,
    // and a row that became unconfirmed meanwhile (a timeout, a 5xx) must not wait for the next drain.
    // Each such row waits out its backoff first, so a channel is not checked more than every few seconds.
    const queue = await this.checkUnconfirmed(channel, run.limit, run.result);
    for (;;) {
      if (!queue.length) {
        state.budget -= BATCH;
        const next =
          state.budget > 0 && !this.paused(channel)
            ? await this.claim(channel, Math.min(BATCH, state.budget), state)
            : [];
        if (!next.length) return;
        state.afterId = next[next.length - 1].id;
        queue.push(...next);
      }
      const row = queue.shift()!;
      if (this.paused(channel)) {
        await releaseRows(this.deps.db, this.senderId, [row.id, ...queue.splice(0).map((r) => r.id)]);
        return;
      }
      // One still retrying keeps its dependant pending for a later drain.
      const ready = await applyFallback(this.deps.db, row);
      if ('wait' in ready) await releaseRows(this.deps.db, this.senderId, [row.id]);
      else {
        const together = await this.takeTogether(ready.send, queue);
        if (together.length) await this.sendTogether([ready.send, ...together], queue, run.result);
        else run.result[await this.sendOne(ready.send)]++;
      }
      await this.rejoinDue(run);
    }
  }

  /**
   * A local transport's lane: its unconfirmed rows first (the transport's own record answers for them),
   * then its due rows in batches of LOCAL_BATCH, each recorded in one transaction once sent.
   */
  private async sendLocalLane(run: DrainRun, channel: string, unrecorded: SentRow[]): Promise<void> {
    const state = this.laneState(run, channel, run.limit);
    let rows = await this.checkUnconfirmed(channel, run.limit, run.result);
    for (;;) {
      if (!rows.length) {
        const limit = Math.min(LOCAL_BATCH, state.budget);
        rows = limit > 0 && !this.paused(channel) ? await this.claim(channel, limit, state) : [];
        if (!rows.length) return;
        state.budget -= rows.length;
        state.afterId = rows[rows.length - 1].id;
      }
      await this.sendLocalBatch(run, rows.splice(0), unrecorded);
      await this.recordSentTogether(unrecorded, run.result);
    }
  }

  /**
   * One claimed batch of a local transport: the fallbacks decided against one read of the earlier
   * messages, the rows started in one statement (so a crash leaves them unconfirmed, never resent
   * unchecked), then guarded and sent in id order. A row whose earlier message is in the same batch
   * picks its text once that one was tried, as it would one row at a time. The caller records them.
   */
  private async sendLocalBatch(run: DrainRun, rows: OutboundRow[], unrecorded: SentRow[]): Promise<void> {
    const { db } = this.deps;
    const transport = this.transportOf(rows[0].channel)!;
    const earlier = await this.earlierMessages(rows);
    const lookup = async (key: string) => earlier.get(key) ?? null;
    const inBatch = new Set(rows.map((r) => r.idempotencyKey));
    const dependsInBatch = (row: OutboundRow) => inBatch.has(fallbackOf(row)?.ifNotDelivered ?? '');
    const ready: OutboundRow[] = [];
    const waiting: number[] = [];
    for (const row of rows) {
      const decision = dependsInBatch(row) ? { send: row } : await applyFallback(db, row, lookup);
      if ('wait' in decision) waiting.push(row.id);
      else ready.push(decision.send);
    }
    await releaseRows(db, this.senderId, waiting);
    const started = await startRows(db, this.senderId, ready, this.now());
    run.result.retried += ready.length - started.length; // another sender has those (as sendOne counts them)
    for (const row of started)
      earlier.set(row.idempotencyKey, { status: OutboundStatus.Sending, attempts: row.attempts + 1, error: row.error });
    for (const row of started) {
      let outcome: keyof DrainResult | 'unrecorded';
      const decision = dependsInBatch(row) ? await applyFallback(db, row, lookup) : { send: row };
      if (this.paused(row.channel) || 'wait' in decision) {
        // Started but not tried: back to the queue without using up an attempt.
        const why = 'wait' in decision ? decision.wait : `${row.channel} is paused`;
        outcome = await this.handleFailure(row, new SendError('waiting', why, true, 0));
      } else outcome = await this.sendStarted(decision.send, transport, unrecorded);
      if (outcome !== 'unrecorded') run.result[outcome]++;
      earlier.set(row.idempotencyKey, outcomeAsEarlier(row, outcome));
      await this.rejoinDue(run);
    }
  }

  /** The earlier messages `rows` depend on for their text (see applyFallback), in one read. */
  private async earlierMessages(rows: OutboundRow[]): Promise<Map<string, EarlierMessage>> {
    const keys = rows.map((r) => fallbackOf(r)?.ifNotDelivered).filter((k): k is string => Boolean(k));
    const found = keys.length
      ? await this.deps.db.outboundMessage.findMany({
          where: { idempotencyKey: { in: keys } },
          select: { idempotencyKey: true, status: true, attempts: true, error: true },
        })
      : [];
    return new Map(found.map((m) => [m.idempotencyKey, m]));
  }

  private paused(channel: string): boolean {
    return (this.pausedUntil.get(channel) ?? 0) > this.now().getTime();
  }

  /** Channels with due rows, paused ones left out in the query itself. */
  private async dueChannels(): Promise<string[]> {
    const paused = [...this.pausedUntil.keys()].filter((c) => this.paused(c));
    const groups = await this.deps.db.outboundMessage.groupBy({
      by: ['channel', 'kind'],
      where: { status: OutboundStatus.Pending, notBefore: { lte: this.now() }, channel: { notIn: paused } },
      orderBy: { channel: 'asc' },
    });
    // Channels with messages to customers first: local lanes take their turns in this order (drainLane),
    // so what went to a customer is recorded before the team's messages that show it are sent.
    const toCustomers = new Set(groups.filter((g) => CUSTOMER_KINDS.has(g.kind)).map((g) => g.channel));
    const channels = [...new Set(groups.map((g) => g.channel))];
    return channels.sort((a, b) => Number(toCustomers.has(b)) - Number(toCustomers.has(a)));
  }

  /** Without `after`, the channel's unconfirmed rows only; with it, the others past `after.afterId`. */
  private claim(channel: string, limit: number, after?: { afterId: number }): Promise<OutboundRow[]> {
    return claimDueRows(this.deps.db, {
      channel,
      limit,
      afterId: after?.afterId ?? 0,
      upToId: this.upToId,
      now: this.now(),
      claimedBy: this.senderId,
      leaseMs: this.leaseMs,
      unconfirmed: { prefix: UNCONFIRMED, only: !after },
    });
  }

  /**
   * The channel's unconfirmed rows, checked with the platform in one go: those it has are recorded as
   * sent; the others come back to be sent now. A check that cannot run (its rate window is used up,
   * the platform fails) keeps every row unconfirmed and waiting, and pauses nothing else.
   */
  private async checkUnconfirmed(channel: string, limit: number, result: DrainResult): Promise<OutboundRow[]> {
    const rows = await this.claim(channel, limit);
    if (!rows.length) return [];
    const { db } = this.deps;
    const transport = this.transportOf(channel);
    if (!transport?.findSent && !transport?.findSentMany) {
      // Cannot ask the platform whether it posted: a person decides rather than risk a double post.
      for (const row of rows) {
        const why = transport ? `unknown whether sent (${row.error}); check the channel, then resend or drop` : '';
        await recordNotSent(db, this.deps, row, 'held', why || `no transport for channel ${channel}`, this.now());
        result.held++;
      }
      return [];
    }
    let answers: Array<SendResult | null | undefined>;
    try {
      answers = transport.findSentMany
        ? await transport.findSentMany(rows)
        : await findSentOneByOne(rows, (row) => transport.findSent!(row));
    } catch (error) {
      const failure = error instanceof SendError ? error : undefined;
      const waitMs = failure?.retryAfterMs ?? BACKOFF_MS[0];
      this.checkRefusedUntil.set(channel, this.now().getTime() + waitMs);
      this.deps.logger.warn(
        { channel, count: rows.length, waitSeconds: Math.ceil(waitMs / 1000) },
        `could not check whether messages went out; they wait, still unconfirmed: ${describeError(error)}`,
      );
      await releaseRows(
        db,
        this.senderId,
        rows.map((r) => r.id),
        new Date(this.now().getTime() + waitMs),
      );
      result.retried += rows.length;
      return [];
    }
    const unsent: OutboundRow[] = [];
    const unchecked: number[] = [];
    for (const [i, row] of rows.entries()) {
      const earlier = answers[i];
      if (earlier === undefined)
        unchecked.push(row.id); // not checked this time: still unconfirmed
      else if (earlier) {
        await recordSent(db, this.deps, row, earlier, this.now());
        result.sent++;
      } else unsent.push({ ...row, error: null }); // checked: certainly not out, sent now
    }
    if (unchecked.length) {
      await releaseRows(db, this.senderId, unchecked, new Date(this.now().getTime() + BACKOFF_MS[0]));
      result.retried += unchecked.length;
    }
    // A post found after its answer was lost is the platform taking posts again (when it accepts and
    // then answers 5xx, no send ever looks successful): the rows backing off are due now, as after a send.
    if (answers.some((a) => a)) await this.platformAnswered(channel);
    return unsent;
  }

  private transportOf(channel: string): OutboxTransport | undefined {
    return this.deps.transports[channel] ?? this.deps.defaultTransport;
  }

  /** Keeps this sender's leases alive while it works (a slow platform call outlives no lease). */
  private async renewLeases(): Promise<void> {
    await this.deps.db.outboundMessage
      .updateMany({
        where: { claimedBy: this.senderId, status: { in: [OutboundStatus.Pending, OutboundStatus.Sending] } },
        data: { claimedUntil: new Date(this.now().getTime() + this.leaseMs) },
      })
      .catch((e) => this.deps.logger.warn({ error: describeError(e) }, 'could not renew outbox leases'));
  }

  /**
   * Rows whose sender lost its lease (it crashed or hung) go back to the queue as unconfirmed: the
   * platform is asked before any resend. Runs at every drain, so a restart resumes them within seconds.
   */
  async recoverExpired(): Promise<number> {
    await this.freeLeasesOfDeadProcesses();
    const now = this.now();
    const { count } = await this.deps.db.outboundMessage.updateMany({
      where: {
        status: OutboundStatus.Sending,
        OR: [
          { claimedUntil: { lt: now } },
          // Claimed before leases existed: idle for a lease's length.
          { claimedUntil: null, updatedAt: { lt: new Date(now.getTime() - this.leaseMs) } },
        ],
      },
      data: {
        status: OutboundStatus.Pending,
        claimedBy: null,
        claimedUntil: null,
        error: `${UNCONFIRMED}its sender stopped while sending`,
      },
    });
    if (count)
      this.deps.logger.warn({ count }, 'resumed messages whose sender stopped mid-send; the platform is checked first');
    return count;
  }

  /**
   * A lease held by a process of this host that no longer runs (killed, crashed) is over now, not at
   * its expiry: a restart resumes its rows within seconds. Leases of other hosts wait for their expiry.
   */
  private async freeLeasesOfDeadProcesses(): Promise<void> {
    const now = this.now();
    const held = await this.deps.db.outboundMessage.findMany({
      where: {
        status: { in: [OutboundStatus.Pending, OutboundStatus.Sending] },
        claimedUntil: { gte: now },
        claimedBy: { startsWith: `${os.hostname()}:` },
        NOT: { claimedBy: this.senderId },
      },
      distinct: ['claimedBy'],
      select: { claimedBy: true },
    });
    const dead = held.map((h) => h.claimedBy!).filter((by) => !processRuns(Number(by.split(':')[1])));
    if (!dead.length) return;
    await this.deps.db.outboundMessage.updateMany({
      where: { claimedBy: { in: dead }, status: { in: [OutboundStatus.Pending, OutboundStatus.Sending] } },
      data: { claimedUntil: new Date(now.getTime() - 1) },
    });
  }

  /**
   * Records sent rows in one transaction. If that fails, each is recorded on its own so one bad row
   * costs only itself (one that still fails is handled as a failed send: unconfirmed, checked first).
   */
  private async recordSentTogether(unrecorded: SentRow[], result: DrainResult): Promise<void> {
    const rows = unrecorded.splice(0);
    if (!rows.length) return;
    try {
      await recordSentRows(this.deps.db, this.deps, rows);
      result.sent += rows.length;
      return;
    } catch (error) {
      this.deps.logger.warn({ count: rows.length, error: describeError(error) }, 'recording sent rows together failed');
    }
    for (const { row, result: sent, at } of rows) {
      try {
        await recordSent(this.deps.db, this.deps, row, sent, at);
        result.sent++;
      } catch (error) {
        result[await this.handleFailure(row, error)]++;
      }
    }
  }

  /**
   * The lane's other claimed rows that may go out in one message with `row` (the transport's togetherKey),
   * taken out of the queue in order; empty when the transport sends each alone.
   */
  private async takeTogether(row: OutboundRow, queue: OutboundRow[]): Promise<OutboundRow[]> {
    const transport = this.transportOf(row.channel);
    const key = transport?.sendTogether && transport.togetherKey?.(row);
    if (!key) return [];
    const taken: OutboundRow[] = [];
    for (let i = 0; i < queue.length; )
      if (transport.togetherKey?.(queue[i]) === key) taken.push(...queue.splice(i, 1));
      else i++;
    const ready: OutboundRow[] = [];
    for (const other of taken) {
      const decision = await applyFallback(this.deps.db, other);
      if ('wait' in decision) await releaseRows(this.deps.db, this.senderId, [other.id]);
      else ready.push(decision.send);
    }
    return ready;
  }

  /**
   * Rows the transport may send as one message. Each row is started (still this sender's, attempt counted,
   * guard asked) only when the transport picks it, just before the post; the rows it sent are recorded in
   * one transaction (all or none: the message's other cases are never missing from what the database says
   * shares it). A crash after the post leaves them all leased and unconfirmed, each found by its own
   * marker. Rows the transport did not pick go back to the front of the queue.
   */
  private async sendTogether(rows: OutboundRow[], queue: OutboundRow[], result: DrainResult): Promise<void> {
    const { db } = this.deps;
    const transport = this.transportOf(rows[0].channel)!;
    const offered = new Set<number>();
    const started: OutboundRow[] = [];
    const start: StartRows = async (picked) => {
      const go: OutboundRow[] = [];
      for (const row of picked.filter((r) => !offered.has(r.id))) {
        offered.add(row.id);
        if (!(await startRow(db, this.senderId, row, this.now()))) {
          result.retried++; // another sender has it
          continue;
        }
        try {
          if (await this.heldByGuard(row)) result.held++;
          else go.push(row);
        } catch (error) {
          result[await this.handleFailure(row, error)]++;
        }
      }
      started.push(...go);
      return go;
    };
    let outcomes: TogetherOutcome[];
    try {
      outcomes = await transport.sendTogether!(rows, start);
    } catch (error) {
      // Before anything started (waiting for a burst summary, say), the answer holds for every row offered.
      for (const row of offered.size ? started : rows) result[await this.handleFailure(row, error)]++;
      if (offered.size) queue.unshift(...rows.filter((r) => !offered.has(r.id)));
      return;
    }
    const sent: SentRow[] = [];
    for (const outcome of outcomes) {
      if ('error' in outcome) result[await this.handleFailure(outcome.row, outcome.error)]++;
      else sent.push({ row: outcome.row, result: outcome.result, at: this.now() });
    }
    await this.recordSentTogether(sent, result);
    if (sent.length) await this.platformAnswered(rows[0].channel);
    // Started but not answered for: nobody knows whether it went, so it is checked before any resend.
    const answered = new Set(outcomes.map((o) => o.row.id));
    for (const row of started.filter((r) => !answered.has(r.id)))
      result[await this.handleFailure(row, new SendError('server', 'sent together but not reported', true))]++;
    const rest = rows.filter((r) => !offered.has(r.id));
    // A transport that picked nothing: the first row goes alone, so the lane always moves on.
    if (!offered.size) result[await this.sendOne(rest.shift()!)]++;
    queue.unshift(...rest);
  }

  /** Starts one row, sends it and records the outcome. */
  private async sendOne(row: OutboundRow): Promise<keyof DrainResult> {
    const { db } = this.deps;
    const transport = this.transportOf(row.channel);
    if (!transport) {
      await recordNotSent(db, this.deps, row, 'held', `no transport for channel ${row.channel}`, this.now());
      return 'held';
    }
    if (!(await startRow(db, this.senderId, row, this.now()))) return 'retried'; // another sender has it
    return (await this.sendStarted(row, transport)) as keyof DrainResult;
  }

  /**
   * Guards, sends and records a row this sender has started (`row` as it was before its start). With
   * `unrecorded` (a local transport's batch), a sent row is added there instead, to be recorded with its
   * batch, and 'unrecorded' returned.
   */
  private async sendStarted(
    row: OutboundRow,
    transport: OutboxTransport,
    unrecorded?: SentRow[],
  ): Promise<keyof DrainResult | 'unrecorded'> {
    const { db } = this.deps;
    try {
      if (await this.heldByGuard(row)) return 'held';
      const sent = await transport.send(row);
      if (unrecorded) {
        unrecorded.push({ row, result: sent, at: this.now() });
        return 'unrecorded';
      }
      await recordSent(db, this.deps, row, sent, this.now());
      await this.platformAnswered(row.channel);
      return 'sent';
    } catch (error) {
      return this.handleFailure(row, error);
    }
  }

  /** Asks the guard about a started row; one it holds for a person is recorded so, and true returned. */
  private async heldByGuard(row: OutboundRow): Promise<boolean> {
    const hold = await this.deps.guard?.(row);
    if (hold) await recordNotSent(this.deps.db, this.deps, row, 'held', hold, this.now());
    return Boolean(hold);
  }

  /**
   * The platform took a message: the channel's rows backing off after a 5xx or a timeout (the platform was
   * failing; backoffs reach minutes) are due again now, so a storm's backlog goes as soon as the platform
   * is back instead of minutes later. They are unconfirmed, so each is checked before any resend. Once per
   * recovery, and once per process life (a restart does not know what the last one saw).
   */
  private async platformAnswered(channel: string): Promise<void> {
    if (this.answering.has(channel)) return;
    this.answering.add(channel);
    // Not before the channel's check may run again: each of these rows needs one before it goes.
    const at = new Date(Math.max(this.now().getTime(), this.checkRefusedUntil.get(channel) ?? 0));
    try {
      const { count } = await this.deps.db.outboundMessage.updateMany({
        where: { channel, status: OutboundStatus.Pending, notBefore: { gt: at }, error: { startsWith: UNCONFIRMED } },
        data: { notBefore: at },
      });
      if (count)
        this.deps.logger.info({ channel, count }, 'the platform answers again: messages backing off are due now');
    } catch (error) {
      this.deps.logger.warn({ channel, error: describeError(error) }, 'could not bring backed-off messages forward');
    }
  }

  /**
   * The platform's window for the channel's sends is used up until `until`: the channel pauses, and its
   * waiting rows say so in the database (notBefore), so a restart (or another instance) does not spend a
   * request to learn it again, and what is due means what could go now. Unconfirmed rows stay due: their
   * check reads the platform, not the send window. Rows another sender holds are left to it.
   */
  private async pauseChannel(channel: string, until: Date): Promise<void> {
    this.pausedUntil.set(channel, until.getTime());
    const now = this.now();
    try {
      await this.deps.db.outboundMessage.updateMany({
        where: {
          channel,
          status: OutboundStatus.Pending,
          notBefore: { lt: until },
          AND: [
            { OR: [{ claimedBy: null }, { claimedBy: this.senderId }, { claimedUntil: { lt: now } }] },
            { OR: [{ error: null }, { NOT: { error: { startsWith: UNCONFIRMED } } }] },
          ],
        },
        data: { notBefore: until },
      });
    } catch (error) {
      this.deps.logger.warn(
        { channel, error: describeError(error) },
        'could not mark the channel paused in the outbox',
      );
    }
  }

  private async handleFailure(row: OutboundRow, error: unknown): Promise<keyof DrainResult> {
    const { db, logger } = this.deps;
    const attempts = row.attempts + 1;
    const failure = error instanceof SendError ? error : undefined;
    const ambiguous = !failure || failure.failure === 'network' || failure.failure === 'server';
    if (ambiguous) this.answering.delete(row.channel);
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
    // A limit on one route (a Discord bucket) holds back this message only; the channel's others go on.
    if (failure?.failure === 'rate_limited' && failure.limitScope === 'channel')
      await this.pauseChannel(row.channel, new Date(this.now().getTime() + waitMs));
    await db.outboundMessage.update({
      where: { id: row.id },
      data: {
        status: OutboundStatus.Pending,
        claimedBy: null,
        claimedUntil: null,
        notBefore: new Date(this.now().getTime() + waitMs),
        error: (ambiguous ? UNCONFIRMED : '') + describeError(error),
        ...(waiting ? { attempts: row.attempts } : {}),
      },
    });
    return 'retried';
  }

  /**
   * At start-up: messages left "sending" by a process that stopped mid-send, idle for `staleMs`, go back
   * to the queue as unconfirmed (rows under a live lease of another instance are left alone). Every
   * drain does the same for expired leases (recoverExpired).
   */
  async recoverInterrupted(staleMs = this.leaseMs): Promise<number> {
    const now = this.now();
    const { count } = await this.deps.db.outboundMessage.updateMany({
      where: {
        status: OutboundStatus.Sending,
        updatedAt: { lt: new Date(now.getTime() - staleMs) },
        OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
      },
      data: {
        status: OutboundStatus.Pending,
        claimedBy: null,
        claimedUntil: null,
        error: `${UNCONFIRMED}the process stopped while sending`,
      },
    });
    if (count)
      this.deps.logger.warn(
        { count },
        'recovered messages interrupted mid-send; the platform is checked before resending',
      );
    return count;
  }
}

/** What a row of a local batch now is, for the rows after it whose text depends on it (see applyFallback). */
function outcomeAsEarlier(row: OutboundRow, outcome: keyof DrainResult | 'unrecorded'): EarlierMessage {
  const attempts = row.attempts + 1;
  if (outcome === 'unrecorded' || outcome === 'sent') return { status: OutboundStatus.Sent, attempts, error: null };
  if (outcome === 'held' || outcome === 'failed') return { status: outcome, attempts, error: outcome };
  return { status: OutboundStatus.Pending, attempts, error: 'tried, to be retried' };
}

/** Whether a process with this id runs on this host (signal 0 only asks). */
function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Marks an error after which nobody knows whether the platform posted (timeout, 5xx, crash). */
const UNCONFIRMED = 'unconfirmed: ';
/** Kinds of message that go to a customer (the others go to the team, and may show these). */
const CUSTOMER_KINDS = new Set<string>(['public_reply', 'private_message']);
/** How often a long drain looks for channels that became due (or whose pause ended) meanwhile. */
const REJOIN_EVERY_MS = 1_000;
