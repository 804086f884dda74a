import { type DbTx, parseJson } from '../store/db-types.js';
import type { LinkDetail } from './link-identity.js';
import { recordCaseChange } from './record-case-change.js';

/** What an unlink came to. */
export type UnlinkResult =
  | { ok: true; caseId: number | null; detachedMentionIds: number[] }
  | { ok: false; reason: 'no_link' | 'already_unlinked' | 'moved_since' };

/**
 * Takes an identity back out of the customer it was linked to, restoring the history as it was: the
 * identity, its posts and the cases that moved with it go back to the former customer; its posts that
 * were added to the other customer's cases because of the link leave those cases; an opt-out that was
 * carried over is taken back. The case the link was made on records who did it and why.
 */
export async function unlinkIdentity(
  tx: DbTx,
  input: { linkId: number; actor: string; reason: string; at: Date },
): Promise<UnlinkResult> {
  const link = await tx.identityLink.findUnique({ where: { id: input.linkId } });
  if (!link) return { ok: false, reason: 'no_link' };
  if (link.unlinkedAt) return { ok: false, reason: 'already_unlinked' };
  const identity = await tx.identity.findUnique({ where: { id: link.identityId } });
  if (!identity || identity.customerId !== link.toCustomerId) return { ok: false, reason: 'moved_since' };
  const detail = parseJson<LinkDetail>(link.detail, {
    movedCaseIds: [],
    optOutCarried: false,
    channel: '',
    handle: '',
  });
  const moved = new Set(detail.movedCaseIds);
  const attached = await tx.mention.findMany({
    where: { identityId: identity.id, caseId: { not: null } },
    select: { id: true, caseId: true },
  });
  const detachedMentionIds = attached.filter((m) => !moved.has(m.caseId!)).map((m) => m.id);
  if (detachedMentionIds.length)
    await tx.mention.updateMany({ where: { id: { in: detachedMentionIds } }, data: { caseId: null } });
  await tx.mention.updateMany({ where: { identityId: identity.id }, data: { customerId: link.fromCustomerId } });
  if (moved.size)
    await tx.case.updateMany({ where: { id: { in: [...moved] } }, data: { customerId: link.fromCustomerId } });
  await tx.identity.update({ where: { id: identity.id }, data: { customerId: link.fromCustomerId } });
  if (detail.optOutCarried) {
    const others = await tx.identityLink.count({
      where: {
        toCustomerId: link.toCustomerId,
        unlinkedAt: null,
        id: { not: link.id },
        detail: { contains: '"optOutCarried":true' },
      },
    });
    if (others === 0) await tx.customer.update({ where: { id: link.toCustomerId }, data: { optedOutAt: null } });
  }
  await tx.identityLink.update({ where: { id: link.id }, data: { unlinkedAt: input.at, unlinkedBy: input.actor } });
  const caseId = link.caseId;
  if (caseId !== null)
    await recordCaseChange(tx, {
      caseId,
      actor: input.actor,
      type: 'identity_unlinked',
      at: input.at,
      detail: {
        linkId: link.id,
        identityId: identity.id,
        channel: identity.channel,
        handle: identity.handle,
        reason: input.reason,
        detachedMentionIds,
      },
    });
  return { ok: true, caseId, detachedMentionIds };
}
