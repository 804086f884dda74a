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
  | 'slack_direct' // a direct message to one team member (their advocate account verified, their reply flagged)
  | 'slack_digest' // a managers' digest (Markdown, with its chart rebuilt at send time)
  | 'slack_maybe_missed' // the daily list of ignored mentions that scored closest below the threshold
  | 'slack_maybe_missed_update'; // that list re-rendered after someone made a case from it

/**
 * Why a message is sent, stored in its own column: the idempotency key says what caused a message, not
 * what it is for, so nothing reads meaning from a key's prefix. `other` marks rows written before the
 * column existed whose purpose could not be derived.
 */
export const OUTBOUND_PURPOSES = [
  'acknowledgement', // the bot's automatic public reply to a complaint
  'invitation', // the bot's private invitation that goes with it
  'human_reply', // a person's public reply, sent from Slack
  'follow_up', // "How did we do?" after a case is resolved
  'case_message', // the case's top message in Slack
  'case_thread', // a line in the case's Slack thread
  'case_update', // the case's top message re-rendered
  'alert', // a keyword mention the team is told about
  'alert_update', // an alert re-rendered
  'burst_summary', // one summary for a burst of new cases
  'handoff', // the note to the person a case was handed to
  'notice', // a notice to the whole team channel
  'advocate_notice', // a direct message to a staff advocate about their own account or reply
  'digest', // a managers' digest
  'maybe_missed', // the daily "maybe missed" list
  'maybe_missed_update', // that list re-rendered
  'other',
] as const;

export type OutboundPurpose = (typeof OUTBOUND_PURPOSES)[number];

/** A message to the outside world, before it is sent. */
export interface OutboundIntent {
  /** Derived from what causes the message (e.g. `ack:x:<post id>`): the same cause never sends twice. */
  idempotencyKey: string;
  channel: string;
  kind: OutboundKind;
  purpose: OutboundPurpose;
  target: Record<string, unknown>;
  text: string;
  caseId?: number;
  mentionId?: number;
  /** Not before this time (e.g. a follow-up's delay). */
  notBefore?: Date;
  /** textHash(text), when the composer already computed it: each text is hashed once. */
  textHash?: string;
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

export type OutboundStatusValue = (typeof OutboundStatus)[keyof typeof OutboundStatus];

/** A stored outbound message as the sender hands it to a transport. */
export interface OutboundRow {
  id: number;
  idempotencyKey: string;
  channel: string;
  kind: string;
  purpose: string;
  target: string;
  text: string;
  attempts: number;
  /** The last error; starts with `unconfirmed: ` when the platform may or may not have posted. */
  error: string | null;
  caseId: number | null;
  mentionId: number | null;
  /** When it was queued (a check with the platform need not look at anything older). */
  createdAt?: Date;
}
