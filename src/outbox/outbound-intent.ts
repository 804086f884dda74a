import { textHash } from '../compose/recent-texts.js';
import { bulkInsert } from '../store/bulk-insert.js';
import type { DbTx } from '../store/db-types.js';

/** What an outbound message is, which decides how it is sent and what is recorded when it goes. */
export type OutboundKind =
  | 'public_reply' // acknowledgement or a person's reply, on the customer's channel
  | 'private_message' // DM invitation, follow-up in private
  | 'slack_case' // the case's top message in the team channel
  | 'slack_thread' // a later event about a case, into its thread
  | 'slack_alert' // a keyword mention the bot may not answer
  | 'slack_case_update' // the case's top message re-rendered (owner, state) after a change
  | 'slack_alert_update' // an alert re-rendered after someone opened a case from it
  | 'slack_burst' // one summary message for a burst of new cases, which are threaded under it
  | 'slack_handoff' // a direct message to the person a case was handed to: the note and the context
  | 'slack_notice' // a notice to the whole team channel (acknowledgements paused or resumed)
  | 'slack_digest'; // a managers' digest (Markdown, with its chart rebuilt at send time)

/** A message to the outside world, before it is sent. */
export interface OutboundIntent {
  /** Derived from what causes the message (e.g. `ack:x:<post id>`): the same cause never sends twice. */
  idempotencyKey: string;
  channel: string;
  kind: OutboundKind;
  target: Record<string, unknown>;
  text: string;
  caseId?: number;
  mentionId?: number;
  /** Not before this time (e.g. a follow-up's delay). */
  notBefore?: Date;
}

/**
 * Kept in an intent's target: its text assumes the message `ifNotDelivered` (an idempotency key, queued
 * before it) goes out. The sender waits while that message is still pending, and sends `text` instead
 * if it failed or was held (see applyFallback).
 */
export interface OutboundFallback {
  ifNotDelivered: string;
  text: string;
}

/** The statuses an outbound message passes through. */
export const OutboundStatus = {
  Pending: 'pending',
  Sending: 'sending',
  Sent: 'sent',
  Failed: 'failed',
  /** Kept for a person: over budget, or a crash left it unknown whether it went out. */
  Held: 'held',
} as const;

function toRow(i: OutboundIntent, now: Date) {
  return {
    idempotencyKey: i.idempotencyKey, channel: i.channel, kind: i.kind, target: JSON.stringify(i.target), text: i.text,
    caseId: i.caseId ?? null, mentionId: i.mentionId ?? null, textHash: textHash(i.text), notBefore: i.notBefore ?? now,
    status: OutboundStatus.Pending, attempts: 0, createdAt: now, updatedAt: now,
  };
}

/**
 * Writes intents durably (inside the caller's transaction, with the decision that caused them). An
 * intent whose key exists already is skipped: enqueueing is idempotent.
 */
export async function enqueueIntents(db: DbTx, intents: OutboundIntent[], now = new Date()): Promise<number> {
  if (!intents.length) return 0;
  const existing = await db.outboundMessage.findMany({
    where: { idempotencyKey: { in: intents.map((i) => i.idempotencyKey) } },
    select: { idempotencyKey: true },
  });
  const taken = new Set(existing.map((e) => e.idempotencyKey));
  const fresh = intents.filter((i) => !taken.has(i.idempotencyKey) && Boolean(taken.add(i.idempotencyKey)));
  await bulkInsert(db, 'OutboundMessage', fresh.map((i) => toRow(i, now)));
  return fresh.length;
}
