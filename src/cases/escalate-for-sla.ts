import type { Db } from '../store/create-db.js';
import { recordCaseChange } from './record-case-change.js';

/**
 * Records one SLA escalation of a case: a conditional update on the escalation count the caller saw,
 * so two instances never escalate the same case twice. The thread line (with the on-call ping) and the
 * top message's refresh come from the event. Returns whether this call escalated it.
 */
export async function escalateForSla(
  db: Db,
  input: { caseId: number; seenCount: number; reason: string; onCall?: string; at: Date },
): Promise<boolean> {
  const { caseId, seenCount, reason, onCall, at } = input;
  const count = seenCount + 1;
  return db.$transaction(async (tx) => {
    const won = await tx.case.updateMany({
      where: { id: caseId, escalationCount: seenCount },
      data: {
        escalationCount: count,
        lastEscalatedAt: at,
        escalatedAt: seenCount === 0 ? at : undefined,
        updatedAt: at,
      },
    });
    if (won.count !== 1) return false;
    const detail = { reason, count, onCall: onCall ?? null };
    await recordCaseChange(tx, { caseId, actor: 'bot', type: 'sla_escalated', detail, at });
    return true;
  });
}
