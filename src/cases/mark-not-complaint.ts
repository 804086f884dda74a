import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { NOT_A_COMPLAINT } from './case-outcomes.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

/**
 * "Not a complaint": closes the case and stores a Label (complaint=false) for every post of the case
 * the scorer called a complaint (or the opening post), which the scorer's training reads.
 */
export async function markNotComplaint(
  db: Db,
  input: { caseId: number; userId: string; at: Date },
): Promise<ActionResult> {
  const { caseId, userId, at } = input;
  return db.$transaction(async (tx) => {
    const closed = await tx.case.updateMany({
      where: { id: caseId, status: { in: [...OPEN_CASE_STATUSES] } },
      data: { status: CaseStatus.ClosedNotComplaint, outcome: NOT_A_COMPLAINT },
    });
    if (closed.count === 0) {
      const current = await tx.case.findUnique({ where: { id: caseId }, select: { status: true } });
      return notActionable(caseId, current?.status);
    }
    const mentions = await tx.mention.findMany({
      where: { caseId },
      orderBy: { id: 'asc' },
      select: { id: true, text: true, complaint: true },
    });
    const wrong = mentions.filter((m) => m.complaint);
    const labelled = wrong.length ? wrong : mentions.slice(0, 1);
    if (labelled.length) {
      await tx.label.createMany({
        data: labelled.map((m) => ({
          mentionId: m.id,
          text: m.text,
          complaint: false,
          source: 'slack:not_a_complaint',
          by: slackActor(userId),
          at,
        })),
      });
    }
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'not_complaint',
      detail: { labelledMentionIds: labelled.map((m) => m.id) },
      at,
    });
    return { ok: true, eventId } as const;
  });
}
