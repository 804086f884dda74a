/** The states a case passes through. Open, claimed and escalated are the team's to handle. */
export const CaseStatus = {
  Open: 'open',
  Claimed: 'claimed',
  Escalated: 'escalated',
  Resolved: 'resolved',
  /** The team said it is not a complaint; the label trains the scorer. */
  ClosedNotComplaint: 'closed_not_complaint',
} as const;

export type CaseStatusValue = (typeof CaseStatus)[keyof typeof CaseStatus];

/**
 * Idempotency keys of public replies a person wrote (from Slack), e.g. `human-reply:slack:<view id>`:
 * recording one sets the case's firstHumanReplyAt.
 */
export const HUMAN_REPLY_PREFIX = 'human-reply:';
