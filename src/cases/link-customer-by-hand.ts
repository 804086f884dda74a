import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Db } from '../store/create-db.js';
import { findCustomers } from './find-customers.js';
import { linkIdentity } from './link-identity.js';

/** What *Link to customer…* came to: who was linked, or why not (with the candidates when ambiguous). */
export type LinkByHandResult =
  | { ok: true; linked: Array<{ channel: string; handle: string }> }
  | { ok: false; reason: 'case_closed' | 'nobody' | 'same_customer' }
  | { ok: false; reason: 'ambiguous'; candidates: string[] };

/**
 * *Link to customer…* on a case: finds the person by handle or name across channels and links every
 * identity of theirs to the case's customer, each an IdentityLink with who and why (unlinkable one by one).
 */
export async function linkCustomerByHand(
  db: Db,
  input: { caseId: number; query: string; actor: string; at: Date },
): Promise<LinkByHandResult> {
  return db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { id: input.caseId }, select: { customerId: true, status: true } });
    if (!c || !(OPEN_CASE_STATUSES as readonly string[]).includes(c.status))
      return { ok: false, reason: 'case_closed' };
    const all = await findCustomers(tx, input.query, true);
    const found = all.filter((f) => f.customerId !== c.customerId);
    if (!found.length) return { ok: false, reason: all.length ? 'same_customer' : 'nobody' };
    if (found.length > 1)
      return {
        ok: false,
        reason: 'ambiguous',
        candidates: found.map((f) => f.identities.map((i) => `${i.channel}:${i.handle}`).join(' + ')),
      };
    const linked: Array<{ channel: string; handle: string }> = [];
    const identities = await tx.identity.findMany({
      where: { customerId: found[0].customerId },
      select: { id: true, channel: true, handle: true },
    });
    for (const i of identities) {
      const r = await linkIdentity(tx, {
        identityId: i.id,
        toCustomerId: c.customerId,
        caseId: input.caseId,
        how: 'manual',
        actor: input.actor,
        reason: `linked by hand (searched "${input.query.slice(0, 80)}")`,
        at: input.at,
      });
      if (r.ok) linked.push({ channel: i.channel, handle: i.handle });
    }
    return { ok: true, linked };
  });
}
