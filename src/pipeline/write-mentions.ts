import { formatReason } from '../scoring/score-types.js';
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
  const openedFor = new Map<number, number>();
  for (const o of decided) {
    const d = o.decision!;
    if (d.openCase && o.caseId === undefined) {
      const s = o.score!;
      const created = await tx.case.create({
        data: { customerId: o.customerId!, channel: o.mention.channel, topic: s.topic, severity: s.severity, score: s.score, holdReason: d.holdReason ?? null, openedAt: now },
        select: { id: true },
      });
      o.caseId = created.id;
      o.caseOpened = true;
      openedFor.set(o.customerId!, created.id);
    } else if (d.attachToCaseId !== undefined && o.caseId === undefined) {
      o.caseId = d.attachToCaseId === NEW_CASE ? openedFor.get(o.customerId!) : d.attachToCaseId;
    }
  }
  const rows = decided.filter((o) => o.status === 'new').map((o) => mentionRow(o, now));
  if (rows.length) {
    const created = await tx.mention.createManyAndReturn({ data: rows, select: { id: true, channel: true, externalId: true } });
    const ids = new Map(created.map((c) => [`${c.channel}:${c.externalId}`, c.id]));
    for (const o of decided) if (o.status === 'new') o.mentionId = ids.get(`${o.mention.channel}:${o.mention.id}`);
  }
  for (const o of decided.filter((x) => x.status === 'edited')) {
    const { channel, externalId, identityId, customerId, receivedAt, ...changes } = mentionRow(o, now);
    await tx.mention.update({ where: { id: o.mentionId! }, data: { ...changes, editedAt: o.mention.editedAt ?? now } });
  }
  const optedOut = decided.filter((o) => o.decision!.optOut).map((o) => o.customerId!);
  if (optedOut.length) await tx.customer.updateMany({ where: { id: { in: optedOut }, optedOutAt: null }, data: { optedOutAt: now } });
  for (const o of decided.filter((x) => x.mention.isPrivate)) {
    await tx.identity.update({ where: { id: o.identityId! }, data: { lastPrivateInboundAt: o.mention.createdAt } });
  }
}

function mentionRow(o: MentionOutcome, now: Date) {
  const m = o.mention;
  const s = o.score!;
  return {
    channel: m.channel, externalId: m.id, identityId: o.identityId!, customerId: o.customerId!, text: m.text, url: m.url ?? null,
    postedAt: m.createdAt, receivedAt: now, editedAt: m.editedAt ?? null, mentionsBrand: m.mentionsBrand, isPrivate: m.isPrivate ?? false,
    inReplyToId: m.inReplyToId ?? null, place: m.place ? JSON.stringify(m.place) : null, score: s.score, complaint: s.complaint,
    reasons: JSON.stringify(s.reasons.map(formatReason)), topic: s.topic, severity: s.severity, language: s.language,
    decision: o.decision!.action, decisionReasons: JSON.stringify(o.decision!.reasons), caseId: o.caseId ?? null,
  };
}
