import type { DbTx } from '../store/db-types.js';
import { recordCaseChange } from './record-case-change.js';

/** How an identity came to be joined to a customer. */
export type LinkHow = 'reference' | 'suggestion' | 'manual';

/** A request to join one channel identity to another customer. */
export interface LinkRequest {
  identityId: number;
  toCustomerId: number;
  /** The case the link is made on: its thread and audit trail tell the team. */
  caseId?: number;
  how: LinkHow;
  /** `bot`, `slack:<user id>` or `cli`. */
  actor: string;
  /** In words, for the audit trail ("quoted #144"). */
  reason: string;
  at: Date;
}

/** What a link came to: the IdentityLink row, or why nothing changed. */
export type LinkResult =
  | { ok: true; linkId: number; fromCustomerId: number }
  | { ok: false; reason: 'no_identity' | 'already_linked' | 'forgotten' };

/** What moved with an identity, kept on the IdentityLink so unlinking can put it back. */
export interface LinkDetail {
  movedCaseIds: number[];
  optOutCarried: boolean;
  channel: string;
  handle: string;
}

/**
 * Joins an identity to another customer: the identity, its posts and the cases its posts opened move
 * over (so the customer's timeline, open case and preferences cover every channel). An opt-out of the
 * identity's former customer carries over: "stop" is the person's, not the handle's. Everything that
 * moved is recorded on an IdentityLink row, which unlinkIdentity reads to restore the history.
 */
export async function linkIdentity(tx: DbTx, req: LinkRequest): Promise<LinkResult> {
  const identity = await tx.identity.findUnique({
    where: { id: req.identityId },
    select: { id: true, channel: true, handle: true, customerId: true, customer: { select: { optedOutAt: true } } },
  });
  if (!identity) return { ok: false, reason: 'no_identity' };
  if (identity.customerId === req.toCustomerId) return { ok: false, reason: 'already_linked' };
  const target = await tx.customer.findUnique({
    where: { id: req.toCustomerId },
    select: { optedOutAt: true, forgottenAt: true },
  });
  if (!target) return { ok: false, reason: 'no_identity' };
  if (target.forgottenAt) return { ok: false, reason: 'forgotten' };
  const from = identity.customerId;
  const ownCases = await tx.mention.findMany({
    where: { identityId: identity.id, customerId: from, caseId: { not: null } },
    select: { caseId: true },
    distinct: ['caseId'],
  });
  const movedCaseIds = ownCases.map((c) => c.caseId!);
  if (movedCaseIds.length)
    await tx.case.updateMany({
      where: { id: { in: movedCaseIds }, customerId: from },
      data: { customerId: req.toCustomerId },
    });
  await tx.mention.updateMany({ where: { identityId: identity.id }, data: { customerId: req.toCustomerId } });
  await tx.identity.update({ where: { id: identity.id }, data: { customerId: req.toCustomerId } });
  const optOutCarried = identity.customer.optedOutAt !== null && target.optedOutAt === null;
  if (optOutCarried)
    await tx.customer.update({ where: { id: req.toCustomerId }, data: { optedOutAt: identity.customer.optedOutAt } });
  const detail: LinkDetail = { movedCaseIds, optOutCarried, channel: identity.channel, handle: identity.handle };
  const link = await tx.identityLink.create({
    data: {
      identityId: identity.id,
      fromCustomerId: from,
      toCustomerId: req.toCustomerId,
      caseId: req.caseId ?? null,
      how: req.how,
      by: req.actor,
      reason: req.reason,
      detail: JSON.stringify(detail),
      at: req.at,
    },
    select: { id: true },
  });
  // A suggestion about this identity is answered by the link, whoever made it.
  await tx.linkSuggestion.updateMany({
    where: { identityId: identity.id, status: 'pending' },
    data: { status: 'linked', decidedBy: req.actor, decidedAt: req.at },
  });
  if (req.caseId !== undefined)
    await recordCaseChange(tx, {
      caseId: req.caseId,
      actor: req.actor,
      type: 'identity_linked',
      at: req.at,
      detail: {
        linkId: link.id,
        identityId: identity.id,
        channel: identity.channel,
        handle: identity.handle,
        how: req.how,
        reason: req.reason,
      },
    });
  return { ok: true, linkId: link.id, fromCustomerId: from };
}
