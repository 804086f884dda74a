/**
 * Why a case action did not happen, with the data a surface needs to say so. The Slack desk (or a CLI, a
 * job, a test) writes its own sentence from it (see src/slack/handlers/describe-refusal.ts).
 */
export type Refusal =
  | { reason: 'missing'; caseId: number }
  | { reason: 'closed'; caseId: number; status: string }
  | { reason: 'already_owner'; caseId: number }
  | { reason: 'taken'; caseId: number; ownerSlackId: string }
  | { reason: 'already_with_them'; caseId: number }
  | { reason: 'changed'; caseId: number; action: 'escalate' | 'hand_off' | 'resolve' }
  | { reason: 'unknown_outcome'; outcome: string }
  | { reason: 'empty_reply' }
  | { reason: 'reply_on_its_way' }
  | { reason: 'no_public_post'; caseId: number }
  | { reason: 'too_long'; channel: string }
  | { reason: 'mention_missing' }
  | { reason: 'already_in_case'; caseId: number }
  | { reason: 'owned_by_other'; caseId: number; ownerSlackId: string };

/** What an action on a case came to: the audit event it wrote, or why it did not happen. */
export type ActionResult = { ok: true; eventId: number } | ({ ok: false } & Refusal);

/** The refusal for a case that cannot be acted on because it is closed or missing. */
export function notActionable(caseId: number, status: string | undefined): { ok: false } & Refusal {
  if (status === undefined) return { ok: false, reason: 'missing', caseId };
  return { ok: false, reason: 'closed', caseId, status };
}
