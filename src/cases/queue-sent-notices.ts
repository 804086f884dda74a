import type { OutboundRow } from '../core/outbound.js';
import { OutboundStatus } from '../core/outbound.js';
import type { DbTx } from '../store/db-types.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
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
  if (human)
    await tx.case.updateMany({ where: { id: caseId, firstHumanReplyAt: null }, data: { firstHumanReplyAt: at } });
  const top = await tx.outboundMessage.findUnique({
    where: { idempotencyKey: caseMessageKey(caseId) },
    select: { status: true },
  });
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
