import type { Db } from '../store/create-db.js';
import { type DbTx, parseJson } from '../store/db-types.js';
import { recordCaseChange } from './record-case-change.js';

/** What was erased, in counts only (the DataRequest row keeps this, nothing else). */
export interface ForgetSummary {
  customerId: number;
  identities: number;
  mentions: number;
  cases: number;
  pendingRemoved: number;
}

/**
 * Erases a person on request (GDPR art. 17): every text they wrote, their identities (handles, names,
 * platform ids), rating comments, audit details, the texts of messages sent to them, their clues and
 * labels, and every message still waiting to be sent to them or about them. Rows stay as anonymous
 * counts (channel, topic, complaint, dates, ratings) so digests still add up. Identities get an
 * unmatchable id, so a later post from the same handle creates a new customer: a fresh start.
 * Records the request (who, when, counts) and tells each case's thread. Null when there is no customer.
 */
export async function forgetCustomer(
  db: Db,
  input: { customerId: number; actor: string; at: Date },
): Promise<ForgetSummary | null> {
  const { customerId, actor, at } = input;
  return db.$transaction(
    async (tx) => {
      const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
      if (!customer) return null;
      const identities = await tx.identity.findMany({ where: { customerId }, select: { id: true } });
      const identityIds = identities.map((i) => i.id);
      const mentions = await tx.mention.findMany({ where: { customerId }, select: { id: true } });
      const mentionIds = mentions.map((m) => m.id);
      const cases = await tx.case.findMany({ where: { customerId }, select: { id: true, slackTs: true } });
      const caseIds = cases.map((c) => c.id);
      const about = { OR: [{ caseId: { in: caseIds } }, { mentionId: { in: mentionIds } }] };
      const pending = await tx.outboundMessage.deleteMany({ where: { ...about, status: { not: 'sent' } } });
      await tx.outboundMessage.updateMany({ where: about, data: { text: '', target: '{}' } });
      for (const m of mentions)
        await tx.mention.update({
          where: { id: m.id },
          data: {
            externalId: `forgotten:${m.id}`,
            text: '',
            url: null,
            place: null,
            inReplyToId: null,
            reasons: '[]',
            decisionReasons: '[]',
          },
        });
      await forgetAdvocateReplies(tx, caseIds);
      for (const i of identityIds)
        await tx.identity.update({
          where: { id: i },
          data: { externalId: `forgotten:${i}`, handle: '', name: '', lastPrivateInboundAt: null },
        });
      await tx.caseEvent.updateMany({ where: { caseId: { in: caseIds } }, data: { detail: '{}' } });
      await tx.case.updateMany({ where: { id: { in: caseIds } }, data: { ratingComment: null } });
      await tx.label.deleteMany({ where: { mentionId: { in: mentionIds } } });
      await tx.contactClue.deleteMany({ where: { identityId: { in: identityIds } } });
      await tx.linkSuggestion.deleteMany({
        where: { OR: [{ identityId: { in: identityIds } }, { caseId: { in: caseIds } }] },
      });
      await tx.identityLink.updateMany({
        where: { identityId: { in: identityIds }, unlinkedAt: null },
        data: { reason: '', detail: '{}' },
      });
      await tx.customer.update({
        where: { id: customerId },
        data: { displayName: '', firstIdentityKey: null, forgottenAt: at },
      });
      const summary: ForgetSummary = {
        customerId,
        identities: identityIds.length,
        mentions: mentionIds.length,
        cases: caseIds.length,
        pendingRemoved: pending.count,
      };
      await tx.dataRequest.create({
        data: { kind: 'forget', customerId, by: actor, at, detail: JSON.stringify(summary) },
      });
      // The Slack messages are re-rendered from the erased rows; the thread says what happened.
      for (const c of cases.filter((k) => k.slackTs))
        await recordCaseChange(tx, {
          caseId: c.id,
          actor,
          type: 'customer_forgotten',
          at,
          detail: {},
        });
      return summary;
    },
    { timeout: 60_000 },
  );
}

// Staff advocates' replies to the person quote them and may hold their details (the check's personal-data
// words too): their texts and the words go; which rules flagged them stays, for the digest's count.
async function forgetAdvocateReplies(tx: DbTx, caseIds: number[]): Promise<void> {
  const replies = await tx.mention.findMany({
    where: { caseId: { in: caseIds }, advocateId: { not: null } },
    select: { id: true, advocateFlags: true },
  });
  for (const r of replies) {
    const flags = parseJson<Array<Record<string, unknown>>>(r.advocateFlags, []).map((f) => ({ ...f, words: [] }));
    await tx.mention.update({
      where: { id: r.id },
      data: { text: '', url: null, place: null, advocateFlags: JSON.stringify(flags) },
    });
  }
}
