import { findCaseReferences } from '../cases/find-case-references.js';
import { linkIdentity } from '../cases/link-identity.js';
import { suggestLink } from '../cases/suggest-link.js';
import { OPEN_CASE_STATUSES } from '../core/case-status.js';
import type { Mention } from '../core/mention.js';
import type { DbTx } from '../store/db-types.js';
import { rawReader, selectRows, sqlList } from '../store/prepared-select.js';
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
  const open = await findReferencedOpenCases(tx, [...new Set(quoting.flatMap((q) => q.refs))]);
  if (!open.size) return;
  const done = new Set<number>();
  for (const { m, refs } of quoting) {
    const author = linkOf(links, m);
    const target = refs.map((r) => open.get(r)).find((c) => c && c.customerId !== author.customerId);
    if (!target || done.has(author.identityId)) continue;
    done.add(author.identityId);
    const reason = `quoted #${target.id}`;
    const { linkedElsewhere, ownOpen } = await authorTies(tx, author);
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
    author.optedOut = author.optedOut || target.optedOut;
  }
}

interface ReferencedCase {
  id: number;
  customerId: number;
  optedOut: boolean;
}

// The open cases among `ids` whose reference the brand gave out, by id, with whether their customer opted out.
async function findReferencedOpenCases(tx: DbTx, ids: number[]): Promise<Map<number, ReferencedCase>> {
  const raw = rawReader(tx);
  if (raw) {
    const rows = selectRows<{ id: number; customerId: number; optedOut: number }>(
      raw,
      `SELECT c."id", c."customerId", u."optedOutAt" IS NOT NULL AS "optedOut"
       FROM "Case" c JOIN "Customer" u ON u."id" = c."customerId"
       WHERE c."id" IN (SELECT value FROM json_each(?)) AND c."status" IN (SELECT value FROM json_each(?))
         AND EXISTS (SELECT 1 FROM "OutboundMessage" o
           WHERE o."caseId" = c."id" AND o."purpose" IN (SELECT value FROM json_each(?)))`,
      [sqlList(ids), sqlList(OPEN_CASE_STATUSES), sqlList(GIVES_REFERENCE)],
    );
    return new Map(rows.map((r) => [r.id, { ...r, optedOut: r.optedOut === 1 }]));
  }
  const cases = await tx.case.findMany({
    where: { id: { in: ids }, status: { in: [...OPEN_CASE_STATUSES] } },
    select: { id: true, customerId: true, customer: { select: { optedOutAt: true } } },
  });
  if (!cases.length) return new Map();
  const given = await tx.outboundMessage.findMany({
    where: { caseId: { in: cases.map((c) => c.id) }, purpose: { in: GIVES_REFERENCE } },
    select: { caseId: true },
    distinct: ['caseId'],
  });
  const givenIds = new Set(given.map((g) => g.caseId));
  return new Map(
    cases
      .filter((c) => givenIds.has(c.id))
      .map((c) => [c.id, { id: c.id, customerId: c.customerId, optedOut: c.customer.optedOutAt !== null }]),
  );
}

// Whether the author's identity is linked to another customer, and whether their customer has an open case.
async function authorTies(tx: DbTx, author: AuthorLink): Promise<{ linkedElsewhere: boolean; ownOpen: boolean }> {
  const raw = rawReader(tx);
  if (raw) {
    const [row] = selectRows<{ linkedElsewhere: number; ownOpen: number }>(
      raw,
      `SELECT EXISTS (SELECT 1 FROM "IdentityLink" WHERE "identityId" = ? AND "unlinkedAt" IS NULL)
           AS "linkedElsewhere",
         EXISTS (SELECT 1 FROM "Case" WHERE "customerId" = ? AND "status" IN (SELECT value FROM json_each(?)))
           AS "ownOpen"`,
      [author.identityId, author.customerId, sqlList(OPEN_CASE_STATUSES)],
    );
    return { linkedElsewhere: row.linkedElsewhere === 1, ownOpen: row.ownOpen === 1 };
  }
  const linkedElsewhere = await tx.identityLink.count({ where: { identityId: author.identityId, unlinkedAt: null } });
  const ownOpen = await tx.case.count({
    where: { customerId: author.customerId, status: { in: [...OPEN_CASE_STATUSES] } },
  });
  return { linkedElsewhere: linkedElsewhere > 0, ownOpen: ownOpen > 0 };
}
