import type { Mention } from '../core/mention.js';
import type { OutboundFallback, OutboundIntent } from '../core/outbound.js';

/**
 * The public acknowledgement, as a reply to the mention. With `fallback`, the text assumes that message
 * (the private invitation) was delivered; the outbox sends `fallback.text` instead if it was not.
 */
export function acknowledgementIntent(
  m: Mention,
  caseId: number,
  mentionId: number,
  composed: { text: string; hash?: string },
  fallback?: OutboundFallback,
): OutboundIntent {
  return {
    idempotencyKey: `ack:${m.channel}:${m.id}`,
    channel: m.channel,
    kind: 'public_reply',
    purpose: 'acknowledgement',
    text: composed.text,
    textHash: composed.hash,
    caseId,
    mentionId,
    target: { inReplyTo: { id: m.id, authorId: m.author.id, place: m.place }, ...(fallback ? { fallback } : {}) },
  };
}

/** The first private message (the invitation), opened by the bot where the channel allows it. */
export function invitationIntent(m: Mention, caseId: number, mentionId: number, text: string): OutboundIntent {
  return {
    idempotencyKey: `invite:${m.channel}:${m.id}`,
    channel: m.channel,
    kind: 'private_message',
    purpose: 'invitation',
    text,
    caseId,
    mentionId,
    target: { recipient: { id: m.author.id, handle: m.author.handle }, place: m.place },
  };
}

/** A keyword mention the bot may not answer: the team is told. */
export function slackAlertIntent(m: Mention, mentionId: number, summary: string): OutboundIntent {
  return {
    idempotencyKey: `slack:alert:${m.channel}:${m.id}`,
    channel: 'slack',
    kind: 'slack_alert',
    purpose: 'alert',
    target: { mentionId },
    text: summary,
    mentionId,
  };
}

/** One line about a mention for Slack previews and the console: who, where, what (shortened). */
export function mentionSummary(m: Mention, extra = ''): string {
  const text = m.text.length > 280 ? `${m.text.slice(0, 277)}…` : m.text;
  return `${m.author.name} (@${m.author.handle}) on ${m.channel}: "${text}"${extra ? ` ${extra}` : ''}`;
}
