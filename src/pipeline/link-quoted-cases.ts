import { findCaseReferences } from '../cases/find-case-references.js';
import { linkIdentity } from '../cases/link-identity.js';
import { suggestLink } from '../cases/suggest-link.js';
import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Mention } from '../core/mention.js';
import type { DbTx } from '../store/db-types.js';
import { type AuthorLink, linkOf } from './link-authors.js';

// Messages that give the customer their reference: quoting it is evidence only once it was given.
const GIVES_REFERENCE = ['acknowledgement', 'invitation', 'human_reply', 'follow_up'];

/**
 * Automatic linking, on evidence only: an author who quotes the reference of another person's OPEN
 * case (one whose reference the brand gave out) is that person, writing from another identity. Their
 * identity joins the case's customer before the batch is decided, so the post lands in that case.
 * A closed case's reference links nothing (old references get passed around). An identity already
 * linked elsewhere, or with an open case of its own, is only suggested: moving it would split a story.
 */
export async function linkQuotedCases(
  tx: DbTx,
  mentions: Mention[],
  links: Map<string, AuthorLink>,
  now: Date,
): Promise<void> {
  const quoting = mentions.map((m) => ({ m, refs: findCaseReferences(m.text) })).filter((q) => q.refs.length > 0);
  if (!quoting.length) return;
  const cases = await tx.case.findMany({
    where: { id: { in: [...new Set(quoting.flatMap((q) => q.refs))] }, status: { in: [...OPEN_CASE_STATUSES] } },
    select: { id: true, customerId: true, customer: { select: { optedOutAt: true } } },
  });
  if (!cases.length) return;
  const given = await tx.outboundMessage.findMany({
    where: { caseId: { in: cases.map((c) => c.id) }, purpose: { in: GIVES_REFERENCE } },
    select: { caseId: true },
    distinct: ['caseId'],
  });
  const givenIds = new Set(given.map((g) => g.caseId));
  const open = new Map(cases.filter((c) => givenIds.has(c.id)).map((c) => [c.id, c]));
  const done = new Set<number>();
  for (const { m, refs } of quoting) {
    const author = linkOf(links, m);
    const target = refs.map((r) => open.get(r)).find((c) => c && c.customerId !== author.customerId);
    if (!target || done.has(author.identityId)) continue;
    done.add(author.identityId);
    const reason = `quoted #${target.id}`;
    const linkedElsewhere = await tx.identityLink.count({ where: { identityId: author.identityId, unlinkedAt: null } });
    const ownOpen = await tx.case.count({
      where: { customerId: author.customerId, status: { in: [...OPEN_CASE_STATUSES] } },
    });
    if (linkedElsewhere || ownOpen) {
      const why = linkedElsewhere ? 'is linked to another customer' : 'has an open case of their own';
      await suggestLink(tx, {
        caseId: target.id,
        identityId: author.identityId,
        reason: `${reason}, but ${why}`,
        at: now,
      });
      continue;
    }
    const result = await linkIdentity(tx, {
      identityId: author.identityId,
      toCustomerId: target.customerId,
      caseId: target.id,
      how: 'reference',
      actor: 'bot',
      reason,
      at: now,
    });
    if (!result.ok) continue;
    author.customerId = target.customerId;
    author.optedOut = author.optedOut || target.customer.optedOutAt !== null;
  }
}
