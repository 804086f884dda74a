import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

/**
 * Escalates a case: the on-call person or group is pinged in the thread; the owner stays. The first
 * escalation time is kept (escalatedAt), the latest one and the count are updated.
 */
export async function escalateCase(
  db: Db,
  input: { caseId: number; userId: string; at: Date; onCall?: string },
): Promise<ActionResult> {
  const { caseId, userId, at } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.case.findUnique({ where: { id: caseId }, select: { status: true, escalatedAt: true } });
    if (!current || !(OPEN_CASE_STATUSES as readonly string[]).includes(current.status))
      return notActionable(caseId, current?.status);
    const done = await tx.case.updateMany({
      where: { id: caseId, status: current.status },
      data: {
        status: CaseStatus.Escalated,
        escalatedAt: current.escalatedAt ?? at,
        lastEscalatedAt: at,
        escalationCount: { increment: 1 },
      },
    });
    if (done.count === 0) return { ok: false, reason: 'changed', caseId, action: 'escalate' } as const;
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'escalated',
      detail: { onCall: input.onCall ?? null },
      at,
    });
    return { ok: true, eventId } as const;
  });
}
