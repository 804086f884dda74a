// The action, view and block ids the Bolt handlers listen for. Kept in one place so a renderer and its
// handler can never drift apart.

/** Buttons on a case's top message (their value is the case id). */
export const CaseAction = {
  Claim: 'case_claim',
  HandOff: 'case_handoff',
  Reply: 'case_reply',
  Resolve: 'case_resolve',
  NotComplaint: 'case_not_complaint',
  Escalate: 'case_escalate',
  ShowAll: 'case_show_all',
  LinkCustomer: 'case_link_customer',
} as const;

/** Buttons about who the customer is: value = a LinkSuggestion id (accept, dismiss) or IdentityLink id (unlink). */
export const LinkAction = {
  Accept: 'link_accept',
  Dismiss: 'link_dismiss',
  Unlink: 'link_unlink',
} as const;

/** Confirmation buttons of `/mentions customer export|forget` (value = a customer id). */
export const CustomerDataAction = {
  Export: 'customer_export_confirm',
  Forget: 'customer_forget_confirm',
} as const;

/** The button on a keyword alert (its value is the mention id). */
export const ALERT_OPEN_CASE = 'alert_open_case';

/** The button beside each mention of the daily "maybe missed" list (its value is the mention id). */
export const MAYBE_MISSED_COMPLAINT = 'maybe_missed_complaint';

/** Modals: callback ids, and the block/action ids of their inputs. */
export const Modal = {
  Reply: 'reply_modal',
  OwnAccountReady: 'own_account_ready_modal',
  HandOff: 'handoff_modal',
  Resolve: 'resolve_modal',
  LinkCustomer: 'link_customer_modal',
} as const;

export const Input = {
  ReplyText: { block: 'reply_text_block', action: 'reply_text' },
  ReplyHow: { block: 'reply_how_block', action: 'reply_how' },
  ReplyConfirm: { block: 'reply_confirm_block', action: 'reply_confirm' },
  HandOffTo: { block: 'handoff_to_block', action: 'handoff_to' },
  HandOffNote: { block: 'handoff_note_block', action: 'handoff_note' },
  Outcome: { block: 'outcome_block', action: 'outcome' },
  ResolveNote: { block: 'resolve_note_block', action: 'resolve_note' },
  LinkQuery: { block: 'link_query_block', action: 'link_query' },
} as const;

/** The slash command. */
export const SLASH_COMMAND = '/mentions';
