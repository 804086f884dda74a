import type { SendResult } from '../core/channel-adapter.js';
import type { OutboundRow } from '../core/outbound.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import { runWrite } from '../store/prepared-select.js';
import { rawWriter } from '../store/sqlite-handle.js';
import type { CaseEventType } from './case-event-type.js';
import { queueSentNotices, setCaseTimeOnce } from './queue-sent-notices.js';

/** Case event type recorded when each kind of message goes out. */
const SENT_EVENT: Partial<Record<string, CaseEventType>> = {
  public_reply: 'public_reply_sent',
  private_message: 'private_message_sent',
  slack_case: 'slack_case_posted',
};

/**
 * What a delivered message means for its case (the outbox's onSent hook, inside the transaction that
 * marks the row sent): the audit trail, the acknowledgement time, where the case's Slack message lives,
 * and the notices a person's reply causes. In a SQLite transaction that allows raw writes (the outbox's
 * recording does), through prepared statements: a replay records thousands of these a second.
 */
export async function recordMessageSent(tx: DbTx, row: OutboundRow, result: SendResult, at: Date): Promise<void> {
  if (row.caseId === null) return;
  const raw = rawWriter(tx);
  const event = SENT_EVENT[row.kind];
  if (event) {
    const data = {
      caseId: row.caseId,
      at,
      actor: 'bot',
      type: event,
      detail: JSON.stringify({ outboundId: row.id, externalId: result.externalId, url: result.url }),
    };
    const [created] = raw
      ? await bulkInsert<{ id: number }>(tx, 'CaseEvent', [data], ['id'])
      : [await tx.caseEvent.create({ data, select: { id: true } })];
    // A person's reply sets firstHumanReplyAt; the case's Slack thread and top message hear about it.
    await queueSentNotices(tx, row, row.caseId, created.id, at);
  }
  if (row.kind === 'public_reply' && row.purpose === 'acknowledgement') {
    if (raw) setCaseTimeOnce(raw, 'acknowledgedAt', row.caseId, at);
    else await tx.case.updateMany({ where: { id: row.caseId, acknowledgedAt: null }, data: { acknowledgedAt: at } });
  }
  if (row.kind === 'slack_case') {
    const [slackChannel, slackTs] = result.externalId.split('/');
    if (slackTs && raw)
      runWrite(raw, `UPDATE "Case" SET "slackChannel" = ?, "slackTs" = ?, "updatedAt" = ? WHERE "id" = ?`, [
        slackChannel,
        slackTs,
        new Date(),
        row.caseId,
      ]);
    else if (slackTs) await tx.case.update({ where: { id: row.caseId }, data: { slackChannel, slackTs } });
  }
}

/** What a message that will not be sent (failed for good, or held for a person) means for its case. */
export async function recordMessageNotSent(
  tx: DbTx,
  row: OutboundRow,
  status: 'failed' | 'held',
  reason: string,
  at: Date,
): Promise<void> {
  if (row.caseId === null) return;
  if (status === 'held') {
    // The case shows why the bot did not answer (e.g. "budget reached"), unless it already says why.
    await tx.case.updateMany({ where: { id: row.caseId, holdReason: null }, data: { holdReason: reason } });
  }
  await tx.caseEvent.create({
    data: {
      caseId: row.caseId,
      at,
      actor: 'bot',
      type: status === 'held' ? 'message_held' : 'send_failed',
      detail: JSON.stringify({ outboundId: row.id, kind: row.kind, reason }),
    },
  });
}

/** The outbox hooks through which cases hear about their messages. */
export const caseOutboxHooks = { onSent: recordMessageSent, onNotSent: recordMessageNotSent };
