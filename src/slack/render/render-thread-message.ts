import type { KnownBlock } from '@slack/types';
import { loadMentionView } from '../../cases/load-case-view.js';
import type { OutboundRow } from '../../core/outbound.js';
import { type DbTx, parseJson } from '../../store/db-types.js';
import { CaseAction } from '../slack-ids.js';
import { describeCaseEvent, type EventToDescribe } from './describe-case-event.js';
import { isCaseOpen } from './describe-case-state.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import {
  channelName,
  formatHandle,
  formatLink,
  formatSlackMention,
  quoteEscaped,
  shortEscaped,
} from './format-slack-text.js';
import { describeAdvocateReply, loadAdvocateReply } from './render-advocate-reply.js';
import type { SlackMessage } from './render-case-message.js';

/**
 * A line in a case's thread, rendered from the database at send time: from the CaseEvent it is about
 * (target.eventId), from the customer's post (mentionId), or else the queued text, escaped. Inside a
 * burst summary's thread, several cases share one thread, so each line names its case.
 */
export async function renderThreadMessage(
  db: DbTx,
  row: OutboundRow,
  opts: { caseId: number; inBurst: boolean; marker: string },
): Promise<SlackMessage> {
  const target = parseJson<{ eventId?: number }>(row.target, {});
  let body: string;
  const advocate = row.mentionId !== null ? await loadAdvocateReply(db, row.mentionId) : null;
  if (typeof target.eventId === 'number') body = await describeStoredEvent(db, target.eventId);
  else if (advocate) body = describeAdvocateReply(advocate);
  else if (row.mentionId !== null) body = await describePost(db, row.mentionId, row.idempotencyKey.includes(':edit:'));
  else body = shortEscaped(row.text, 2800);
  const text = opts.inBurst ? `*Case #${opts.caseId}* · ${body}` : body;
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: opts.marker, text: { type: 'mrkdwn', verbatim: true, text } },
  ];
  if (advocate?.slackUserId) blocks.push(...(await offerOwnership(db, opts.caseId, advocate.slackUserId)));
  return { text, blocks };
}

// An advocate who answered an unowned case is offered it: the button claims it for whoever clicks.
async function offerOwnership(db: DbTx, caseId: number, slackUserId: string): Promise<KnownBlock[]> {
  const c = await db.case.findUnique({ where: { id: caseId }, select: { ownerSlackId: true, status: true } });
  if (!c || c.ownerSlackId || !isCaseOpen(c.status)) return [];
  return [
    {
      type: 'actions',
      block_id: `advocate_claim_${caseId}`,
      elements: [
        {
          type: 'button',
          action_id: CaseAction.Claim,
          value: String(caseId),
          style: 'primary',
          text: { type: 'plain_text', text: 'Take ownership', emoji: true },
        },
      ],
    },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', verbatim: true, text: `${formatSlackMention(slackUserId)}, it is yours if you want it.` },
      ],
    },
  ];
}

async function describeStoredEvent(db: DbTx, eventId: number): Promise<string> {
  const e = await db.caseEvent.findUnique({ where: { id: eventId } });
  if (!e) return 'An event of this case is no longer stored.';
  const event: EventToDescribe = { type: e.type, actor: e.actor, detail: e.detail };
  const d = parseJson<{ outboundId?: number; url?: string }>(e.detail, {});
  if (typeof d.outboundId === 'number') {
    const o = await db.outboundMessage.findUnique({
      where: { id: d.outboundId },
      select: { channel: true, text: true, target: true, purpose: true },
    });
    const by = o?.purpose === 'human_reply' ? parseJson<{ by?: string }>(o.target, {}).by : undefined;
    if (o) event.sent = { channel: o.channel, text: o.text, by, url: d.url };
  }
  return describeCaseEvent(event);
}

async function describePost(db: DbTx, mentionId: number, edited: boolean): Promise<string> {
  const m = await loadMentionView(db, mentionId);
  if (!m) return 'A post of this case is no longer stored.';
  const verb = edited ? 'edited their post' : m.isPrivate ? 'wrote in private' : 'wrote again';
  const head =
    `:speech_balloon: *${shortEscaped(m.author.name || m.author.handle, 200)}* ` +
    `(${formatHandle(m.author.handle, 100)}) ${verb} on ` +
    `${escapeMrkdwn(channelName(m.channel))} · ${formatLink(m.url, 'view post')}`;
  // Slack refuses a section over 3000 characters: the quote gets what the rest leaves.
  return `${head}\n${quoteEscaped(m.text, 2850 - head.length)}\nScore ${m.score.toFixed(2)}`;
}
