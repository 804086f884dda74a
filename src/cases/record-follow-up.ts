import type { OutboundIntent } from '../core/outbound.js';
import type { Db } from '../store/create-db.js';
import { recordCaseChange } from './record-case-change.js';

/** A follow-up that will not be sent: the case stops waiting for it and says why. */
export async function skipFollowUp(db: Db, input: { caseId: number; reason: string; at: Date }): Promise<void> {
  const { caseId, reason, at } = input;
  await db.$transaction(async (tx) => {
    await tx.case.update({ where: { id: caseId }, data: { followUpDueAt: null } });
    await recordCaseChange(tx, { caseId, actor: 'bot', type: 'follow_up_skipped', detail: { reason }, at });
  });
}

/**
 * Queues the follow-up of a resolved case, once: the claim is a conditional update, so two instances
 * never send it twice. Returns whether this call queued it.
 */
export async function queueFollowUp(
  db: Db,
  input: { caseId: number; intent: OutboundIntent; inPrivate: boolean; at: Date },
): Promise<boolean> {
  const { caseId, intent, inPrivate, at } = input;
  return db.$transaction(async (tx) => {
    const claimed = await tx.case.updateMany({
      where: { id: caseId, followUpSentAt: null },
      data: { followUpSentAt: at },
    });
    if (claimed.count !== 1) return false;
    const detail = { private: inPrivate, text: intent.text };
    await recordCaseChange(tx, { caseId, actor: 'bot', type: 'follow_up_queued', detail, at, also: () => [intent] });
    return true;
  });
}
