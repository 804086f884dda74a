import type { Metrics } from '../log/metrics.js';
import type { Db } from '../store/create-db.js';
import { ledgerDay } from '../store/spend-ledger.js';
import type { ReadinessCheck } from './health-server.js';

// A due message nobody sent for this long, or one "sending" for this long, means the outbox is stuck.
const STUCK_PENDING_MS = 15 * 60_000;
const STUCK_SENDING_MS = 5 * 60_000;

/** The database answers a trivial query. */
export function databaseCheck(db: Db): ReadinessCheck {
  return {
    name: 'database',
    async check() {
      await db.$queryRawUnsafe('SELECT 1');
      return { ok: true };
    },
  };
}

/**
 * The outbox is moving: no message due for more than 15 minutes and still pending, none "sending" for
 * more than 5. Rate-limited and waiting messages have a later notBefore, so they do not count as stuck.
 */
export function outboxCheck(db: Db, now: () => Date = () => new Date()): ReadinessCheck {
  return {
    name: 'outbox',
    async check() {
      const t = now().getTime();
      const [overdue, sending] = await Promise.all([
        db.outboundMessage.count({ where: { status: 'pending', notBefore: { lt: new Date(t - STUCK_PENDING_MS) } } }),
        db.outboundMessage.count({ where: { status: 'sending', updatedAt: { lt: new Date(t - STUCK_SENDING_MS) } } }),
      ]);
      if (!overdue && !sending) return { ok: true };
      return { ok: false, detail: `${overdue} message(s) overdue by 15+ minutes, ${sending} sending for 5+ minutes` };
    },
  };
}

/**
 * A connection's state, as a readiness check and the connection_up gauge. The gauge is also set before
 * every scrape, so /metrics shows the state without anyone asking /readyz first.
 */
export function connectionCheck(name: string, isUp: () => boolean, metrics?: Metrics): ReadinessCheck {
  metrics?.onCollect(async () => void metrics.connectionUp.set({ connection: name }, isUp() ? 1 : 0));
  return {
    name,
    async check() {
      const up = isUp();
      metrics?.connectionUp.set({ connection: name }, up ? 1 : 0);
      return up ? { ok: true } : { ok: false, detail: 'not connected' };
    },
  };
}

/** Fills the database-backed gauges before each scrape: mentions, outbox depth and age, X spend today. */
export function collectDatabaseMetrics(metrics: Metrics, db: Db, now: () => Date = () => new Date()): void {
  metrics.onCollect(async () => {
    const mentions = await db.mention.groupBy({ by: ['channel', 'decision'], _count: { _all: true } });
    metrics.mentions.reset();
    for (const m of mentions) metrics.mentions.set({ channel: m.channel, decision: m.decision }, m._count._all);
  });
  metrics.onCollect(async () => {
    const rows = await db.outboundMessage.groupBy({
      by: ['status', 'channel'],
      _count: { _all: true },
      _min: { createdAt: true },
    });
    metrics.outboxDepth.reset();
    metrics.outboxOldestAgeSeconds.reset();
    for (const r of rows) {
      const labels = { status: r.status, channel: r.channel };
      metrics.outboxDepth.set(labels, r._count._all);
      // The age matters for what is still to do; for sent/failed it would only grow forever.
      if (r._min.createdAt && (r.status === 'pending' || r.status === 'sending' || r.status === 'held')) {
        metrics.outboxOldestAgeSeconds.set(labels, Math.max(0, (now().getTime() - r._min.createdAt.getTime()) / 1000));
      }
    }
  });
  metrics.onCollect(async () => {
    const sum = await db.spendEntry.aggregate({
      where: { channel: 'x', day: ledgerDay(now()) },
      _sum: { costUsd: true },
    });
    metrics.xSpendTodayUsd.set(sum._sum.costUsd ?? 0);
  });
}
