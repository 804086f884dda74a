import type { CaseEventType } from '../cases/case-event-type.js';
import { caseMessageIntent, caseRef, caseThreadIntent, caseUpdateIntent } from '../cases/case-intents.js';
import { composeAcknowledgementHashed } from '../compose/compose-acknowledgement.js';
import { greetingName } from '../compose/greeting-name.js';
import { fillTemplate } from '../compose/load-prompts.js';
import { pickVariant } from '../compose/pick-variant.js';
import { mayMessagePrivately } from '../core/channel-rules.js';
import { mentionKey } from '../core/mention.js';
import type { OutboundIntent } from '../core/outbound.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import type { PipelineDeps, ProcessedMention, StoredMention } from './pipeline-deps.js';
import { acknowledgementIntent, invitationIntent, mentionSummary, slackAlertIntent } from './plan-intents.js';

type EventRow = { caseId: number; at: Date; actor: string; type: CaseEventType; detail: string };

/**
 * Turns the batch's decisions into durable outbound intents (acknowledgement, private invitation,
 * Slack messages) and the cases' audit trail. Texts are composed here, so what is queued is exactly
 * what will be sent.
 */
export async function queueMessages(
  tx: DbTx,
  deps: PipelineDeps,
  stored: StoredMention[],
): Promise<ProcessedMention[]> {
  const now = deps.now();
  const intents: OutboundIntent[] = [];
  const events: EventRow[] = [];
  const event = (caseId: number, type: CaseEventType, detail: object) =>
    events.push({ caseId, at: now, actor: 'bot', type, detail: JSON.stringify(detail) });
  const advocateReplied: Array<{ caseId: number; at: Date; slackUserId: string }> = [];
  const processed = stored.map((o): ProcessedMention => {
    const { mention: m, decision: d, score: s, mentionId } = o;
    if (d.action === 'alert') intents.push(slackAlertIntent(m, mentionId, mentionSummary(m, `(score ${s.score})`)));
    if (o.caseId === undefined) return o;
    let texts: Pick<ProcessedMention, 'acknowledgement' | 'invitation'> = {};
    if (o.caseOpened) {
      event(o.caseId, 'opened', {
        mentionId,
        score: s.score,
        topic: s.topic,
        severity: s.severity,
        reasons: d.reasons,
      });
      if (d.holdReason) event(o.caseId, 'held', { reason: d.holdReason });
      if (d.acknowledge) texts = acknowledge(deps, o, o.caseId, intents);
      intents.push(caseMessageIntent(o.caseId, mentionSummary(m, `score ${s.score} ${s.topic}/${s.severity}`)));
    } else if (o.advocate && o.status === 'new') {
      event(o.caseId, 'advocate_replied', {
        mentionId,
        advocateId: o.advocate.id,
        handle: o.advocate.handle,
        flagged: o.advocate.check.findings.map((f) => f.rule),
      });
      advocateReplied.push({ caseId: o.caseId, at: m.createdAt, slackUserId: o.advocate.slackUserId });
      intents.push(
        caseThreadIntent(o.caseId, `advocate:${mentionId}`, mentionSummary(m, '(staff advocate)'), mentionId),
      );
      intents.push(caseUpdateIntent(o.caseId, `advocate:${mentionId}`));
      if (o.advocate.check.flagged) intents.push(advocateFlaggedIntent(o.advocate.slackUserId, o.caseId, mentionId));
    } else if (o.status === 'edited') {
      event(o.caseId, 'mention_edited', { mentionId, text: m.text });
      intents.push(
        caseThreadIntent(
          o.caseId,
          `edit:${mentionId}:${m.editedAt?.toISOString()}`,
          mentionSummary(m, '(edited)'),
          mentionId,
        ),
      );
      // An advocate who edits their reply into something the check flags is told, as for a new reply.
      if (o.advocate?.check.flagged)
        intents.push(advocateFlaggedIntent(o.advocate.slackUserId, o.caseId, mentionId, m.editedAt ?? now));
    } else if (d.rating !== undefined) {
      event(o.caseId, 'rated', { mentionId, rating: d.rating });
      intents.push(
        caseThreadIntent(o.caseId, `mention:${mentionId}`, mentionSummary(m, `(rated ${d.rating}/5)`), mentionId),
      );
      intents.push(caseUpdateIntent(o.caseId, `rated:${mentionId}`));
    } else {
      event(o.caseId, m.isPrivate ? 'customer_wrote_privately' : 'customer_wrote', { mentionId, score: s.score });
      intents.push(
        caseThreadIntent(
          o.caseId,
          `mention:${mentionId}`,
          mentionSummary(m, m.isPrivate ? '(private message)' : ''),
          mentionId,
        ),
      );
    }
    return { ...o, ...texts };
  });
  await bulkInsert(tx, 'CaseEvent', events);
  await enqueueIntents(tx, intents, now);
  for (const r of advocateReplied) await recordAdvocateAnswer(tx, r);
  return processed;
}

// An advocate's public reply is the first human reply (SLA, digest), and they are the one answering
// unless someone already said they are.
async function recordAdvocateAnswer(tx: DbTx, r: { caseId: number; at: Date; slackUserId: string }): Promise<void> {
  await tx.case.updateMany({ where: { id: r.caseId, firstHumanReplyAt: null }, data: { firstHumanReplyAt: r.at } });
  await tx.case.updateMany({
    where: { id: r.caseId, answeringSlackId: null },
    data: { answeringSlackId: r.slackUserId, answeringHow: 'own_account' },
  });
}

/**
 * A direct message to the advocate whose reply the advocate check flagged: the reasons and better wording.
 * An edit that is flagged gets its own (`editedAt`): the wording it is told about is the edited one.
 */
function advocateFlaggedIntent(
  slackUserId: string,
  caseId: number,
  mentionId: number,
  editedAt?: Date,
): OutboundIntent {
  return {
    idempotencyKey: `slack:direct:advocate-flagged:${mentionId}${editedAt ? `:edit:${editedAt.toISOString()}` : ''}`,
    channel: 'slack',
    kind: 'slack_direct',
    purpose: 'advocate_notice',
    target: { to: slackUserId, notice: 'advocate_flagged', mentionId },
    text: `your reply on case #${caseId} was flagged by the advocate check`,
    caseId,
    mentionId,
  };
}

/** Tells a team member their own account is verified: its replies now join the cases they answer. */
export async function queueAdvocateVerified(
  tx: DbTx,
  advocate: { id: number; slackUserId: string; handle: string; channel: string },
  at: Date,
): Promise<void> {
  await enqueueIntents(
    tx,
    [
      {
        idempotencyKey: `slack:direct:advocate-verified:${advocate.id}`,
        channel: 'slack',
        kind: 'slack_direct',
        purpose: 'advocate_notice',
        target: { to: advocate.slackUserId, notice: 'advocate_verified', advocateId: advocate.id },
        text: `${advocate.channel}:@${advocate.handle} is verified`,
      },
    ],
    at,
  );
}

/**
 * The private invitation (where the bot may open one) first, then the public acknowledgement. Where the
 * channel has a pointer for "the invitation did not arrive" (Discord: DMs closed), that wording is
 * composed too and kept with the acknowledgement, so the sender can switch without composing anything.
 */
function acknowledge(
  deps: PipelineDeps,
  o: StoredMention,
  caseId: number,
  out: OutboundIntent[],
): { acknowledgement: string; invitation?: string } {
  const m = o.mention;
  const rules = deps.channelRules(m.channel);
  const name = greetingName(m.author);
  const ref = caseRef(caseId);
  const seed = mentionKey(m);
  let invitation: OutboundIntent | undefined;
  if (mayMessagePrivately(rules, o.lastPrivateInboundAt)) {
    const template = pickVariant(deps.prompts.privateInvitation.get('message') ?? [], `${seed}:invite`);
    invitation = invitationIntent(
      m,
      caseId,
      o.mentionId,
      fillTemplate(template, { name, brand: deps.brand.name, ref }),
    );
    out.push(invitation);
  }
  const compose = (pointerKind: string, variantSeed: string) =>
    composeAcknowledgementHashed(
      deps.prompts,
      {
        channel: m.channel,
        limit: deps.channelLimit(m.channel),
        name,
        brand: deps.brand.name,
        topic: o.score.topic,
        ref,
        seed: variantSeed,
        pointerKind,
        pointerValues: deps.pointerValues?.(m.channel),
      },
      deps.recent,
    );
  const acknowledgement = compose(rules.pointerKind, seed);
  const fallback =
    invitation && rules.privateFailedPointerKind
      ? {
          ifNotDelivered: invitation.idempotencyKey,
          text: compose(rules.privateFailedPointerKind, `${seed}:fallback`).text,
        }
      : undefined;
  out.push(acknowledgementIntent(m, caseId, o.mentionId, acknowledgement, fallback));
  return { acknowledgement: acknowledgement.text, invitation: invitation?.text };
}
