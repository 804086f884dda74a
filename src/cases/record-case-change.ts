import type { OutboundIntent } from '../core/outbound.js';
import type { DbTx } from '../store/db-types.js';
import { enqueueIntents } from '../store/enqueue-intents.js';
import type { CaseEventType } from './case-event-type.js';
import { caseEventThreadIntent, caseUpdateIntent } from './case-intents.js';

/** A change someone made to a case from Slack, as the audit trail records it. */
export interface CaseChange {
  caseId: number;
  /** `slack:<user id>` for a person, `bot` for the bot. */
  actor: string;
  type: CaseEventType;
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
    data: {
      caseId: change.caseId,
      at: change.at,
      actor: change.actor,
      type: change.type,
      detail: JSON.stringify(change.detail),
    },
    select: { id: true },
  });
  const intents: OutboundIntent[] = [];
  if (change.thread !== false)
    intents.push(caseEventThreadIntent(change.caseId, event.id, `${change.type} by ${change.actor}`));
  intents.push(caseUpdateIntent(change.caseId, `event:${event.id}`));
  intents.push(...(change.also?.(event.id) ?? []));
  await enqueueIntents(tx, intents, change.at);
  return event.id;
}
