/**
 * Every kind of entry in a case's audit trail (CaseEvent.type), declared once. Writers use these
 * literals; the Slack renderer's switch over them is checked for exhaustiveness.
 */
export const CASE_EVENT_TYPES = [
  'opened', // the pipeline opened the case for a complaint
  'held', // the bot did not answer automatically (the reason is in the detail)
  'mention_edited', // the customer edited a post of the case
  'rated', // the customer answered the follow-up with a rating
  'customer_wrote', // the customer wrote again, in public
  'customer_wrote_privately', // ... or in private
  'claimed',
  'handed_off',
  'resolved',
  'not_complaint',
  'escalated', // by a person
  'sla_escalated', // by the SLA job
  'reply_queued', // a person's public reply is on its way
  'follow_up_queued',
  'follow_up_skipped',
  'alert_added', // a keyword alert added to the customer's open case by hand
  'opened_from_alert', // a case opened by hand from a keyword alert
  'public_reply_sent',
  'private_message_sent',
  'slack_case_posted',
  'message_held',
  'send_failed',
  'identity_linked', // another channel identity joined the case's customer (detail: how, why, who)
  'identity_unlinked', // ... and was taken back out: its history is as it was before
  'link_suggested', // possibly the same person: a person decides
  'link_dismissed', // "not the same"
  'customer_forgotten', // the person's data was erased on request; counts stay
  'advocate_replied', // a team member answered from their own linked account (detail: mentionId, flagged rules)
  'own_account_draft', // a person drafted a reply to post from their own account (detail: text, flagged rules)
  'drafting', // someone opened Reply publicly or the own-account draft (the collision guard)
] as const;

export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
