import { type DbTx, parseJson } from '../store/db-types.js';
import { type CustomerStory, loadCustomerStory } from './load-customer-story.js';

/** One post of the customer, as Slack shows it. */
export interface MentionView {
  id: number;
  channel: string;
  externalId: string;
  text: string;
  url: string | null;
  postedAt: Date;
  mentionsBrand: boolean;
  isPrivate: boolean;
  score: number;
  reasons: string[];
  author: { externalId: string; handle: string; name: string };
  place: Record<string, string> | undefined;
}

/** A message the bot (or a person, from Slack) sent to the customer for this case. */
export interface SentView {
  kind: 'acknowledgement' | 'invitation' | 'human_reply' | 'other';
  channel: string;
  status: string;
  text: string;
  url?: string;
  error?: string | null;
}

/** Everything the case's top message shows, read from the database at send time so it is current. */
export interface CaseView {
  id: number;
  status: string;
  channel: string;
  ownerSlackId: string | null;
  topic: string;
  severity: string;
  score: number;
  openedAt: Date;
  claimedAt: Date | null;
  resolvedAt: Date | null;
  outcome: string | null;
  escalatedAt: Date | null;
  escalationCount: number;
  followUpDueAt: Date | null;
  followUpSentAt: Date | null;
  rating: number | null;
  holdReason: string | null;
  slackChannel: string | null;
  slackTs: string | null;
  customer: { id: number; displayName: string; identities: Array<{ channel: string; handle: string }> };
  /** The post that opened the case (the first one attached to it). */
  opening: MentionView | null;
  mentionCount: number;
  sent: SentView[];
  /** The customer's earlier cases, newest first. */
  history: Array<{
    id: number;
    channel: string;
    topic: string;
    status: string;
    outcome: string | null;
    openedAt: Date;
    resolvedAt: Date | null;
  }>;
  /** The person across channels: identities, cases, the newest STORY_INLINE timeline entries. */
  story: CustomerStory | null;
  /** "Jade is drafting" (the collision guard), while the mark has not expired. */
  drafting: { slackId: string; until: Date } | null;
  /** Who said they answer the customer and how: as the brand, or from their own account. */
  answering: { slackId: string; how: string } | null;
  /** "Possibly the same person as …", waiting for a person to decide. */
  suggestions: Array<{ id: number; channel: string; handle: string; name: string; reason: string }>;
}

/** How many timeline entries the case message shows inline (the rest are behind *Show all*). */
export const STORY_INLINE = 8;

const HISTORY = 5;

/** Reads a mention as Slack shows it. */
export async function loadMentionView(db: DbTx, mentionId: number): Promise<MentionView | null> {
  const m = await db.mention.findUnique({ where: { id: mentionId }, include: { identity: true } });
  if (!m) return null;
  return {
    id: m.id,
    channel: m.channel,
    externalId: m.externalId,
    text: m.text,
    url: m.url,
    postedAt: m.postedAt,
    mentionsBrand: m.mentionsBrand,
    isPrivate: m.isPrivate,
    score: m.score,
    reasons: parseJson<string[]>(m.reasons, []),
    author: { externalId: m.identity.externalId, handle: m.identity.handle, name: m.identity.name },
    place: parseJson<Record<string, string> | undefined>(m.place, undefined),
  };
}

/**
 * Reads the case, its opening post, what was sent and the customer's history; null when there is no such
 * case. `now` decides whether a drafting mark still stands.
 */
export async function loadCaseView(db: DbTx, caseId: number, now: Date = new Date()): Promise<CaseView | null> {
  const c = await db.case.findUnique({
    where: { id: caseId },
    include: { customer: { include: { identities: true } } },
  });
  if (!c) return null;
  const mentions = await db.mention.findMany({ where: { caseId }, select: { id: true }, orderBy: { id: 'asc' } });
  const opening = mentions.length ? await loadMentionView(db, mentions[0].id) : null;
  const outbound = await db.outboundMessage.findMany({
    where: { caseId, kind: { in: ['public_reply', 'private_message'] } },
    orderBy: { id: 'asc' },
    select: { id: true, purpose: true, channel: true, status: true, text: true, error: true },
  });
  const sentEvents = await db.caseEvent.findMany({
    where: { caseId, type: { in: ['public_reply_sent', 'private_message_sent'] } },
    select: { detail: true },
  });
  const urls = new Map(
    sentEvents
      .map((e) => parseJson<{ outboundId?: number; url?: string }>(e.detail, {}))
      .map((d) => [d.outboundId, d.url]),
  );
  const history = await db.case.findMany({
    where: { customerId: c.customerId, id: { not: caseId }, openedAt: { lte: c.openedAt } },
    orderBy: { openedAt: 'desc' },
    take: HISTORY,
    select: { id: true, channel: true, topic: true, status: true, outcome: true, openedAt: true, resolvedAt: true },
  });
  const story = await loadCustomerStory(db, c.customerId, STORY_INLINE);
  const pending = await db.linkSuggestion.findMany({
    where: { caseId, status: 'pending' },
    orderBy: { id: 'asc' },
    take: 3,
    select: { id: true, identityId: true, reason: true },
  });
  const suggested = await db.identity.findMany({
    where: { id: { in: pending.map((p) => p.identityId) } },
    select: { id: true, channel: true, handle: true, name: true, customerId: true },
  });
  const identityOf = new Map(suggested.map((i) => [i.id, i]));
  const suggestions = pending.flatMap((p) => {
    const i = identityOf.get(p.identityId);
    // Linked meanwhile (by reference, or another case): nothing left to suggest.
    if (!i || i.customerId === c.customerId) return [];
    return [{ id: p.id, channel: i.channel, handle: i.handle, name: i.name, reason: p.reason }];
  });
  return {
    story,
    suggestions,
    drafting:
      c.draftingSlackId && c.draftingUntil && c.draftingUntil > now
        ? { slackId: c.draftingSlackId, until: c.draftingUntil }
        : null,
    answering: c.answeringSlackId && c.answeringHow ? { slackId: c.answeringSlackId, how: c.answeringHow } : null,
    id: c.id,
    status: c.status,
    channel: c.channel,
    ownerSlackId: c.ownerSlackId,
    topic: c.topic,
    severity: c.severity,
    score: c.score,
    openedAt: c.openedAt,
    claimedAt: c.claimedAt,
    resolvedAt: c.resolvedAt,
    outcome: c.outcome,
    escalatedAt: c.escalatedAt,
    escalationCount: c.escalationCount,
    followUpDueAt: c.followUpDueAt,
    followUpSentAt: c.followUpSentAt,
    rating: c.rating,
    holdReason: c.holdReason,
    slackChannel: c.slackChannel,
    slackTs: c.slackTs,
    customer: {
      id: c.customer.id,
      displayName: c.customer.displayName,
      identities: c.customer.identities.map((i) => ({ channel: i.channel, handle: i.handle })),
    },
    opening,
    mentionCount: mentions.length,
    sent: outbound.map((o) => ({
      kind: sentKind(o.purpose),
      channel: o.channel,
      status: o.status,
      text: o.text,
      url: urls.get(o.id) ?? undefined,
      error: o.error,
    })),
    history,
  };
}

const SHOWN_KINDS: ReadonlySet<string> = new Set(['acknowledgement', 'invitation', 'human_reply']);

function sentKind(purpose: string): SentView['kind'] {
  return SHOWN_KINDS.has(purpose) ? (purpose as SentView['kind']) : 'other';
}
