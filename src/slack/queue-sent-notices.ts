import { HUMAN_REPLY_PREFIX } from '../core/case-status.js';
import { enqueueIntents, OutboundStatus } from '../outbox/outbound-intent.js';
import type { OutboundRow } from '../outbox/outbox-transport.js';
import type { DbTx } from '../store/db-types.js';
import { caseMessageKey, caseThreadIntent, caseUpdateIntent } from './record-case-change.js';

/**
 * When a message to the customer has gone out (inside recordSent's transaction): a person's reply
 * sets the case's firstHumanReplyAt, and the case's thread and top message hear about it. While the
 * top message is still waiting to be posted there is nothing to add: it is rendered at send time and
 * will show the message then.
 */
export async function queueSentNotices(tx: DbTx, row: OutboundRow, caseId: number, eventId: number, at: Date): Promise<void> {
  if (row.kind !== 'public_reply' && row.kind !== 'private_message') return;
  const human = row.idempotencyKey.startsWith(HUMAN_REPLY_PREFIX);
  if (human) await tx.case.updateMany({ where: { id: caseId, firstHumanReplyAt: null }, data: { firstHumanReplyAt: at } });
  const top = await tx.outboundMessage.findUnique({ where: { idempotencyKey: caseMessageKey(caseId) }, select: { status: true } });
  if (!top || (top.status === OutboundStatus.Pending && !human)) return;
  await enqueueIntents(tx, [
    caseThreadIntent(caseId, eventId, `${row.kind.replace('_', ' ')} sent`),
    caseUpdateIntent(caseId, `sent:${row.id}`),
  ], at);
}
