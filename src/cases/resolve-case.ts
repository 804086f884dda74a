import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import { cleanText } from '../core/clean-text.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { RESOLVE_OUTCOMES } from './case-outcomes.js';
import { MAX_NOTE } from './hand-off-case.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

const HOUR_MS = 3_600_000;

/**
 * Resolves a case with an outcome and schedules the follow-up (`followUpDueAt`, sent later by the jobs).
 * Whoever resolves an unowned case becomes its owner, so every resolution has a name on it.
 */
export async function resolveCase(
  db: Db,
  input: { caseId: number; userId: string; outcome: string; note: string; at: Date; followUpDelayHours: number },
): Promise<ActionResult> {
  const { caseId, userId, outcome, at } = input;
  if (!RESOLVE_OUTCOMES.some((o) => o.value === outcome)) return { ok: false, reason: 'unknown_outcome', outcome };
  const note = cleanText(input.note, MAX_NOTE).trim();
  const followUpDueAt = new Date(at.getTime() + input.followUpDelayHours * HOUR_MS);
  return db.$transaction(async (tx) => {
    const current = await tx.case.findUnique({ where: { id: caseId }, select: { status: true, ownerSlackId: true } });
    if (!current || !(OPEN_CASE_STATUSES as readonly string[]).includes(current.status))
      return notActionable(caseId, current?.status);
    const done = await tx.case.updateMany({
      where: { id: caseId, status: current.status },
      data: {
        status: CaseStatus.Resolved,
        resolvedAt: at,
        outcome,
        followUpDueAt,
        ownerSlackId: current.ownerSlackId ?? userId,
      },
    });
    if (done.count === 0) return { ok: false, reason: 'changed', caseId, action: 'resolve' } as const;
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'resolved',
      detail: { outcome, note, followUpDueAt },
      at,
    });
    return { ok: true, eventId } as const;
  });
}
