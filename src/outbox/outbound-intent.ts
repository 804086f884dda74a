import { textHash } from '../compose/recent-texts.js';
import type { DbTx } from '../store/db-types.js';

/** What an outbound message is, which decides how it is sent and what is recorded when it goes. */
export type OutboundKind =
  | 'public_reply' // acknowledgement or a person's reply, on the customer's channel
  | 'private_message' // DM invitation, follow-up in private
  | 'slack_case' // the case's top message in the team channel
  | 'slack_thread' // a later event about a case, into its thread
  | 'slack_alert'; // a keyword mention the bot may not answer

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

function toRow(i: OutboundIntent) {
  return {
    idempotencyKey: i.idempotencyKey, channel: i.channel, kind: i.kind, target: JSON.stringify(i.target), text: i.text,
    caseId: i.caseId ?? null, mentionId: i.mentionId ?? null, textHash: textHash(i.text), notBefore: i.notBefore ?? new Date(),
  };
}

/**
 * Writes intents durably (inside the caller's transaction, with the decision that caused them). An
 * intent whose key exists already is skipped: enqueueing is idempotent.
 */
export async function enqueueIntents(db: DbTx, intents: OutboundIntent[]): Promise<number> {
  if (!intents.length) return 0;
  const existing = await db.outboundMessage.findMany({
    where: { idempotencyKey: { in: intents.map((i) => i.idempotencyKey) } },
    select: { idempotencyKey: true },
  });
  const taken = new Set(existing.map((e) => e.idempotencyKey));
  const fresh = intents.filter((i) => !taken.has(i.idempotencyKey) && Boolean(taken.add(i.idempotencyKey)));
  if (fresh.length) await db.outboundMessage.createMany({ data: fresh.map(toRow) });
  return fresh.length;
}
