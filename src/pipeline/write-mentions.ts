import { CaseStatus } from '../core/case-status.js';
import { mentionKey } from '../core/mention.js';
import { formatReason } from '../scoring/score-types.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import type { MentionOutcome, PipelineDeps } from './pipeline-deps.js';

/** Placeholder case id for "the case this batch opens for this customer". */
export const NEW_CASE = -1;

/**
 * Stores the batch's decisions: opens cases, writes new mentions (one insert), updates edited ones,
 * records opt-outs and private contact. Fills in `caseId`, `caseOpened` and `mentionId` on each outcome.
 */
export async function writeMentions(tx: DbTx, deps: PipelineDeps, decided: MentionOutcome[]): Promise<void> {
  const now = deps.now();
  await openCases(tx, decided, now);
  const openedFor = new Map(decided.filter((o) => o.caseOpened).map((o) => [o.customerId!, o.caseId!]));
  for (const o of decided) {
    const target = o.decision!.attachToCaseId;
    if (target !== undefined && o.caseId === undefined)
      o.caseId = target === NEW_CASE ? openedFor.get(o.customerId!) : target;
  }
  const rows = decided.filter((o) => o.status === 'new').map((o) => mentionRow(o, now));
  if (rows.length) {
    const created = await bulkInsert<{ id: number; channel: string; externalId: string }>(tx, 'Mention', rows, [
      'id',
      'channel',
      'externalId',
    ]);
    const ids = new Map(created.map((c) => [`${c.channel}:${c.externalId}`, Number(c.id)]));
    for (const o of decided) if (o.status === 'new') o.mentionId = ids.get(`${o.mention.channel}:${o.mention.id}`);
  }
  for (const o of decided.filter((x) => x.status === 'edited')) {
    const { channel, externalId, identityId, customerId, receivedAt, ...changes } = mentionRow(o, now);
    await tx.mention.update({ where: { id: o.mentionId! }, data: { ...changes, editedAt: o.mention.editedAt ?? now } });
  }
  for (const o of decided.filter((x) => x.decision!.rating !== undefined && x.caseId !== undefined)) {
    await tx.case.update({
      where: { id: o.caseId! },
      data: { rating: o.decision!.rating, ratingComment: o.mention.text.slice(0, 1000), updatedAt: now },
    });
  }
  const optedOut = decided.filter((o) => o.decision!.optOut).map((o) => o.customerId!);
  if (optedOut.length)
    await tx.customer.updateMany({ where: { id: { in: optedOut }, optedOutAt: null }, data: { optedOutAt: now } });
  for (const o of decided.filter((x) => x.mention.isPrivate)) {
    await tx.identity.update({ where: { id: o.identityId! }, data: { lastPrivateInboundAt: o.mention.createdAt } });
  }
}

// Cases for the whole batch in one statement, keyed by the mention that opened each.
async function openCases(tx: DbTx, decided: MentionOutcome[], now: Date): Promise<void> {
  const opening = decided.filter((o) => o.decision!.openCase && o.caseId === undefined);
  if (!opening.length) return;
  const keyOf = (o: MentionOutcome) => mentionKey(o.mention);
  const rows = await bulkInsert<{ id: number; openedByMentionKey: string }>(
    tx,
    'Case',
    opening.map((o) => ({
      customerId: o.customerId!,
      channel: o.mention.channel,
      status: CaseStatus.Open,
      topic: o.score!.topic,
      severity: o.score!.severity,
      score: o.score!.score,
      holdReason: o.decision!.holdReason ?? null,
      openedAt: now,
      updatedAt: now,
      openedByMentionKey: keyOf(o),
    })),
    ['id', 'openedByMentionKey'],
  );
  const ids = new Map(rows.map((r) => [r.openedByMentionKey, Number(r.id)]));
  for (const o of opening) {
    o.caseId = ids.get(keyOf(o));
    o.caseOpened = true;
  }
}

function mentionRow(o: MentionOutcome, now: Date) {
  const m = o.mention;
  const s = o.score!;
  return {
    channel: m.channel,
    externalId: m.id,
    identityId: o.identityId!,
    customerId: o.customerId!,
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
    complaint: s.complaint,
    reasons: JSON.stringify(s.reasons.map(formatReason)),
    topic: s.topic,
    severity: s.severity,
    language: s.language,
    decision: o.decision!.action,
    decisionReasons: JSON.stringify(o.decision!.reasons),
    caseId: o.caseId ?? null,
  };
}
