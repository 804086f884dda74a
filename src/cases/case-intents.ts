import type { OutboundIntent } from '../core/outbound.js';

/** The reference a customer can quote for a case. */
export function caseRef(caseId: number): string {
  return `#${caseId}`;
}

/** The key of the outbox row that posts a case's top message: one per case, written only here. */
export function caseMessageKey(caseId: number): string {
  return `slack:case:${caseId}`;
}

/** The case's top message in the team channel. The Slack transport renders it from the database. */
export function caseMessageIntent(caseId: number, summary: string): OutboundIntent {
  return {
    idempotencyKey: caseMessageKey(caseId),
    channel: 'slack',
    kind: 'slack_case',
    purpose: 'case_message',
    target: { caseId },
    text: summary,
    caseId,
  };
}

/** A later event about a case, into its thread (the customer wrote again, edited their post...). */
export function caseThreadIntent(caseId: number, cause: string, text: string, mentionId?: number): OutboundIntent {
  return {
    idempotencyKey: `slack:thread:${caseId}:${cause}`,
    channel: 'slack',
    kind: 'slack_thread',
    purpose: 'case_thread',
    target: { caseId },
    text,
    caseId,
    mentionId,
  };
}

/** A line in the case's thread rendered from a CaseEvent at send time. */
export function caseEventThreadIntent(caseId: number, eventId: number, fallback: string): OutboundIntent {
  return { ...caseThreadIntent(caseId, `event:${eventId}`, fallback), target: { caseId, eventId } };
}

/** A re-render of the case's top message (chat.update) from the database at send time. */
export function caseUpdateIntent(caseId: number, cause: string): OutboundIntent {
  return {
    idempotencyKey: `slack:update:${caseId}:${cause}`,
    channel: 'slack',
    kind: 'slack_case_update',
    purpose: 'case_update',
    target: { caseId },
    text: `case #${caseId} updated`,
    caseId,
  };
}
