import { CaseStatus, OPEN_CASE_STATUSES } from '../core/case-status.js';
import { type ChannelLimit, fitsLimit } from '../core/channel-limit.js';
import { cleanText } from '../core/clean-text.js';
import type { Db } from '../store/create-db.js';
import { type ActionResult, notActionable } from './action-result.js';
import { findReplyTarget } from './find-reply-target.js';
import { CLEAR_DRAFTING } from './mark-drafting.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

/**
 * Queues a public reply a person wrote in Slack, as the brand, on the customer's channel: an outbox
 * intent whose key derives from the Slack modal, so a double submit sends once. Whoever replies to an
 * unowned case becomes its owner. The thread hears about it when the reply has really gone out.
 */
export async function queueHumanReply(
  db: Db,
  input: {
    caseId: number;
    userId: string;
    viewId: string;
    text: string;
    at: Date;
    /** How long a reply may be on each channel. */
    limit: (channel: string) => ChannelLimit;
    /** The person confirmed sending although someone else owns the case. */
    overOwner?: boolean;
  },
): Promise<ActionResult> {
  const { caseId, userId, at } = input;
  const text = cleanText(input.text).trim();
  if (!text) return { ok: false, reason: 'empty_reply' };
  const idempotencyKey = `human-reply:slack:${input.viewId}`;
  return db.$transaction(async (tx) => {
    const already = await tx.outboundMessage.findUnique({ where: { idempotencyKey }, select: { id: true } });
    if (already) return { ok: false, reason: 'reply_on_its_way' } as const;
    const current = await tx.case.findUnique({
      where: { id: caseId },
      select: { status: true, ownerSlackId: true, claimedAt: true },
    });
    if (!current || !(OPEN_CASE_STATUSES as readonly string[]).includes(current.status))
      return notActionable(caseId, current?.status);
    // Two people answering one customer is what the owner exists to prevent: ask before sending over them.
    if (current.ownerSlackId && current.ownerSlackId !== userId && !input.overOwner)
      return { ok: false, reason: 'owned_by_other', caseId, ownerSlackId: current.ownerSlackId } as const;
    const target = await findReplyTarget(tx, caseId);
    if (!target) return { ok: false, reason: 'no_public_post', caseId } as const;
    if (!fitsLimit(input.limit(target.channel), text))
      return { ok: false, reason: 'too_long', channel: target.channel } as const;
    if (!current.ownerSlackId) {
      await tx.case.updateMany({
        where: { id: caseId, ownerSlackId: null },
        data: {
          ownerSlackId: userId,
          claimedAt: current.claimedAt ?? at,
          ...(current.status === CaseStatus.Open ? { status: CaseStatus.Claimed } : {}),
        },
      });
    }
    await tx.case.update({
      where: { id: caseId },
      data: { ...CLEAR_DRAFTING, answeringSlackId: userId, answeringHow: 'brand' },
    });
    const eventId = await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'reply_queued',
      detail: { channel: target.channel, mentionId: target.id, length: text.length },
      at,
      thread: false,
      also: () => [
        {
          idempotencyKey,
          channel: target.channel,
          kind: 'public_reply',
          purpose: 'human_reply',
          text,
          caseId,
          mentionId: target.id,
          target: {
            inReplyTo: { id: target.externalId, authorId: target.author.externalId, place: target.place },
            by: userId,
          },
        },
      ],
    });
    return { ok: true, eventId } as const;
  });
}
