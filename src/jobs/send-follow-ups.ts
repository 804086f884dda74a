import { greetingName } from '../compose/greeting-name.js';
import { fillTemplate, Prompts } from '../compose/load-prompts.js';
import { pickVariant } from '../compose/pick-variant.js';
import type { OutboundIntent } from '../core/outbound.js';
import { ChannelRules, mayMessagePrivately } from '../core/channel-rules.js';
import { caseRef } from '../cases/case-intents.js';
import { recordCaseChange } from '../cases/record-case-change.js';
import type { Db } from '../store/create-db.js';
import { parseJson } from '../store/db-types.js';

export interface FollowUpDeps {
  db: Db;
  prompts: Prompts;
  brandName: string;
  channelRules: (channel: string) => ChannelRules;
}

/**
 * Sends "How did we do?" for every resolved case whose follow-up is due: in private where the channel
 * allows the bot to write first (or the customer wrote privately before), else as a public reply to
 * the customer's last post on the case. Opted-out customers are skipped, and the case says so.
 */
export async function sendFollowUps(deps: FollowUpDeps, now: Date): Promise<number[]> {
  const { db } = deps;
  const due = await db.case.findMany({
    where: { status: 'resolved', followUpDueAt: { lte: now }, followUpSentAt: null },
    select: {
      id: true, channel: true, customer: { select: { optedOutAt: true } },
      mentions: { where: { isPrivate: false }, orderBy: { postedAt: 'desc' }, take: 1, select: { externalId: true, place: true, identity: true } },
    },
  });
  const sent: number[] = [];
  for (const c of due) {
    const last = c.mentions[0];
    if (c.customer.optedOutAt || !last) {
      await db.$transaction(async (tx) => {
        await tx.case.update({ where: { id: c.id }, data: { followUpDueAt: null } });
        await recordCaseChange(tx, { caseId: c.id, actor: 'bot', type: 'follow_up_skipped', detail: { reason: last ? 'opted out' : 'no public post to answer' }, at: now });
      });
      continue;
    }
    const who = last.identity;
    const inPrivate = mayMessagePrivately(deps.channelRules(c.channel), who.lastPrivateInboundAt);
    const template = pickVariant(deps.prompts.followUp.get(inPrivate ? 'private' : 'public')!, `followup:${c.id}`);
    const text = fillTemplate(template, { name: greetingName(who), brand: deps.brandName, ref: caseRef(c.id) });
    const place = parseJson<Record<string, string> | undefined>(last.place, undefined);
    const intent: OutboundIntent = inPrivate
      ? { idempotencyKey: `followup:${c.id}`, channel: c.channel, kind: 'private_message', purpose: 'follow_up', text, caseId: c.id, target: { recipient: { id: who.externalId, handle: who.handle }, place } }
      : { idempotencyKey: `followup:${c.id}`, channel: c.channel, kind: 'public_reply', purpose: 'follow_up', text, caseId: c.id, target: { inReplyTo: { id: last.externalId, authorId: who.externalId, place } } };
    await db.$transaction(async (tx) => {
      const claimed = await tx.case.updateMany({ where: { id: c.id, followUpSentAt: null }, data: { followUpSentAt: now } });
      if (claimed.count !== 1) return;
      await recordCaseChange(tx, { caseId: c.id, actor: 'bot', type: 'follow_up_queued', detail: { private: inPrivate, text }, at: now, also: () => [intent] });
      sent.push(c.id);
    });
  }
  return sent;
}
