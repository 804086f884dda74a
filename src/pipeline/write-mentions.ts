import { CaseStatus } from '../core/case-status.js';
import { mentionKey } from '../core/mention.js';
import { formatReason } from '../scoring/score-types.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import type { DecidedMention, PipelineDeps, StoredMention } from './pipeline-deps.js';

/** Placeholder case id for "the case this batch opens for this customer". */
export const NEW_CASE = -1;

/** A decided mention with its case settled, before its own row is written. */
type PlacedMention = DecidedMention & { caseId?: number; caseOpened: boolean };

/**
 * Stores the batch's decisions: opens cases, writes new mentions (one insert), updates edited ones,
 * records opt-outs and private contact. Returns each mention with its row id and case.
 */
export async function writeMentions(tx: DbTx, deps: PipelineDeps, decided: DecidedMention[]): Promise<StoredMention[]> {
  const now = deps.now();
  const opened = await openCases(tx, decided, now);
  // The case opened in this batch for a customer, by customer and by customer and topic (a person may
  // open two in one batch, one per story: a later mention joins the one on its topic).
  const openedFor = new Map<string, number>();
  for (const o of decided) {
    const id = opened.get(mentionKey(o.mention));
    if (id === undefined) continue;
    openedFor.set(`${o.customerId}`, id);
    openedFor.set(`${o.customerId}:${o.score.topic}`, id);
  }
  const placed = decided.map((o): PlacedMention => {
    const openedId = opened.get(mentionKey(o.mention));
    if (openedId !== undefined) return { ...o, caseId: openedId, caseOpened: true };
    const target = o.decision.attachToCaseId;
    const attached =
      target === NEW_CASE
        ? (openedFor.get(`${o.customerId}:${o.score.topic}`) ?? openedFor.get(`${o.customerId}`))
        : target;
    return { ...o, caseId: (o.status === 'edited' ? o.caseId : undefined) ?? attached, caseOpened: false };
  });
  const ids = await insertNew(tx, placed, now);
  const stored = placed.map((o): StoredMention => {
    if (o.status === 'edited') return o;
    const mentionId = ids.get(mentionKey(o.mention));
    if (mentionId === undefined) throw new Error(`mention ${mentionKey(o.mention)} was not stored`);
    return { ...o, mentionId };
  });
  for (const o of placed) {
    if (o.status !== 'edited') continue;
    const { channel, externalId, identityId, customerId, receivedAt, ...changes } = mentionRow(o, now);
    await tx.mention.update({ where: { id: o.mentionId }, data: { ...changes, editedAt: o.mention.editedAt ?? now } });
  }
  for (const o of stored) {
    if (o.decision.rating === undefined || o.caseId === undefined) continue;
    await tx.case.update({
      where: { id: o.caseId },
      data: { rating: o.decision.rating, ratingComment: o.mention.text.slice(0, 1000), updatedAt: now },
    });
  }
  const optedOut = decided.filter((o) => o.decision.optOut).map((o) => o.customerId);
  if (optedOut.length)
    await tx.customer.updateMany({ where: { id: { in: optedOut }, optedOutAt: null }, data: { optedOutAt: now } });
  for (const o of decided.filter((x) => x.mention.isPrivate)) {
    await tx.identity.update({ where: { id: o.identityId }, data: { lastPrivateInboundAt: o.mention.createdAt } });
  }
  return stored;
}

// New mentions in one statement; their ids by mentionKey.
async function insertNew(tx: DbTx, placed: PlacedMention[], now: Date): Promise<Map<string, number>> {
  const rows = placed.filter((o) => o.status === 'new').map((o) => mentionRow(o, now));
  const created = await bulkInsert<{ id: number; channel: string; externalId: string }>(tx, 'Mention', rows, [
    'id',
    'channel',
    'externalId',
  ]);
  return new Map(created.map((c) => [`${c.channel}:${c.externalId}`, Number(c.id)]));
}

// Cases for the whole batch in one statement; the new case's id by the key of the mention that opened it.
async function openCases(tx: DbTx, decided: DecidedMention[], now: Date): Promise<Map<string, number>> {
  const opening = decided.filter((o) => o.decision.openCase && (o.status === 'new' || o.caseId === undefined));
  if (!opening.length) return new Map();
  const rows = await bulkInsert<{ id: number; openedByMentionKey: string }>(
    tx,
    'Case',
    opening.map((o) => ({
      customerId: o.customerId,
      channel: o.mention.channel,
      status: CaseStatus.Open,
      topic: o.score.topic,
      severity: o.score.severity,
      score: o.score.score,
      holdReason: o.decision.holdReason ?? null,
      openedAt: now,
      updatedAt: now,
      openedByMentionKey: mentionKey(o.mention),
    })),
    ['id', 'openedByMentionKey'],
  );
  return new Map(rows.map((r) => [r.openedByMentionKey, Number(r.id)]));
}

function mentionRow(o: PlacedMention, now: Date) {
  const m = o.mention;
  const s = o.score;
  return {
    channel: m.channel,
    externalId: m.id,
    identityId: o.identityId,
    customerId: o.customerId,
    text: m.text,
    url: m.url ?? null,
    postedAt: m.createdAt,
    receivedAt: now,
    editedAt: m.editedAt ?? null,
    mentionsBrand: m.mentionsBrand,
    isPrivate: m.isPrivate ?? false,
    inReplyToId: m.inReplyToId ?? null,
    place: m.place ? JSON.stringify(m.place) : null,
    score: s.score,
    // An advocate's reply is the team answering, not a complaint: it stays out of the complaint counts.
    complaint: o.advocate ? false : s.complaint,
    reasons: JSON.stringify(s.reasons.map(formatReason)),
    topic: s.topic,
    severity: s.severity,
    language: s.language,
    decision: o.decision.action,
    decisionReasons: JSON.stringify(o.decision.reasons),
    caseId: o.caseId ?? null,
    advocateId: o.advocate?.id ?? null,
    advocateFlags: o.advocate ? JSON.stringify(o.advocate.check.findings) : null,
  };
}
