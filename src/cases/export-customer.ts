import { type DbTx, parseJson } from '../store/db-types.js';

/** Everything stored about one person, as one JSON-ready document (GDPR art. 15 / 20 style). */
export interface CustomerExport {
  exportedAt: string;
  customer: { id: number; displayName: string; createdAt: string; optedOutAt: string | null };
  identities: Array<Record<string, unknown>>;
  mentions: Array<Record<string, unknown>>;
  cases: Array<Record<string, unknown>>;
  messagesSent: Array<Record<string, unknown>>;
  ratings: Array<{ caseId: number; rating: number; comment: string | null }>;
  links: Array<Record<string, unknown>>;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Writes out everything stored about the customer: identities, every post, cases with their audit
 * trail, every message the brand sent them, ratings, and how identities were linked. Records that the
 * export was done (who, when, how much), never its contents. Null when there is no such customer.
 */
export async function exportCustomer(
  db: DbTx,
  input: { customerId: number; actor: string; at: Date },
): Promise<CustomerExport | null> {
  const c = await db.customer.findUnique({ where: { id: input.customerId } });
  if (!c) return null;
  const identities = await db.identity.findMany({ where: { customerId: c.id }, orderBy: { id: 'asc' } });
  const mentions = await db.mention.findMany({ where: { customerId: c.id }, orderBy: { postedAt: 'asc' } });
  const cases = await db.case.findMany({
    where: { customerId: c.id },
    orderBy: { openedAt: 'asc' },
    include: { events: { orderBy: { at: 'asc' } } },
  });
  const caseIds = cases.map((k) => k.id);
  const sent = await db.outboundMessage.findMany({
    where: {
      OR: [{ caseId: { in: caseIds } }, { mentionId: { in: mentions.map((m) => m.id) } }],
      kind: { in: ['public_reply', 'private_message'] },
    },
    orderBy: { id: 'asc' },
  });
  const links = await db.identityLink.findMany({
    where: { OR: [{ toCustomerId: c.id }, { fromCustomerId: c.id }] },
    orderBy: { id: 'asc' },
  });
  const doc: CustomerExport = {
    exportedAt: input.at.toISOString(),
    customer: {
      id: c.id,
      displayName: c.displayName,
      createdAt: c.createdAt.toISOString(),
      optedOutAt: iso(c.optedOutAt),
    },
    identities: identities.map((i) => ({
      channel: i.channel,
      externalId: i.externalId,
      handle: i.handle,
      name: i.name,
      firstSeenAt: iso(i.createdAt),
      lastPrivateMessageAt: iso(i.lastPrivateInboundAt),
    })),
    mentions: mentions.map((m) => ({
      channel: m.channel,
      externalId: m.externalId,
      text: m.text,
      url: m.url,
      postedAt: iso(m.postedAt),
      editedAt: iso(m.editedAt),
      private: m.isPrivate,
      complaintScore: m.score,
      topic: m.topic,
      decision: m.decision,
      decisionReasons: parseJson<string[]>(m.decisionReasons, []),
      caseId: m.caseId,
    })),
    cases: cases.map((k) => ({
      id: k.id,
      channel: k.channel,
      status: k.status,
      topic: k.topic,
      severity: k.severity,
      openedAt: iso(k.openedAt),
      resolvedAt: iso(k.resolvedAt),
      outcome: k.outcome,
      events: k.events.map((e) => ({ at: iso(e.at), type: e.type, actor: e.actor, detail: parseJson(e.detail, {}) })),
    })),
    messagesSent: sent.map((s) => ({
      channel: s.channel,
      kind: s.kind,
      purpose: s.purpose,
      text: s.text,
      status: s.status,
      sentAt: iso(s.sentAt),
      caseId: s.caseId,
    })),
    ratings: cases
      .filter((k) => k.rating !== null)
      .map((k) => ({ caseId: k.id, rating: k.rating!, comment: k.ratingComment })),
    links: links.map((l) => ({
      how: l.how,
      by: l.by,
      reason: l.reason,
      at: iso(l.at),
      unlinkedAt: iso(l.unlinkedAt),
      direction: l.toCustomerId === c.id ? 'joined this customer' : 'left this customer',
    })),
  };
  await db.dataRequest.create({
    data: {
      kind: 'export',
      customerId: c.id,
      by: input.actor,
      at: input.at,
      detail: JSON.stringify({ identities: identities.length, mentions: mentions.length, cases: cases.length }),
    },
  });
  return doc;
}
