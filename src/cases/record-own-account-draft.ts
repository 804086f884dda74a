import type { AdvocateFinding } from '../advocacy/check-advocate-text.js';
import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import { cleanText } from '../core/clean-text.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { findReplyTarget } from './find-reply-target.js';
import { CLEAR_DRAFTING } from './mark-drafting.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

/**
 * "I'll post it from my account": nothing is sent; the case records who answers and how, the drafting
 * mark clears, and the thread shows the text (and what the advocate check found in it). When the
 * advocate's own post arrives, the pipeline attaches it to the case.
 */
export async function recordOwnAccountDraft(
  db: Db,
  input: { caseId: number; userId: string; text: string; findings: AdvocateFinding[]; at: Date },
): Promise<ActionResult> {
  const { caseId, userId, at } = input;
  const text = cleanText(input.text).trim();
  if (!text) return { ok: false, reason: 'empty_reply' };
  return db.$transaction(async (tx) => {
    const current = await tx.case.findUnique({ where: { id: caseId }, select: { status: true } });
    if (!current || !(OPEN_CASE_STATUSES as readonly string[]).includes(current.status))
      return notActionable(caseId, current?.status);
    const target = await findReplyTarget(tx, caseId);
    if (!target) return { ok: false, reason: 'no_public_post', caseId } as const;
    const account = await tx.advocate.findFirst({
      where: { slackUserId: userId, channel: target.channel, verifiedAt: { not: null } },
      select: { handle: true },
    });
    await tx.case.update({
      where: { id: caseId },
      data: { ...CLEAR_DRAFTING, answeringSlackId: userId, answeringHow: 'own_account' },
    });
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'own_account_draft',
      detail: {
        text: text.slice(0, 2000),
        mentionId: target.id,
        handle: account?.handle,
        flagged: input.findings.map((f) => f.rule),
      },
      at,
    });
    return { ok: true, eventId } as const;
  });
}
