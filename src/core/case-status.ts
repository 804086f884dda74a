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

/** The statuses of a case the team still has to handle. */
export const OPEN_CASE_STATUSES = [CaseStatus.Open, CaseStatus.Claimed, CaseStatus.Escalated] as const;
