import { CaseStatus } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

const CLAIMABLE = [CaseStatus.Open, CaseStatus.Escalated];

/**
 * Takes ownership of a case. The claim is one conditional update (no owner yet, still open), so when
 * two people click at once exactly one wins; the other is told who has it.
 */
export async function claimCase(db: Db, input: { caseId: number; userId: string; at: Date }): Promise<ActionResult> {
  const { caseId, userId, at } = input;
  return db.$transaction(async (tx) => {
    const won = await tx.case.updateMany({
      where: { id: caseId, ownerSlackId: null, status: { in: CLAIMABLE } },
      data: { ownerSlackId: userId, status: CaseStatus.Claimed, claimedAt: at },
    });
    if (won.count === 0) {
      const current = await tx.case.findUnique({ where: { id: caseId }, select: { status: true, ownerSlackId: true } });
      if (current?.ownerSlackId === userId) return { ok: false, reason: 'already_owner', caseId } as const;
      if (
        current?.ownerSlackId &&
        current.status !== CaseStatus.Resolved &&
        current.status !== CaseStatus.ClosedNotComplaint
      ) {
        return { ok: false, reason: 'taken', caseId, ownerSlackId: current.ownerSlackId } as const;
      }
      return notActionable(caseId, current?.status);
    }
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'claimed',
      detail: { owner: userId },
      at,
    });
    return { ok: true, eventId } as const;
  });
}
