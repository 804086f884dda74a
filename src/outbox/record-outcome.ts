import type { SendResult } from '../core/channel-adapter.js';
import type { Db } from '../store/create-db.js';
import { ledgerDay } from '../store/spend-ledger.js';
import { OutboundStatus } from './outbound-intent.js';
import type { OutboundRow } from './outbox-transport.js';
import { queueSentNotices } from '../slack/queue-sent-notices.js';

/** Case event type recorded when each kind of message goes out. */
const SENT_EVENT: Record<string, string> = {
  public_reply: 'public_reply_sent',
  private_message: 'private_message_sent',
  slack_case: 'slack_case_posted',
};

/**
 * Records a delivered message: the outbox row, the case's timestamps and audit trail, and the spend
 * ledger, in one transaction so they never disagree.
 */
export async function recordSent(db: Db, row: OutboundRow, result: SendResult, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.outboundMessage.update({
      where: { id: row.id },
      data: { status: OutboundStatus.Sent, externalId: result.externalId, sentAt: at, error: null },
    });
    if (row.caseId !== null) {
      const event = SENT_EVENT[row.kind];
      if (event) {
        const created = await tx.caseEvent.create({
          data: { caseId: row.caseId, at, actor: 'bot', type: event, detail: JSON.stringify({ outboundId: row.id, externalId: result.externalId, url: result.url }) },
          select: { id: true },
        });
        // A person's reply sets firstHumanReplyAt; the case's Slack thread and top message hear about it.
        await queueSentNotices(tx, row, row.caseId, created.id, at);
      }
      if (row.kind === 'public_reply' && row.idempotencyKey.startsWith('ack:')) {
        await tx.case.updateMany({ where: { id: row.caseId, acknowledgedAt: null }, data: { acknowledgedAt: at } });
      }
      if (row.kind === 'slack_case') {
        const [slackChannel, slackTs] = result.externalId.split('/');
        if (slackTs) await tx.case.update({ where: { id: row.caseId }, data: { slackChannel, slackTs } });
      }
    }
    if (result.costUsd) {
      await tx.spendEntry.create({
        data: { at, day: ledgerDay(at), channel: row.channel, action: row.kind, costUsd: result.costUsd, outboundId: row.id },
      });
    }
  });
}

/** Records a message that will not be sent (failed for good, or held for a person), on its case too. */
export async function recordNotSent(db: Db, row: OutboundRow, status: 'failed' | 'held', reason: string, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.outboundMessage.update({ where: { id: row.id }, data: { status, error: reason } });
    if (row.caseId !== null && status === 'held') {
      // The case shows why the bot did not answer (e.g. "budget reached"), unless it already says why.
      await tx.case.updateMany({ where: { id: row.caseId, holdReason: null }, data: { holdReason: reason } });
    }
    if (row.caseId !== null) {
      await tx.caseEvent.create({
        data: { caseId: row.caseId, at, actor: 'bot', type: status === 'held' ? 'message_held' : 'send_failed', detail: JSON.stringify({ outboundId: row.id, kind: row.kind, reason }) },
      });
    }
  });
}
