import type { SendResult } from '../core/channel-adapter.js';
import { type OutboundRow, OutboundStatus } from '../core/outbound.js';
import type { Db } from '../store/create-db.js';
import type { DbTx } from '../store/db-types.js';
import { runWrite } from '../store/prepared-select.js';
import { ledgerDay } from '../store/spend-ledger.js';
import { allowRawWrites, rawWriter } from '../store/sqlite-handle.js';

/**
 * "When a message went out (or will not), also do this", inside the same transaction as the outbox row:
 * the case lifecycle passes its own (see src/cases/record-message-outcome.ts), so the outbox knows no case.
 */
export interface OutcomeHooks {
  onSent(tx: DbTx, row: OutboundRow, result: SendResult, at: Date): Promise<void>;
  onNotSent(tx: DbTx, row: OutboundRow, status: 'failed' | 'held', reason: string, at: Date): Promise<void>;
}

/**
 * Records a delivered message: the outbox row, what the hooks add, and the spend ledger, in one
 * transaction so they never disagree.
 */
export async function recordSent(
  db: Db,
  hooks: OutcomeHooks,
  row: OutboundRow,
  result: SendResult,
  at: Date,
): Promise<void> {
  await recordSentRows(db, hooks, [{ row, result, at }]);
}

/** A message the platform accepted, waiting to be recorded. */
export interface SentRow {
  row: OutboundRow;
  result: SendResult;
  at: Date;
}

/**
 * Records several delivered messages in one transaction (one commit instead of one per message, the
 * cost that dominates a fast channel such as the replay log). Each row keeps its own externalId and
 * time; the hooks run per row, inside the same transaction, so rows and cases never disagree. On SQLite
 * the rows (and what the hooks write) go through prepared statements on the transaction's own
 * connection: Prisma's few hundred microseconds per call were most of what a replayed message cost.
 */
export async function recordSentRows(db: Db, hooks: OutcomeHooks, sent: SentRow[]): Promise<void> {
  if (!sent.length) return;
  await db.$transaction(
    async (tx) => {
      allowRawWrites(tx);
      const raw = rawWriter(tx);
      for (const { row, result, at } of sent) {
        if (raw) runWrite(raw, MARK_SENT, [OutboundStatus.Sent, result.externalId, at, new Date(), row.id]);
        else
          await tx.outboundMessage.update({
            where: { id: row.id },
            data: {
              status: OutboundStatus.Sent,
              externalId: result.externalId,
              sentAt: at,
              error: null,
              claimedBy: null,
              claimedUntil: null,
            },
          });
        await hooks.onSent(tx, row, result, at);
      }
      const spent = sent.filter((s) => s.result.costUsd);
      if (spent.length) {
        await tx.spendEntry.createMany({
          data: spent.map(({ row, result, at }) => ({
            at,
            day: ledgerDay(at),
            channel: row.channel,
            action: row.kind,
            costUsd: result.costUsd!,
            outboundId: row.id,
          })),
        });
      }
    },
    // A local transport records a few hundred rows at once (PostgreSQL: a few queries each).
    { timeout: 60_000 },
  );
}

// What Prisma's update above writes; updatedAt is the wall clock, as Prisma's @updatedAt sets it.
const MARK_SENT = `UPDATE "OutboundMessage" SET "status" = ?, "externalId" = ?, "sentAt" = ?, "error" = NULL,
  "claimedBy" = NULL, "claimedUntil" = NULL, "updatedAt" = ? WHERE "id" = ?`;

/** Records a message that will not be sent (failed for good, or held for a person), and tells the hooks. */
export async function recordNotSent(
  db: Db,
  hooks: OutcomeHooks,
  row: OutboundRow,
  status: 'failed' | 'held',
  reason: string,
  at: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.outboundMessage.update({
      where: { id: row.id },
      data: { status, error: reason, claimedBy: null, claimedUntil: null },
    });
    await hooks.onNotSent(tx, row, status, reason, at);
  });
}
