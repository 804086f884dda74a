import { AppError, ErrorCode } from '../core/app-error.js';
import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import type { ActionResult } from './action-result.js';
import { caseMessageIntent, caseThreadIntent } from './case-intents.js';
import { slackActor } from './record-case-change.js';

/**
 * Makes a case by hand from a keyword alert: the team says this post is a complaint after all. Stores
 * a Label (complaint=true) for the scorer, then opens a case owned by whoever clicked (or adds the post
 * to the customer's open case), and re-renders the alert. Conditional on the post having no case yet,
 * so two clicks make one case.
 */
export async function openCaseFromAlert(
  db: Db,
  input: { mentionId: number; userId: string; at: Date },
): Promise<ActionResult & { caseId?: number }> {
  const { mentionId, userId, at } = input;
  return db.$transaction(async (tx) => {
    const m = await tx.mention.findUnique({ where: { id: mentionId } });
    if (!m) return { ok: false, reason: 'mention_missing' } as const;
    if (m.caseId !== null) return { ok: false, reason: 'already_in_case', caseId: m.caseId } as const;
    const open = await tx.case.findFirst({
      where: { customerId: m.customerId, status: { in: [...OPEN_CASE_STATUSES] } },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    const caseId =
      open?.id ??
      (
        await tx.case.create({
          data: {
            customerId: m.customerId,
            channel: m.channel,
            topic: m.topic,
            severity: m.severity,
            score: m.score,
            openedAt: at,
            ownerSlackId: userId,
            claimedAt: at,
            status: CaseStatus.Claimed,
            holdReason:
              'opened by hand from a keyword alert: the bot may not answer a post that does not @mention the brand',
          },
          select: { id: true },
        })
      ).id;
    const linked = await tx.mention.updateMany({ where: { id: mentionId, caseId: null }, data: { caseId } });
    // Someone else linked it a moment ago: throwing rolls back the case made above.
    if (linked.count === 0)
      throw new AppError(ErrorCode.BadInput, `mention ${mentionId} was linked concurrently`, {
        humanMessage: 'Someone just made a case from this post.',
      });
    await tx.label.create({
      data: { mentionId, text: m.text, complaint: true, source: 'slack:case_from_alert', by: slackActor(userId), at },
    });
    const event = await tx.caseEvent.create({
      data: {
        caseId,
        at,
        actor: slackActor(userId),
        type: open ? 'alert_added' : 'opened_from_alert',
        detail: JSON.stringify({ mentionId }),
      },
      select: { id: true },
    });
    await enqueueIntents(
      tx,
      [
        open
          ? caseThreadIntent(caseId, `mention:${mentionId}`, `post added from an alert`, mentionId)
          : caseMessageIntent(caseId, `case #${caseId} opened from an alert`),
        {
          idempotencyKey: `slack:alert-update:${mentionId}`,
          channel: 'slack',
          kind: 'slack_alert_update',
          purpose: 'alert_update',
          target: { mentionId },
          text: `alert turned into case #${caseId}`,
          mentionId,
        },
      ],
      at,
    );
    return { ok: true, eventId: event.id, caseId } as const;
  });
}
