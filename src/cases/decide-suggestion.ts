import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { linkIdentity } from './link-identity.js';
import { recordCaseChange } from './record-case-change.js';

/** What a person's answer to a suggestion came to. */
export type SuggestionResult =
  | { ok: true; caseId: number }
  | { ok: false; reason: 'missing' | 'decided' | 'case_closed' | 'already_linked'; caseId?: number };

/**
 * *Link* or *Not the same* on a "possibly the same person" suggestion: links the identity to the case's
 * customer (an IdentityLink the case can undo) or records that they are different people, so the
 * suggestion is never made again. Either way the case's thread says who decided.
 */
export async function decideSuggestion(
  db: Db,
  input: { suggestionId: number; accept: boolean; actor: string; at: Date },
): Promise<SuggestionResult> {
  return db.$transaction(async (tx) => {
    const s = await tx.linkSuggestion.findUnique({ where: { id: input.suggestionId } });
    if (!s) return { ok: false, reason: 'missing' };
    if (s.status !== 'pending') return { ok: false, reason: 'decided', caseId: s.caseId };
    const c = await tx.case.findUnique({ where: { id: s.caseId }, select: { customerId: true, status: true } });
    if (!c || !(OPEN_CASE_STATUSES as readonly string[]).includes(c.status))
      return { ok: false, reason: 'case_closed', caseId: s.caseId };
    const claimed = await tx.linkSuggestion.updateMany({
      where: { id: s.id, status: 'pending' },
      data: { status: input.accept ? 'linked' : 'dismissed', decidedBy: input.actor, decidedAt: input.at },
    });
    if (claimed.count !== 1) return { ok: false, reason: 'decided', caseId: s.caseId };
    if (!input.accept) {
      const identity = await tx.identity.findUnique({
        where: { id: s.identityId },
        select: { channel: true, handle: true },
      });
      await recordCaseChange(tx, {
        caseId: s.caseId,
        actor: input.actor,
        type: 'link_dismissed',
        at: input.at,
        detail: { suggestionId: s.id, identityId: s.identityId, ...identity },
      });
      return { ok: true, caseId: s.caseId };
    }
    const linked = await linkIdentity(tx, {
      identityId: s.identityId,
      toCustomerId: c.customerId,
      caseId: s.caseId,
      how: 'suggestion',
      actor: input.actor,
      reason: `accepted the suggestion: ${s.reason}`,
      at: input.at,
    });
    if (!linked.ok) return { ok: false, reason: 'already_linked', caseId: s.caseId };
    return { ok: true, caseId: s.caseId };
  });
}
