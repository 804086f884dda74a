import { caseRef } from '../cases/case-intents.js';
import { queueFollowUp, skipFollowUp } from '../cases/record-follow-up.js';
import { greetingName } from '../compose/greeting-name.js';
import { fillTemplate, type Prompts } from '../compose/load-prompts.js';
import { pickVariant } from '../compose/pick-variant.js';
import { CaseStatus } from '../core/case-status.js';
import { type ChannelRules, mayMessagePrivately } from '../core/channel-rules.js';
import type { OutboundIntent } from '../core/outbound.js';
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
 * the customer's last post on the case. With several linked channels, it goes to the one where the person
 * last wrote privately. Opted-out customers (on any channel) are skipped, and the case says so.
 */
export async function sendFollowUps(deps: FollowUpDeps, now: Date): Promise<number[]> {
  const { db } = deps;
  const due = await db.case.findMany({
    where: { status: CaseStatus.Resolved, followUpDueAt: { lte: now }, followUpSentAt: null },
    select: {
      id: true,
      channel: true,
      customer: {
        select: {
          optedOutAt: true,
          identities: {
            where: { lastPrivateInboundAt: { not: null } },
            orderBy: { lastPrivateInboundAt: 'desc' },
            take: 5,
          },
        },
      },
      mentions: {
        where: { isPrivate: false },
        orderBy: { postedAt: 'desc' },
        take: 1,
        select: { externalId: true, place: true, identity: true },
      },
    },
  });
  const sent: number[] = [];
  for (const c of due) {
    const last = c.mentions[0];
    if (c.customer.optedOutAt || !last) {
      await skipFollowUp(db, { caseId: c.id, reason: last ? 'opted out' : 'no public post to answer', at: now });
      continue;
    }
    // Where the person last spoke privately, on any linked channel, if the bot may still write there.
    const lastPrivate = c.customer.identities.find((i) =>
      mayMessagePrivately(deps.channelRules(i.channel), i.lastPrivateInboundAt),
    );
    const who = lastPrivate ?? last.identity;
    const channel = lastPrivate?.channel ?? c.channel;
    const inPrivate =
      lastPrivate !== undefined || mayMessagePrivately(deps.channelRules(c.channel), who.lastPrivateInboundAt);
    const template = pickVariant(deps.prompts.followUp.get(inPrivate ? 'private' : 'public')!, `followup:${c.id}`);
    const text = fillTemplate(template, { name: greetingName(who), brand: deps.brandName, ref: caseRef(c.id) });
    const place = parseJson<Record<string, string> | undefined>(last.place, undefined);
    const intent: OutboundIntent = inPrivate
      ? {
          idempotencyKey: `followup:${c.id}`,
          channel,
          kind: 'private_message',
          purpose: 'follow_up',
          text,
          caseId: c.id,
          target: { recipient: { id: who.externalId, handle: who.handle }, ...(lastPrivate ? {} : { place }) },
        }
      : {
          idempotencyKey: `followup:${c.id}`,
          channel: c.channel,
          kind: 'public_reply',
          purpose: 'follow_up',
          text,
          caseId: c.id,
          target: { inReplyTo: { id: last.externalId, authorId: who.externalId, place } },
        };
    if (await queueFollowUp(db, { caseId: c.id, intent, inPrivate, at: now })) sent.push(c.id);
  }
  return sent;
}
