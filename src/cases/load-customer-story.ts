import type { DbTx } from '../store/db-types.js';

/** One channel identity of the customer, with the link that joined it (unlinkable) when there is one. */
export interface StoryIdentity {
  id: number;
  channel: string;
  handle: string;
  name: string;
  /** The active IdentityLink that joined this identity to the customer; absent for the first one. */
  linkId?: number;
  linkedHow?: string;
}

/** One entry of the customer's timeline: something they wrote, or something the brand sent them. */
export interface StoryEntry {
  at: Date;
  /** `customer`: they wrote it; `brand`: the brand (bot or team) sent it. */
  from: 'customer' | 'brand';
  channel: string;
  isPrivate: boolean;
  text: string;
  caseId: number | null;
  /** The handle they wrote as (customer entries). */
  handle?: string;
}

/** An earlier (or the current) case of the customer, with how it ended. */
export interface StoryCase {
  id: number;
  channel: string;
  topic: string;
  status: string;
  outcome: string | null;
  rating: number | null;
  openedAt: Date;
  resolvedAt: Date | null;
}

/** The person's story across channels: identities, cases, and the newest `limit` entries of their timeline. */
export interface CustomerStory {
  customerId: number;
  displayName: string;
  forgotten: boolean;
  optedOut: boolean;
  identities: StoryIdentity[];
  cases: StoryCase[];
  /** Newest first, at most `limit`. */
  entries: StoryEntry[];
  /** How many entries there are in all (what *Show all* shows). */
  total: number;
}

const SENT_KINDS = ['public_reply', 'private_message'];

/**
 * Reads a customer's story with bounded queries: the newest `limit` posts and sent messages (two
 * indexed reads of at most `limit` rows, merged), the counts, the identities and the cases. Its cost
 * does not grow with the rest of the table, so a case message renders as fast among a million mentions.
 */
export async function loadCustomerStory(db: DbTx, customerId: number, limit: number): Promise<CustomerStory | null> {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, displayName: true, forgottenAt: true, optedOutAt: true },
  });
  if (!customer) return null;
  const [identities, links, cases] = await Promise.all([
    db.identity.findMany({
      where: { customerId },
      select: { id: true, channel: true, handle: true, name: true },
      orderBy: { id: 'asc' },
    }),
    db.identityLink.findMany({
      where: { toCustomerId: customerId, unlinkedAt: null },
      select: { id: true, identityId: true, how: true },
    }),
    db.case.findMany({
      where: { customerId },
      orderBy: { openedAt: 'desc' },
      take: 50,
      select: {
        id: true,
        channel: true,
        topic: true,
        status: true,
        outcome: true,
        rating: true,
        openedAt: true,
        resolvedAt: true,
      },
    }),
  ]);
  const caseIds = cases.map((c) => c.id);
  const sentWhere = { caseId: { in: caseIds }, kind: { in: SENT_KINDS }, status: 'sent' };
  const [mentions, mentionCount, sent, sentCount] = await Promise.all([
    db.mention.findMany({
      where: { customerId },
      orderBy: { postedAt: 'desc' },
      take: limit,
      select: {
        postedAt: true,
        channel: true,
        isPrivate: true,
        text: true,
        caseId: true,
        identity: { select: { handle: true } },
      },
    }),
    db.mention.count({ where: { customerId } }),
    caseIds.length
      ? db.outboundMessage.findMany({
          where: sentWhere,
          orderBy: { sentAt: 'desc' },
          take: limit,
          select: { sentAt: true, createdAt: true, channel: true, kind: true, text: true, caseId: true },
        })
      : Promise.resolve([]),
    caseIds.length ? db.outboundMessage.count({ where: sentWhere }) : Promise.resolve(0),
  ]);
  const linkOf = new Map(links.map((l) => [l.identityId, l]));
  const entries: StoryEntry[] = [
    ...mentions.map((m) => ({
      at: m.postedAt,
      from: 'customer' as const,
      channel: m.channel,
      isPrivate: m.isPrivate,
      text: m.text,
      caseId: m.caseId,
      handle: m.identity.handle,
    })),
    ...sent.map((s) => ({
      at: s.sentAt ?? s.createdAt,
      from: 'brand' as const,
      channel: s.channel,
      isPrivate: s.kind === 'private_message',
      text: s.text,
      caseId: s.caseId,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, limit);
  return {
    customerId,
    displayName: customer.displayName,
    forgotten: customer.forgottenAt !== null,
    optedOut: customer.optedOutAt !== null,
    identities: identities.map((i) => ({
      ...i,
      ...(linkOf.has(i.id) ? { linkId: linkOf.get(i.id)!.id, linkedHow: linkOf.get(i.id)!.how } : {}),
    })),
    cases,
    entries,
    total: mentionCount + sentCount,
  };
}
