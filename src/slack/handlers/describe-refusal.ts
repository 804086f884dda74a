import type { Refusal } from '../../cases/action-result.js';
import { formatSlackMention } from '../render/format-slack-text.js';

const DOING: Record<Extract<Refusal, { reason: 'changed' }>['action'], string> = {
  escalate: 'escalating',
  hand_off: 'handing it off',
  resolve: 'resolving',
};

/** The sentence a Slack user is shown (ephemerally) when their action on a case did not happen. */
export function describeRefusal(refusal: Refusal): string {
  switch (refusal.reason) {
    case 'missing':
      return `Case #${refusal.caseId} does not exist (any more).`;
    case 'closed':
      return `Case #${refusal.caseId} is ${refusal.status.replace(/_/g, ' ')}: nothing to do.`;
    case 'already_owner':
      return `You already own case #${refusal.caseId}.`;
    case 'taken':
      return `Case #${refusal.caseId} is already taken by ${formatSlackMention(refusal.ownerSlackId)}.`;
    case 'already_with_them':
      return `Case #${refusal.caseId} is already with that person.`;
    case 'changed':
      return `Case #${refusal.caseId} changed while you were ${DOING[refusal.action]}; try again.`;
    case 'unknown_outcome':
      return `"${refusal.outcome.slice(0, 40).replace(/[<>&]/g, '')}" is not an outcome.`;
    case 'empty_reply':
      return 'The reply is empty.';
    case 'reply_on_its_way':
      return 'This reply is already on its way.';
    case 'no_public_post':
      return `Case #${refusal.caseId} has no public post the brand may answer; write to the customer in private.`;
    case 'too_long':
      return `The reply is too long for ${refusal.channel}.`;
    case 'mention_missing':
      return 'That post is no longer stored.';
    case 'already_in_case':
      return `This post is already in case #${refusal.caseId}.`;
    case 'owned_by_other':
      return (
        `${formatSlackMention(refusal.ownerSlackId)} owns case #` +
        `${refusal.caseId}: tick "Send anyway" to answer over them.`
      );
  }
}
