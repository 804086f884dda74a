import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import { cleanText } from '../core/clean-text.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

/** A hand-off note is for a colleague, not a novel: kept within what a Slack message shows well. */
export const MAX_NOTE = 2000;

/**
 * Hands a case to someone else with a note. The new owner gets a direct message with the note and the
 * whole case (see the slack_handoff outbox kind); the thread says who handed it to whom.
 */
export async function handOffCase(
  db: Db,
  input: { caseId: number; from: string; to: string; note: string; at: Date },
): Promise<ActionResult> {
  const { caseId, from, to, at } = input;
  const note = cleanText(input.note, MAX_NOTE).trim();
  return db.$transaction(async (tx) => {
    const current = await tx.case.findUnique({
      where: { id: caseId },
      select: { status: true, ownerSlackId: true, claimedAt: true },
    });
    if (!current || !(OPEN_CASE_STATUSES as readonly string[]).includes(current.status))
      return notActionable(caseId, current?.status);
    if (current.ownerSlackId === to) return { ok: false, reason: 'already_with_them', caseId } as const;
    // Conditional on the owner read above, so a claim or hand-off in between is not overwritten.
    const moved = await tx.case.updateMany({
      where: { id: caseId, ownerSlackId: current.ownerSlackId, status: current.status },
      data: {
        ownerSlackId: to,
        claimedAt: current.claimedAt ?? at,
        status: current.status === CaseStatus.Escalated ? CaseStatus.Escalated : CaseStatus.Claimed,
      },
    });
    if (moved.count === 0) return { ok: false, reason: 'changed', caseId, action: 'hand_off' } as const;
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(from),
      type: 'handed_off',
      detail: { from, to, previousOwner: current.ownerSlackId, note },
      at,
      also: (id) => [
        {
          idempotencyKey: `slack:handoff:${caseId}:${id}`,
          channel: 'slack',
          kind: 'slack_handoff',
          purpose: 'handoff',
          caseId,
          target: { caseId, eventId: id, to },
          text: `Case #${caseId} handed to you`,
        },
      ],
    });
    return { ok: true, eventId } as const;
  });
}
