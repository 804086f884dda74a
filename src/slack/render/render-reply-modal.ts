import type { KnownBlock, ModalView } from '@slack/types';
import type { MentionView } from '../../cases/load-case-view.js';
import { findLiabilityPhrases } from '../../compose/check-liability.js';
import type { ChannelLimit } from '../../core/channel-limit.js';
import { Input, Modal } from '../slack-ids.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { channelName, formatHandle, quoteEscaped, shortEscaped } from './format-slack-text.js';
import type { ModalContext } from './render-modals.js';

/** How a draft measures up on the customer's channel. */
export interface DraftCheck {
  length: number;
  max: number;
  fits: boolean;
  liability: string[];
}

/** Length as the customer's channel counts it (X: twitter-text weights) and liability-admitting phrases. */
export function checkDraft(limit: ChannelLimit, text: string): DraftCheck {
  const length = limit.measure(text);
  return { length, max: limit.maxLength, fits: length <= limit.maxLength, liability: findLiabilityPhrases(text) };
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/**
 * The "Reply publicly" modal: the post being answered, the text box (it reports each keystroke, so the
 * length check and the preview below it stay live), the length on the customer's channel, a warning
 * for wording that admits liability, and a preview of exactly what will be posted as the brand.
 */
export function renderReplyModal(
  context: ModalContext,
  target: MentionView,
  draft: string,
  limit: ChannelLimit,
): ModalView {
  const where = escapeMrkdwn(channelName(target.channel));
  const check = checkDraft(limit, draft);
  const lengthLine = check.fits
    ? `:white_check_mark: ${check.length} / ${check.max} characters on ${where}`
    : `:x: ${check.length} / ${check.max} characters: too long for ${where}${limit.note ? ` (${escapeMrkdwn(limit.note)})` : ''}`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: `Replying *publicly, as the brand,* on ${where} to *${shortEscaped(target.author.name, 100)}* (${formatHandle(target.author.handle, 60)}):\n${quoteEscaped(target.text, 600)}`,
      },
    },
    {
      type: 'input',
      block_id: Input.ReplyText.block,
      dispatch_action: true,
      label: plain('Your reply'),
      element: {
        type: 'plain_text_input',
        action_id: Input.ReplyText.action,
        multiline: true,
        max_length: 3000,
        dispatch_action_config: { trigger_actions_on: ['on_character_entered'] },
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', verbatim: true, text: lengthLine }] },
  ];
  if (check.liability.length) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          verbatim: true,
          text: `:warning: Careful: ${check.liability.map((p) => `"${shortEscaped(p, 60)}"`).join(', ')} admits liability or promises money in public. Apologise for the experience; settle the rest in private.`,
        },
      ],
    });
  }
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      verbatim: true,
      text: `*Preview*\n${draft.trim() ? quoteEscaped(draft, 2800) : '_(nothing typed yet)_'}`,
    },
  });
  return {
    type: 'modal',
    callback_id: Modal.Reply,
    private_metadata: JSON.stringify(context),
    title: plain(`Reply: case #${context.caseId}`.slice(0, 24)),
    submit: plain('Send publicly'),
    close: plain('Cancel'),
    blocks,
  };
}
