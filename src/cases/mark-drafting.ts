import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { caseUpdateIntent } from './case-intents.js';
import { recordCaseChange, slackActor } from './record-case-change.js';

/** What opening a draft found: someone else drafting (they may go on), and who owns the case. */
export interface DraftingResult {
  ok: boolean;
  /** Another person whose drafting mark still stands. */
  otherDrafter?: { slackId: string; until: Date };
  ownerSlackId: string | null;
}

/**
 * The collision guard: marks the case "`userId` is drafting" on its top message until `at + minutes`. A
 * second person opening a draft is told who is drafting and takes the mark over (they may go on). The
 * top message is re-rendered now and once more when the mark runs out, so it disappears on its own.
 */
export async function markDrafting(
  db: Db,
  input: { caseId: number; userId: string; at: Date; minutes: number },
): Promise<DraftingResult> {
  const { caseId, userId, at } = input;
  const until = new Date(at.getTime() + input.minutes * 60_000);
  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({
      where: { id: caseId },
      select: { status: true, ownerSlackId: true, draftingSlackId: true, draftingUntil: true },
    });
    if (!c || !(OPEN_CASE_STATUSES as readonly string[]).includes(c.status))
      return { ok: false, ownerSlackId: c?.ownerSlackId ?? null };
    const otherDrafter =
      c.draftingSlackId && c.draftingSlackId !== userId && c.draftingUntil && c.draftingUntil > at
        ? { slackId: c.draftingSlackId, until: c.draftingUntil }
        : undefined;
    await tx.case.update({ where: { id: caseId }, data: { draftingSlackId: userId, draftingUntil: until } });
    await recordCaseChange(tx, {
      caseId,
      actor: slackActor(userId),
      type: 'drafting',
      detail: { until: until.toISOString(), ...(otherDrafter ? { after: otherDrafter.slackId } : {}) },
      at,
      thread: false,
      also: (eventId) => [{ ...caseUpdateIntent(caseId, `drafting-expires:${eventId}`), notBefore: until }],
    });
    return { ok: true, otherDrafter, ownerSlackId: c.ownerSlackId };
  });
}

/** The fields that clear a drafting mark (the reply went, or the draft was recorded). */
export const CLEAR_DRAFTING = { draftingSlackId: null, draftingUntil: null } as const;
