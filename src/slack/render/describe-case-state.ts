import { labelOutcome } from '../../cases/case-outcomes.js';
import type { CaseView } from '../../cases/load-case-view.js';
import { CaseStatus } from '../../core/case-status.js';
import { formatSlackDate, formatSlackMention } from './format-slack-text.js';

/** Whether the team can still act on a case (claim, reply, resolve...). */
export function isCaseOpen(status: string): boolean {
  return status === CaseStatus.Open || status === CaseStatus.Claimed || status === CaseStatus.Escalated;
}

/** The one line at the top of a case message: who owns it and what state it is in (mrkdwn, no outside text). */
export function describeCaseState(
  c: Pick<
    CaseView,
    'status' | 'ownerSlackId' | 'claimedAt' | 'resolvedAt' | 'outcome' | 'escalationCount' | 'followUpDueAt'
  > &
    Partial<Pick<CaseView, 'followUpSentAt' | 'rating'>>,
): string {
  return describeStatus(c) + describeAftercare(c);
}

// SLA escalations (open cases) and the follow-up's answer (resolved cases), after the status itself.
function describeAftercare(c: Parameters<typeof describeCaseState>[0]): string {
  if (isCaseOpen(c.status) && c.status !== CaseStatus.Escalated && c.escalationCount > 0)
    return ` · :rotating_light: SLA escalated ${c.escalationCount}×`;
  if (c.status !== CaseStatus.Resolved) return '';
  if (c.rating) return ` · rated *${c.rating}/5* ${'★'.repeat(c.rating)}`;
  return c.followUpSentAt ? ` · follow-up sent ${formatSlackDate(c.followUpSentAt)}, no answer yet` : '';
}

function describeStatus(c: Parameters<typeof describeCaseState>[0]): string {
  const owner = c.ownerSlackId ? `owner ${formatSlackMention(c.ownerSlackId)}` : 'nobody owns it yet';
  switch (c.status) {
    case CaseStatus.Open:
      return c.ownerSlackId
        ? `:large_green_circle: *Open*, ${owner}`
        : ':large_green_circle: *Open*, nobody owns it yet: take it';
    case CaseStatus.Claimed:
      return (
        `:raising_hand: *Owned by ${formatSlackMention(c.ownerSlackId)}*` +
        `${c.claimedAt ? ` since ${formatSlackDate(c.claimedAt)}` : ''}`
      );
    case CaseStatus.Escalated:
      return `:rotating_light: *Escalated*${c.escalationCount > 1 ? ` (${c.escalationCount} times)` : ''}, ${owner}`;
    case CaseStatus.Resolved:
      return (
        `:white_check_mark: *Resolved* (${labelOutcome(c.outcome)}) by ${formatSlackMention(c.ownerSlackId)}` +
        (c.resolvedAt ? ` on ${formatSlackDate(c.resolvedAt)}` : '') +
        (c.followUpDueAt && !c.followUpSentAt ? `; follow-up due ${formatSlackDate(c.followUpDueAt)}` : '')
      );
    case CaseStatus.ClosedNotComplaint:
      return ':no_entry_sign: *Closed: not a complaint* (the scorer learns from it)';
    default:
      return `*${c.status.replace(/[^\w -]/g, '')}*, ${owner}`;
  }
}
