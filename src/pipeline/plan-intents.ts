import type { Mention } from '../core/mention.js';
import type { OutboundFallback, OutboundIntent } from '../outbox/outbound-intent.js';

/** The reference a customer can quote for a case. */
export function caseRef(caseId: number): string {
  return `#${caseId}`;
}

/**
 * The public acknowledgement, as a reply to the mention. With `fallback`, the text assumes that message
 * (the private invitation) was delivered; the outbox sends `fallback.text` instead if it was not.
 */
export function acknowledgementIntent(m: Mention, caseId: number, mentionId: number, text: string, fallback?: OutboundFallback): OutboundIntent {
  return {
    idempotencyKey: `ack:${m.channel}:${m.id}`, channel: m.channel, kind: 'public_reply', text, caseId, mentionId,
    target: { inReplyTo: { id: m.id, authorId: m.author.id, place: m.place }, ...(fallback ? { fallback } : {}) },
  };
}

/** The first private message (the invitation), opened by the bot where the channel allows it. */
export function invitationIntent(m: Mention, caseId: number, mentionId: number, text: string): OutboundIntent {
  return {
    idempotencyKey: `invite:${m.channel}:${m.id}`, channel: m.channel, kind: 'private_message', text, caseId, mentionId,
    target: { recipient: { id: m.author.id, handle: m.author.handle }, place: m.place },
  };
}

/** The case's top message in the team channel. The Slack transport renders it from the database. */
export function slackCaseIntent(caseId: number, summary: string): OutboundIntent {
  return { idempotencyKey: `slack:case:${caseId}`, channel: 'slack', kind: 'slack_case', target: { caseId }, text: summary, caseId };
}

/** A later event about a case, into its thread (the customer wrote again, edited their post...). */
export function slackThreadIntent(caseId: number, cause: string, text: string, mentionId?: number): OutboundIntent {
  return { idempotencyKey: `slack:thread:${caseId}:${cause}`, channel: 'slack', kind: 'slack_thread', target: { caseId }, text, caseId, mentionId };
}

/** A keyword mention the bot may not answer: the team is told. */
export function slackAlertIntent(m: Mention, mentionId: number, summary: string): OutboundIntent {
  return { idempotencyKey: `slack:alert:${m.channel}:${m.id}`, channel: 'slack', kind: 'slack_alert', target: { mentionId }, text: summary, mentionId };
}

/** One line about a mention for Slack previews and the console: who, where, what (shortened). */
export function mentionSummary(m: Mention, extra = ''): string {
  const text = m.text.length > 280 ? `${m.text.slice(0, 277)}…` : m.text;
  return `${m.author.name} (@${m.author.handle}) on ${m.channel}: "${text}"${extra ? ` ${extra}` : ''}`;
}
