import type { OutboundRow } from '../core/outbound.js';
import { OutboundStatus } from '../core/outbound.js';
import { type Db, dbProvider } from '../store/create-db.js';

/** Which due rows to claim: one channel's, oldest first; `unconfirmed` picks only (or never) those. */
export interface ClaimQuery {
  channel: string;
  limit: number;
  /** Only rows after this id (a drain passes each row once: one put back for now waits for the next). */
  afterId: number;
  /** Nor after this one: rows queued while a drain runs wait for the next (the outbox as it was at its start). */
  upToId: number;
  now: Date;
  /** This sender's id: the lease is held under it. */
  claimedBy: string;
  leaseMs: number;
  /** The error prefix of rows whose send is unknown: true claims only those, false only the others. */
  unconfirmed: { prefix: string; only: boolean };
}

/**
 * Claims due pending rows for this sender: a lease (claimedBy, claimedUntil = now + leaseMs) on rows
 * nobody else holds a live lease on. The rows stay `pending` until each is really tried (startRow), so
 * `sending` keeps meaning "on its way". On PostgreSQL with `FOR UPDATE SKIP LOCKED`, so several instances
 * share the outbox: each row goes to exactly one, and none waits behind rows another instance holds. On
 * SQLite (one writer at a time) a conditional update does the same. Returns the rows oldest first.
 */
export async function claimDueRows(db: Db, q: ClaimQuery): Promise<OutboundRow[]> {
  const ids = dbProvider(db) === 'postgresql' ? await claimOnPostgres(db, q) : await claimOnSqlite(db, q);
  if (!ids.length) return [];
  return db.outboundMessage.findMany({
    where: { id: { in: ids }, claimedBy: q.claimedBy, status: OutboundStatus.Pending },
    orderBy: { id: 'asc' },
  });
}

/** Pending to sending (attempts counted) for a row this sender holds; false if it lost the row. */
export async function startRow(db: Db, claimedBy: string, row: OutboundRow, now: Date): Promise<boolean> {
  const { count } = await db.outboundMessage.updateMany({
    where: { id: row.id, claimedBy, status: OutboundStatus.Pending },
    data: { status: OutboundStatus.Sending, attempts: { increment: 1 }, updatedAt: now },
  });
  return count === 1;
}

/**
 * startRow for a whole batch in one statement (a local transport's batch): the rows this sender still
 * holds go from pending to sending, attempts counted; returns those, as the row each started from.
 */
export async function startRows(db: Db, claimedBy: string, rows: OutboundRow[], now: Date): Promise<OutboundRow[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const { count } = await db.outboundMessage.updateMany({
    where: { id: { in: ids }, claimedBy, status: OutboundStatus.Pending },
    data: { status: OutboundStatus.Sending, attempts: { increment: 1 }, updatedAt: now },
  });
  if (count === rows.length) return rows;
  // Some were lost to another sender (a lease ran out): those it started are not this sender's.
  const mine = await db.outboundMessage.findMany({
    where: { id: { in: ids }, claimedBy, status: OutboundStatus.Sending },
    select: { id: true },
  });
  const started = new Set(mine.map((r) => r.id));
  return rows.filter((r) => started.has(r.id));
}

/** Gives claimed rows that were not tried back to the queue, optionally for later. */
export async function releaseRows(db: Db, claimedBy: string, ids: number[], notBefore?: Date): Promise<void> {
  if (!ids.length) return;
  await db.outboundMessage.updateMany({
    where: { id: { in: ids }, claimedBy, status: OutboundStatus.Pending },
    data: { claimedBy: null, claimedUntil: null, ...(notBefore ? { notBefore } : {}) },
  });
}

async function claimOnSqlite(db: Db, q: ClaimQuery): Promise<number[]> {
  const free = {
    OR: [{ claimedUntil: null }, { claimedUntil: { lt: q.now } }, { claimedBy: q.claimedBy }],
  };
  const candidates = await db.outboundMessage.findMany({
    where: {
      status: OutboundStatus.Pending,
      notBefore: { lte: q.now },
      channel: q.channel,
      id: { gt: q.afterId, lte: q.upToId },
      AND: [
        free,
        q.unconfirmed.only
          ? { error: { startsWith: q.unconfirmed.prefix } }
          : { OR: [{ error: null }, { NOT: { error: { startsWith: q.unconfirmed.prefix } } }] },
      ],
    },
    orderBy: { id: 'asc' },
    take: q.limit,
    select: { id: true },
  });
  if (!candidates.length) return [];
  const ids = candidates.map((c) => c.id);
  await db.outboundMessage.updateMany({
    where: { id: { in: ids }, status: OutboundStatus.Pending, ...free },
    data: { claimedBy: q.claimedBy, claimedUntil: new Date(q.now.getTime() + q.leaseMs) },
  });
  return ids;
}

async function claimOnPostgres(db: Db, q: ClaimQuery): Promise<number[]> {
  const like = `${q.unconfirmed.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Prisma stores DateTime as UTC in TIMESTAMP(3) without a zone: the values are passed the same way.
  const ts = (d: Date) => d.toISOString().replace('Z', '');
  const now = ts(q.now);
  const until = ts(new Date(q.now.getTime() + q.leaseMs));
  const rows = await db.$queryRaw<Array<{ id: number }>>`
    UPDATE "OutboundMessage"
    SET "claimedBy" = ${q.claimedBy}, "claimedUntil" = CAST(${until} AS TIMESTAMP(3))
    WHERE "id" IN (
      SELECT "id" FROM "OutboundMessage"
      WHERE "status" = 'pending' AND "notBefore" <= CAST(${now} AS TIMESTAMP(3)) AND "channel" = ${q.channel}
        AND "id" > ${q.afterId} AND "id" <= ${q.upToId}
        AND ("claimedUntil" IS NULL OR "claimedUntil" < CAST(${now} AS TIMESTAMP(3)) OR "claimedBy" = ${q.claimedBy})
        AND (CASE WHEN ${q.unconfirmed.only} THEN COALESCE("error", '') LIKE ${like}
             ELSE COALESCE("error", '') NOT LIKE ${like} END)
      ORDER BY "id"
      LIMIT ${q.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows.map((r) => Number(r.id));
}
