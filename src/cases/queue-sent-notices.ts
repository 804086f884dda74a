import type Database from 'better-sqlite3';
import type { OutboundRow } from '../core/outbound.js';
import { OutboundStatus } from '../core/outbound.js';
import type { DbTx } from '../store/db-types.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import { runWrite, selectRows } from '../store/prepared-select.js';
import { rawWriter } from '../store/sqlite-handle.js';
import { caseEventThreadIntent, caseMessageKey, caseUpdateIntent } from './case-intents.js';

/**
 * When a message to the customer has gone out (inside recordSent's transaction): a person's reply
 * sets the case's firstHumanReplyAt, and the case's thread and top message hear about it. While the
 * top message is still waiting to be posted there is nothing to add: it is rendered at send time and
 * will show the message then.
 */
export async function queueSentNotices(
  tx: DbTx,
  row: OutboundRow,
  caseId: number,
  eventId: number,
  at: Date,
): Promise<void> {
  if (row.kind !== 'public_reply' && row.kind !== 'private_message') return;
  const human = row.purpose === 'human_reply';
  const raw = rawWriter(tx);
  if (human && raw) setCaseTimeOnce(raw, 'firstHumanReplyAt', caseId, at);
  else if (human)
    await tx.case.updateMany({ where: { id: caseId, firstHumanReplyAt: null }, data: { firstHumanReplyAt: at } });
  const [top] = raw
    ? selectRows<{ status: string }>(raw, `SELECT "status" FROM "OutboundMessage" WHERE "idempotencyKey" = ?`, [
        caseMessageKey(caseId),
      ])
    : [
        await tx.outboundMessage.findUnique({
          where: { idempotencyKey: caseMessageKey(caseId) },
          select: { status: true },
        }),
      ];
  if (!top || (top.status === OutboundStatus.Pending && !human)) return;
  await enqueueIntents(
    tx,
    [
      caseEventThreadIntent(caseId, eventId, `${row.kind.replace('_', ' ')} sent`),
      caseUpdateIntent(caseId, `sent:${row.id}`),
    ],
    at,
  );
}

/**
 * Sets a case's first-time column (acknowledgedAt, firstHumanReplyAt) unless it is set already, through
 * the raw connection of a SQLite transaction: Prisma's updateMany with `column: null`, and its @updatedAt.
 */
export function setCaseTimeOnce(
  raw: Database.Database,
  column: 'acknowledgedAt' | 'firstHumanReplyAt',
  caseId: number,
  at: Date,
): void {
  runWrite(raw, `UPDATE "Case" SET "${column}" = ?, "updatedAt" = ? WHERE "id" = ? AND "${column}" IS NULL`, [
    at,
    new Date(),
    caseId,
  ]);
}
