import { enqueueIntents, type OutboundIntent } from '../outbox/outbound-intent.js';
import type { DbTx } from '../store/db-types.js';

/** A change someone made to a case from Slack, as the audit trail records it. */
export interface CaseChange {
  caseId: number;
  /** `slack:<user id>` for a person, `bot` for the bot. */
  actor: string;
  type: string;
  detail: Record<string, unknown>;
  at: Date;
  /** Post a line about it into the case's thread (default true). */
  thread?: boolean;
  /** Further intents decided with the change (a public reply, a hand-off message...). */
  also?: (eventId: number) => OutboundIntent[];
}

/** The actor string of a Slack user in the audit trail. */
export function slackActor(userId: string): string {
  return `slack:${userId}`;
}

/**
 * Writes the CaseEvent of a change and, in the same transaction, the Slack messages it causes: a line
 * in the case's thread and a re-render of the top message (owner, state). Keys derive from the event,
 * so the same change never posts twice. Returns the event id.
 */
export async function recordCaseChange(tx: DbTx, change: CaseChange): Promise<number> {
  const event = await tx.caseEvent.create({
    data: { caseId: change.caseId, at: change.at, actor: change.actor, type: change.type, detail: JSON.stringify(change.detail) },
    select: { id: true },
  });
  const intents: OutboundIntent[] = [];
  if (change.thread !== false) intents.push(caseThreadIntent(change.caseId, event.id, `${change.type} by ${change.actor}`));
  intents.push(caseUpdateIntent(change.caseId, `event:${event.id}`));
  intents.push(...(change.also?.(event.id) ?? []));
  await enqueueIntents(tx, intents, change.at);
  return event.id;
}

/** A line in the case's thread rendered from a CaseEvent at send time. */
export function caseThreadIntent(caseId: number, eventId: number, fallback: string): OutboundIntent {
  return {
    idempotencyKey: `slack:thread:${caseId}:event:${eventId}`, channel: 'slack', kind: 'slack_thread', target: { caseId, eventId }, text: fallback, caseId,
  };
}

/** A re-render of the case's top message (chat.update) from the database at send time. */
export function caseUpdateIntent(caseId: number, cause: string): OutboundIntent {
  return { idempotencyKey: `slack:update:${caseId}:${cause}`, channel: 'slack', kind: 'slack_case_update', target: { caseId }, text: `case #${caseId} updated`, caseId };
}

/** The key of the outbox row that posts a case's top message (see plan-intents slackCaseIntent). */
export function caseMessageKey(caseId: number): string {
  return `slack:case:${caseId}`;
}
